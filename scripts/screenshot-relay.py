#!/usr/bin/env python3
"""The program foot runs for the screenshot harness: puts the kiosk on a pty it owns and relays.

    screenshot-relay.py --control SOCKET -- kiosk demo ...

Bytes pass unchanged both ways (foot's answers to the kiosk's probes included) and foot's window
size is forwarded on every SIGWINCH, so the kiosk talks to the real foot. The relay also keeps a
pyte copy of the screen so the harness can find a label's cell, and it accepts JSON requests on a
Unix stream socket (one request per connection, one JSON answer):
    {"find": "text", "nth": 0}   -> {"cell": [col, row]} of the text's middle, or {"cell": null}
    {"text": true}               -> {"lines": [...], "size": [cols, rows]}
    {"cells": "▀"}               -> {"cells": [[col, row], ...]} of every cell holding exactly that text
    {"send": "bytes"}            -> writes the bytes to the kiosk as if typed (keys, SGR mouse reports)
"""
import argparse
import fcntl
import json
import os
import pty
import select
import signal
import socket
import struct
import sys
import termios
import tty

import pyte
from wcwidth import wcwidth


def window_size(fd):
    rows, cols, xpix, ypix = struct.unpack("HHHH", fcntl.ioctl(fd, termios.TIOCGWINSZ, b"\0" * 8))
    return cols, rows, xpix, ypix


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--control", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command and args.command[0] == "--" else args.command

    cols, rows, xpix, ypix = window_size(0)
    screen = pyte.Screen(max(cols, 1), max(rows, 1))
    stream = pyte.ByteStream(screen)
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, xpix, ypix))
    tty.setraw(0)

    def resized(*_):
        c, r, xp, yp = window_size(0)
        screen.resize(r, c)
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", r, c, xp, yp))
        os.kill(pid, signal.SIGWINCH)

    signal.signal(signal.SIGWINCH, resized)
    if os.path.exists(args.control):
        os.unlink(args.control)
    control = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    control.bind(args.control)
    control.listen(4)

    def find(needle, nth):
        found = []
        for y in range(screen.lines):
            row = screen.buffer[y]
            cells = "".join(row[x].data for x in range(screen.columns))
            start = 0
            while (index := cells.find(needle, start)) >= 0:
                column, seen = 0, 0
                for x in range(screen.columns):
                    if seen == index:
                        column = x
                        break
                    seen += len(row[x].data)
                width = sum(max(wcwidth(c), 0) for c in needle)
                found.append([column + width // 2, y])
                start = index + 1
        return found[nth] if len(found) > nth else None

    def answer(connection):
        data = b""
        while not data.endswith(b"\n"):
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
        request = json.loads(data.decode("utf-8"))
        if "find" in request:
            reply = {"cell": find(request["find"], request.get("nth", 0))}
        elif "cells" in request:
            reply = {"cells": [[x, y] for y in range(screen.lines) for x in range(screen.columns)
                               if screen.buffer[y][x].data == request["cells"]]}
        elif "send" in request:
            os.write(master, request["send"].encode("utf-8"))
            reply = {"ok": True}
        else:
            reply = {"lines": screen.display, "size": [screen.columns, screen.lines]}
        connection.sendall(json.dumps(reply, ensure_ascii=False).encode("utf-8") + b"\n")

    while True:
        try:
            ready, _, _ = select.select([0, master, control], [], [])
        except InterruptedError:
            continue
        if master in ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            os.write(1, data)
            stream.feed(data)
        if 0 in ready:
            data = os.read(0, 65536)
            if not data:
                break
            os.write(master, data)
        if control in ready:
            connection, _ = control.accept()
            with connection:
                try:
                    answer(connection)
                except (OSError, ValueError) as error:
                    print(f"screenshot-relay: {error}", file=sys.stderr)
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
