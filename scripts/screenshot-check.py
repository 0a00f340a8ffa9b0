#!/usr/bin/env python3
"""Checks the pixels of scripts/screenshots' PNGs (and the font coverage of every string shown).

    screenshot-check.py DIR            checks DIR/index.json's screenshots, prints a JSON report
    screenshot-check.py --glyphs       checks fontconfig covers every character of the catalogs
                                       and the demo data (including 𠮷)
    screenshot-check.py --ratio R,G,B R,G,B   prints the WCAG contrast ratio of two colours

The report's "failures" list is empty when every check passed; exit status 1 otherwise.
Per cell (the cell size foot logged): background = the cell's most common colour, glyph = the
pixel most distant from it (the fully inked core of an anti-aliased stroke); a cell whose most
distant pixel is within 24 of the background holds no text. Contrast must be >= 4.5:1 (7:1 in the
high-contrast theme). Touch targets: rectangles of cells whose background differs from the
screen's and spans less than the full width (bars are not buttons), holding text; each must be
>= 60x60 px in 长辈模式 (elder), >= 44x44 px otherwise. The home screen's one-row sample-card
buttons exist only in `kiosk demo` and are reported, not failed; vertical strips (a dialog's
frame or shadow) are not buttons, nor is one row of highlighted text with glyphs in its first and
last cells (a label such as 请到服务窗口咨询: a button has padding), nor the cells of an on-screen
QR code (the index's "qr" box: [first col, first row, last col, last row], quiet zone included).
The grid must leave less than one cell unused at the right and bottom edges.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def distance(a, b):
    return max(abs(x - y) for x, y in zip(a[:3], b[:3]))


def cells(image, cw, ch, cols, rows):
    """Yields (col, row, background, glyph-or-None) for every cell."""
    pixels = image.load()
    for row in range(rows):
        for col in range(cols):
            counts = {}
            for y in range(row * ch, row * ch + ch):
                for x in range(col * cw, col * cw + cw):
                    p = pixels[x, y][:3]
                    counts[p] = counts.get(p, 0) + 1
            background = max(counts, key=counts.get)
            glyph = max(counts, key=lambda p: distance(p, background))
            yield col, row, background, (glyph if distance(glyph, background) > 24 else None)


def check_image(path, entry, failures, figures):
    from PIL import Image
    image = Image.open(path).convert("RGB")
    width, height = image.size
    cw, ch, cols, rows = entry["cell_width"], entry["cell_height"], entry["cols"], entry["rows"]
    name = entry["file"]
    if width - cols * cw >= cw or height - rows * ch >= ch:
        failures.append(f"{name}: grid {cols}x{rows} of {cw}x{ch} px leaves {width - cols * cw} px right, "
                        f"{height - rows * ch} px bottom (more than one cell)")
    grid = {}
    worst = None
    for col, row, background, glyph in cells(image, cw, ch, cols, rows):
        grid[col, row] = (background, glyph)
        if glyph is not None:
            ratio = contrast(glyph, background)
            if worst is None or ratio < worst[0]:
                worst = (ratio, glyph, background, col, row)
    need = 7.0 if entry["variant"] == "high-contrast" else 4.5
    figures["contrast"] = None if worst is None else round(worst[0], 2)
    if worst and worst[0] < need:
        ratio, glyph, background, col, row = worst
        failures.append(f"{name}: text {glyph} on {background} at cell {col},{row} has contrast "
                        f"{ratio:.2f}:1 (needs {need}:1)")
    # Touch targets: maximal rectangles of equal non-screen background.
    counts = {}
    for background, _ in grid.values():
        counts[background] = counts.get(background, 0) + 1
    screen = max(counts, key=counts.get)
    seen, smallest = set(), None
    minimum = 60 if entry["variant"] == "elder" else 44
    for (col, row), (background, _) in sorted(grid.items(), key=lambda item: (item[0][1], item[0][0])):
        if (col, row) in seen or background == screen:
            continue
        right = col
        while right + 1 < cols and grid[right + 1, row][0] == background and (right + 1, row) not in seen:
            right += 1
        bottom = row
        while bottom + 1 < rows and all(grid[x, bottom + 1][0] == background for x in range(col, right + 1)):
            bottom += 1
        for x in range(col, right + 1):
            for y in range(row, bottom + 1):
                seen.add((x, y))
        if right - col + 1 >= cols - 1:
            continue  # a bar across the screen (title, status), not a button
        if not any(grid[x, y][1] is not None for x in range(col, right + 1) for y in range(row, bottom + 1)):
            continue
        w, h = (right - col + 1) * cw, (bottom - row + 1) * ch
        if h > 3 * w:
            continue  # a vertical strip (a dialog's frame or shadow), not a button
        if w * h > width * height // 6:
            continue  # a panel (the card prompt), not a button
        qr = entry.get("qr")
        if qr and qr[0] <= col and right <= qr[2] and qr[1] <= row and bottom <= qr[3]:
            continue  # a module of the on-screen QR code
        if bottom == row and grid[col, row][1] is not None and grid[right, row][1] is not None:
            figures.setdefault("labels_px", []).append([w, h])
            continue  # highlighted text without padding: a label, not a button
        if entry["screen"] == "home" and bottom == row:
            figures.setdefault("demo_buttons_px", [w, h])
            continue
        if smallest is None or min(w, h) < min(smallest):
            smallest = (w, h)
        if w < minimum or h < minimum:
            failures.append(f"{name}: touch target at cells {col},{row}-{right},{bottom} is {w}x{h} px "
                            f"(needs {minimum}x{minimum})")
    figures["smallest_target_px"] = list(smallest) if smallest else None


def check_dir(directory):
    with open(os.path.join(directory, "index.json"), encoding="utf-8") as f:
        index = json.load(f)
    failures, report = [], {}
    if not index:
        failures.append("no screenshots in index.json")
    for entry in index:
        figures = {}
        check_image(os.path.join(directory, entry["file"]), entry, failures, figures)
        report[entry["file"]] = figures
    return failures, report


def characters():
    """Every character the citizen can be shown: the catalogs and the demo data's string literals."""
    text = ""
    for name in os.listdir(os.path.join(ROOT, "assets", "strings")):
        with open(os.path.join(ROOT, "assets", "strings", name), encoding="utf-8") as f:
            text += "".join(json.load(f).values())
    for source in ("Sources/KioskCore/BackOffice/DemoData.swift", "Sources/KioskDevices/Reader/Cards/SampleCards.swift"):
        with open(os.path.join(ROOT, source), encoding="utf-8") as f:
            text += "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', f.read()))
    return sorted({c for c in text if ord(c) > 0x20 and not c.isspace()})


def check_glyphs():
    """Characters no installed font covers (foot would draw a missing-glyph box)."""
    missing = []
    for c in characters():
        found = subprocess.run(["fc-list", f":charset={ord(c):x}", "family"], capture_output=True, text=True).stdout
        if not found.strip():
            missing.append(f"U+{ord(c):04X} {c}")
    return missing


def main():
    if sys.argv[1:2] == ["--ratio"]:
        a, b = (tuple(int(v) for v in arg.split(",")) for arg in sys.argv[2:4])
        print(f"{contrast(a, b):.2f}")
        return
    if sys.argv[1:2] == ["--glyphs"]:
        chars = characters()
        missing = check_glyphs()
        print(json.dumps({"characters": len(chars), "includes_u20bb7": "\U00020bb7" in chars, "missing": missing},
                         ensure_ascii=False))
        sys.exit(1 if missing or "\U00020bb7" not in chars else 0)
    failures, report = check_dir(sys.argv[1])
    print(json.dumps({"failures": failures, "figures": report}, ensure_ascii=False, indent=1))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
