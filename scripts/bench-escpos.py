#!/usr/bin/env python3
"""Builds the kiosk's status slip with python-escpos, for comparison in `kiosk-bench printer`.

Reads JSON on stdin: {"lines": [[text, align, bold, double], ...], "url": "...", "iterations": N,
"width": 384}. Builds the same text (GB18030, as python-escpos's CJK path does) and the QR code
once as an image (qrcode library → GS v 0, the default) and once natively (GS ( k), into a Dummy
printer. Prints JSON: median milliseconds and byte counts of both variants.
"""
import json
import statistics
import sys
import time

from escpos.printer import Dummy


def build(spec, native):
    printer = Dummy(profile="default")
    printer.profile.profile_data["media"]["width"]["pixels"] = spec["width"]
    printer.hw("INIT")
    printer._raw(b"\x1c&")  # FS &: Chinese mode, as the kiosk does
    for text, align, bold, double in spec["lines"]:
        printer.set(align=align, bold=bold, double_width=double, double_height=double)
        printer._raw(text.encode("gb18030") + b"\n")
    printer.set(align="center")
    printer.qr(spec["url"], size=spec.get("module", 6), native=native, center=not native)
    printer._raw(b"\x1c.")
    printer.cut(mode="PART")
    return printer.output


def measure(spec, native):
    build(spec, native)  # warm-up (imports, profile loading)
    samples = []
    size = 0
    for _ in range(spec["iterations"]):
        start = time.perf_counter()
        size = len(build(spec, native))
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), size


def main():
    spec = json.load(sys.stdin)
    image_ms, image_bytes = measure(spec, native=False)
    native_ms, native_bytes = measure(spec, native=True)
    json.dump(
        {"image_ms": image_ms, "image_bytes": image_bytes, "native_ms": native_ms, "native_bytes": native_bytes},
        sys.stdout,
    )


if __name__ == "__main__":
    main()
