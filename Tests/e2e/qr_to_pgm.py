#!/usr/bin/env python3
"""Turns a QR code drawn with half blocks in a terminal (as `tmux capture-pane` gives it) into a PGM picture, so a real
QR reader (zbarimg) can read it back: the proof that phones can scan what the board shows.

Usage: qr_to_pgm.py MARKER FIRST_COLUMN LAST_COLUMN ROWS OUTPUT.pgm < screen.txt
  The picture is the block of ROWS lines below the line containing MARKER, columns FIRST_COLUMN..LAST_COLUMN.
"""
import sys


def main():
    marker, first, last, rows, output = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    lines = sys.stdin.read().split("\n")
    start = next(index for index, line in enumerate(lines) if marker in line) + 1
    modules = []
    for line in lines[start:start + rows]:
        cells = line.ljust(last + 1)[first:last + 1]
        modules.append([c in "█▀" for c in cells])
        modules.append([c in "█▄" for c in cells])
    scale = 6
    width, height = len(modules[0]) * scale, len(modules) * scale
    pixels = bytearray()
    for row in modules:
        line = b"".join((b"\x00" if dark else b"\xff") * scale for dark in row)
        pixels += line * scale
    with open(output, "wb") as file:
        file.write(f"P5 {width} {height} 255\n".encode() + bytes(pixels))


if __name__ == "__main__":
    main()
