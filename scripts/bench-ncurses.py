#!/usr/bin/env python3
"""ncursesw reference for the terminal benchmarks (Sources/KioskBench/TerminalBench.swift).

Runs a curses program in a pseudo-terminal of 120x40 (LANG=C.UTF-8, TERM=xterm-256color) and counts the bytes
ncurses writes for the same scenarios as the Swift renderer:
  full      the first full CJK screen (includes curses' own start-up sequences)
  one       one changed cell on that screen
  switch    switching to a second, completely different CJK screen (median of 4 switches back and forth)
  nochange  a refresh with no change
  idle      100 refreshes with no change
Prints one JSON object with the byte counts on stdout.
"""
import json
import os
import pty
import select
import struct
import sys
import termios
import fcntl

COLS, ROWS = 120, 40


def screen_text(base, row):
    """60 Hanzi (120 columns) for `row` of a screen; `base` selects disjoint character sets."""
    return "".join(chr(base + (row * 60 + i) % 400) for i in range(COLS // 2))


def child(control_fd, go_fd):
    import curses
    import locale

    locale.setlocale(locale.LC_ALL, "")
    stdscr = curses.initscr()
    curses.noecho()
    curses.cbreak()
    try:
        curses.curs_set(0)
    except curses.error:
        pass

    def step(name):
        stdscr.refresh()
        sys.stdout.flush()
        os.write(control_fd, (name + "\n").encode())
        os.read(go_fd, 1)

    def draw(base):
        for y in range(ROWS):
            try:
                stdscr.addstr(y, 0, screen_text(base, y))
            except curses.error:
                pass  # the bottom-right cell: the text is written, the cursor cannot advance

    draw(0x4E00)
    step("full")
    stdscr.addstr(20, 60, "好")
    step("one")
    for _ in range(2):
        draw(0x6000)
        step("switch")
        draw(0x4E00)
        stdscr.addstr(20, 60, "好")
        step("switch")
    step("nochange")
    for _ in range(100):
        stdscr.refresh()
    step("idle")
    curses.endwin()


def main():
    control_r, control_w = os.pipe()
    go_r, go_w = os.pipe()
    pid, master = pty.fork()
    if pid == 0:
        os.environ["LANG"] = "C.UTF-8"
        os.environ["TERM"] = "xterm-256color"
        os.close(control_r)
        os.close(go_w)
        child(control_w, go_r)
        os._exit(0)
    os.close(control_w)
    os.close(go_r)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    counts = {}
    pending = 0
    buffer = b""
    finished = False
    while not finished:
        readable, _, _ = select.select([master, control_r], [], [], 10)
        if not readable:
            break
        if master in readable:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            pending += len(data)
        if control_r in readable:
            buffer += os.read(control_r, 1024)
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                # Everything the step wrote is already in the pty: drain it before counting.
                while select.select([master], [], [], 0.05)[0]:
                    pending += len(os.read(master, 65536))
                name = line.decode()
                counts.setdefault(name, []).append(pending)
                pending = 0
                if name == "idle":
                    finished = True
                os.write(go_w, b"g")
    try:
        while select.select([master], [], [], 0.1)[0]:
            os.read(master, 65536)
    except OSError:
        pass
    os.waitpid(pid, 0)
    switches = sorted(counts.get("switch", [0]))
    result = {
        "full": counts.get("full", [0])[0],
        "one": counts.get("one", [0])[0],
        "switch": switches[len(switches) // 2],
        "nochange": counts.get("nochange", [0])[0],
        "idle": counts.get("idle", [0])[0],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
