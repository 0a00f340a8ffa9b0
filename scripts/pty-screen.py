#!/usr/bin/env python3
"""Drive a terminal program in a real pseudo-terminal and read its screen with pyte.

Used by the end-to-end tests: they run the real `kiosk` binary through this script, which plays the
part of the terminal (kmscon or foot on a kiosk) and of the citizen (keys, taps as SGR mouse bytes).

    pty-screen.py --cols 120 --rows 40 --actions actions.json -- kiosk demo ...

The actions file is a JSON list, run in order:
    {"wait": "text", "timeout": 10}         wait until the text is on screen (fails after timeout)
    {"wait_gone": "text", "timeout": 10}    wait until the text is no longer on screen
    {"send": "\\u0011"}                      write bytes (a string; \\u escapes for control keys)
    {"tap": "text", "nth": 0}               SGR mouse press + release on the middle of the text
    {"tap_at": [x, y]}                      SGR mouse press + release on a zero-based cell
    {"snapshot": "name"}                    record the screen under that name
    {"sleep": 0.2}                          let time pass (for idle checks)
    {"mark_bytes": "name"}                  record how many bytes the program has written so far
    {"resize": [cols, rows]}                change the window size (TIOCSWINSZ + SIGWINCH)
    {"signal": "TERM"}                      send a signal to the program
    {"wait_exit": 10}                       wait for the program to exit
    {"wait_file": "path", "contains": "text", "timeout": 10}
                                            wait until the file holds the text (a log line)
    {"exec": ["gcore", "{pid}"], "timeout": 60}
                                            run a command ({pid} = the program's pid) and wait for it;
                                            a non-zero exit fails the run. The program is this script's
                                            child and may be traced by this script's descendants (yama).

It prints one JSON object: snapshots (lines of text, plus per-row checks), byte marks, exit status,
whether the tty settings were restored, the tail of the output, and "error" when an action failed.
A DECRQM probe for mode 2026 is answered "not recognised" unless --sync is given; DA1 is answered.
"""
import argparse
import ctypes
import fcntl
import json
import os
import pathlib
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pyte
from wcwidth import wcwidth


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--actions", required=True)
    parser.add_argument("--sync", action="store_true", help="answer the DECRQM 2026 probe positively")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the program")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command and args.command[0] == "--" else args.command
    with open(args.actions, encoding="utf-8") as f:
        actions = json.load(f)

    screen = pyte.Screen(args.cols, args.rows)
    stream = pyte.ByteStream(screen)
    master, slave = pty.openpty()
    set_size(slave, args.cols, args.rows)
    original = termios.tcgetattr(slave)
    env = dict(os.environ)
    env.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "COLUMNS": str(args.cols), "LINES": str(args.rows)})
    for item in args.env:
        key, _, value = item.partition("=")
        env[key] = value

    tracer = os.getpid()
    pid = os.fork()
    if pid == 0:
        # Under yama ptrace_scope 1 only ancestors may trace: let this script's children (gcore) do it.
        if os.path.exists("/proc/sys/kernel/yama/ptrace_scope"):
            ctypes.CDLL(None, use_errno=True).prctl(0x59616D61, tracer, 0, 0, 0)  # PR_SET_PTRACER
        os.setsid()
        os.close(master)
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        os.execvpe(command[0], command, env)

    state = {"bytes": 0, "tail": b"", "exit": None, "pid": pid}
    result = {"snapshots": {}, "marks": {}, "error": None, "execs": []}

    def pump(timeout):
        """Reads what the program wrote (up to `timeout` seconds) and answers capability probes."""
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(master, 65536)
        except OSError:
            return False
        if not data:
            return False
        state["bytes"] += len(data)
        state["tail"] = (state["tail"] + data)[-4096:]
        if b"\x1b[?2026$p" in data:
            answer = b"\x1b[?2026;2$y" if args.sync else b"\x1b[?2026;0$y"
            os.write(master, answer)
        if re.search(rb"\x1b\[0?c", data):
            os.write(master, b"\x1b[?62;22c")
        stream.feed(data)
        return True

    def reap(block=False):
        if state["exit"] is not None:
            return True
        done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
        if done:
            state["exit"] = os.waitstatus_to_exitcode(status)
            return True
        return False

    def text():
        return "\n".join(screen.display)

    def wait_until(predicate, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            pump(0.05)
            if reap():
                while pump(0.05):
                    pass
                return predicate()
        return predicate()

    def tap(x, y):
        os.write(master, f"\x1b[<0;{x + 1};{y + 1}M".encode())
        time.sleep(0.03)
        os.write(master, f"\x1b[<0;{x + 1};{y + 1}m".encode())

    def find(needle, nth=0):
        found = []
        for y in range(screen.lines):
            row = screen.buffer[y]
            cells = "".join(row[x].data for x in range(screen.columns))
            start = 0
            while True:
                index = cells.find(needle, start)
                if index < 0:
                    break
                # Map the character index back to a column (continuation cells hold "").
                column, seen = 0, 0
                for x in range(screen.columns):
                    if seen == index:
                        column = x
                        break
                    seen += len(row[x].data)
                width = sum(max(wcwidth(c), 0) for c in needle)
                found.append((column + width // 2, y))
                start = index + 1
        return found[nth] if len(found) > nth else None

    try:
        for action in actions:
            if "wait" in action:
                needle = action["wait"]
                if not wait_until(lambda: needle in text(), action.get("timeout", 10)):
                    raise RuntimeError(f"timed out waiting for {needle!r}")
            elif "wait_gone" in action:
                needle = action["wait_gone"]
                if not wait_until(lambda: needle not in text(), action.get("timeout", 10)):
                    raise RuntimeError(f"timed out waiting for {needle!r} to go")
            elif "send" in action:
                os.write(master, action["send"].encode("utf-8"))
            elif "tap" in action:
                wait_until(lambda: find(action["tap"], action.get("nth", 0)) is not None, action.get("timeout", 10))
                where = find(action["tap"], action.get("nth", 0))
                if where is None:
                    raise RuntimeError(f"cannot tap {action['tap']!r}: not on screen")
                tap(*where)
            elif "tap_at" in action:
                tap(*action["tap_at"])
            elif "snapshot" in action:
                while pump(0.05):
                    pass
                result["snapshots"][action["snapshot"]] = snapshot(screen)
            elif "sleep" in action:
                end = time.monotonic() + action["sleep"]
                while time.monotonic() < end:
                    pump(max(0.0, min(0.05, end - time.monotonic())))
            elif "touch" in action:
                # Tells the test driving this script that the steps before it are done.
                pathlib.Path(action["touch"]).touch()
            elif "mark_bytes" in action:
                while pump(0.02):
                    pass
                result["marks"][action["mark_bytes"]] = state["bytes"]
            elif "resize" in action:
                cols, rows = action["resize"]
                screen.resize(rows, cols)
                set_size(master, cols, rows)
                os.kill(pid, signal.SIGWINCH)
            elif "signal" in action:
                os.kill(pid, getattr(signal, "SIG" + action["signal"]))
            elif "wait_file" in action:
                def holds(path=action["wait_file"], text=action["contains"]):
                    try:
                        with open(path, encoding="utf-8", errors="replace") as f:
                            return text in f.read()
                    except OSError:
                        return False
                if not wait_until(holds, action.get("timeout", 10)):
                    raise RuntimeError(f"timed out waiting for {action['contains']!r} in {action['wait_file']}")
            elif "exec" in action:
                argv = [part.replace("{pid}", str(pid)) for part in action["exec"]]
                done = subprocess.run(argv, capture_output=True, timeout=action.get("timeout", 60))
                output = (done.stdout + done.stderr).decode("utf-8", "replace")[-2000:]
                result["execs"].append({"argv": argv, "status": done.returncode, "output": output})
                if done.returncode != 0:
                    raise RuntimeError(f"{argv[0]} exited with {done.returncode}: {output}")
            elif "wait_exit" in action:
                if not wait_until(lambda: reap(), action["wait_exit"]):
                    raise RuntimeError("timed out waiting for the program to exit")
    except Exception as error:  # reported in the JSON, the caller decides
        result["error"] = str(error)
        result["screen"] = screen.display
    finally:
        if not reap():
            os.kill(pid, signal.SIGKILL)
            reap(block=True)
        while pump(0.02):
            pass

    restored = termios.tcgetattr(slave)
    result["exit_code"] = state["exit"]
    result["bytes"] = state["bytes"]
    result["termios_restored"] = restored[:4] == original[:4]
    result["tail"] = state["tail"].decode("utf-8", "replace")
    print(json.dumps(result, ensure_ascii=False))


def snapshot(screen):
    """The screen as text lines, plus the layout facts the tests check."""
    rows, problems = [], []
    for y in range(screen.lines):
        row = screen.buffer[y]
        line, columns = "", 0
        for x in range(screen.columns):
            data = row[x].data
            line += data
            if data:
                width = max(wcwidth(data[0]), 1) if data[0] != " " else 1
                if width == 2 and x == screen.columns - 1:
                    problems.append(f"row {y}: wide glyph {data!r} starts in the last column")
                columns += width if data else 0
            # pyte stores "" in the continuation cell of a wide glyph.
        if columns > screen.columns:
            problems.append(f"row {y}: {columns} columns used on a {screen.columns}-column screen")
        rows.append(line.rstrip())
    return {
        "lines": rows,
        "problems": problems,
        "cursor": [screen.cursor.x, screen.cursor.y],
        "cursor_hidden": screen.cursor.hidden,
        "size": [screen.columns, screen.lines],
    }


def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


if __name__ == "__main__":
    main()
