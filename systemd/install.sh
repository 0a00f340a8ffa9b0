#!/usr/bin/env bash
# Installs the kiosk's systemd units and lockdown files, creates the kiosk user and its
# directories, and enables one launch variant. The kiosk binary and assets are installed
# separately (docs/deployment.md, "Build and install").
#
# Usage: systemd/install.sh [--variant cage|kmscon|plain] [--root DIR] [--no-enable]
#   --variant  which unit to enable: kiosk-cage.service (default), kiosk-kmscon.service or
#              kiosk.service (plain VT, ASCII only)
#   --root     install into DIR instead of / (an image being prepared, or a test); nothing
#              is reloaded or started then, and users/dirs are made with --root as well
#   --no-enable  install files only
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
docs="$here/../docs"
variant=cage
root=/
enable=yes

while (($#)); do
    case "$1" in
        --variant) variant=${2:?}; shift 2 ;;
        --root) root=${2:?}; shift 2 ;;
        --no-enable) enable=no; shift ;;
        -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "install.sh: unknown argument $1" >&2; exit 64 ;;
    esac
done

case "$variant" in
    cage) unit=kiosk-cage.service ;;
    kmscon) unit=kiosk-kmscon.service ;;
    plain) unit=kiosk.service ;;
    *) echo "install.sh: --variant must be cage, kmscon or plain" >&2; exit 64 ;;
esac

if [[ $root == / && $(id -u) -ne 0 ]]; then
    echo "install.sh: run as root (or pass --root DIR)" >&2
    exit 77
fi
r=${root%/}

# Files: units, drop-ins, rules. Configuration the site edits (kiosk.toml) is never overwritten.
install -D -m 0644 -t "$r/etc/systemd/system" \
    "$here/kiosk.service" "$here/kiosk-cage.service" "$here/kiosk-kmscon.service" "$here/kiosk-sync.service"
install -D -m 0644 "$here/tmpfiles.d/kiosk.conf" "$r/etc/tmpfiles.d/kiosk.conf"
install -D -m 0644 "$here/sysusers.d/kiosk.conf" "$r/etc/sysusers.d/kiosk.conf"
install -D -m 0644 "$here/udev/70-kiosk-idcard.rules" "$r/etc/udev/rules.d/70-kiosk-idcard.rules"
install -D -m 0644 "$here/logind.conf.d/kiosk.conf" "$r/etc/systemd/logind.conf.d/kiosk.conf"
install -D -m 0644 "$here/sysctl.d/90-kiosk.conf" "$r/etc/sysctl.d/90-kiosk.conf"
install -D -m 0644 "$here/system.conf.d/kiosk.conf" "$r/etc/systemd/system.conf.d/kiosk.conf"
install -D -m 0644 "$here/foot.ini" "$r/etc/kiosk/foot.ini"
if [[ -f $docs/deployment.md ]]; then
    install -D -m 0644 "$docs/deployment.md" "$r/usr/local/share/doc/kiosk/deployment.md"
fi

# The user, then its directories (tmpfiles.d needs the user to exist).
systemd-sysusers --root="$root" "$r/etc/sysusers.d/kiosk.conf"
systemd-tmpfiles --root="$root" --create "$r/etc/tmpfiles.d/kiosk.conf"

# Lockdown: no Ctrl+Alt+Del, no getty on the kiosk's VT.
systemctl --root="$root" mask ctrl-alt-del.target
systemctl --root="$root" disable getty@tty1.service 2>/dev/null || true

if [[ $enable == yes ]]; then
    for other in kiosk.service kiosk-cage.service kiosk-kmscon.service; do
        [[ $other == "$unit" ]] || systemctl --root="$root" disable "$other" 2>/dev/null || true
    done
    systemctl --root="$root" enable "$unit"
    # Exits at once on a kiosk without [gateway] url, so it is enabled everywhere.
    systemctl --root="$root" enable kiosk-sync.service
fi

if [[ $root == / ]]; then
    systemctl daemon-reload
    udevadm control --reload
    udevadm trigger --subsystem-match=tty --action=add
    sysctl --system >/dev/null
    echo "install.sh: installed; logind and system.conf changes apply after a reboot." >&2
    echo "install.sh: next: /etc/kiosk/kiosk.toml, then 'kiosk doctor', then reboot (docs/deployment.md)." >&2
fi
