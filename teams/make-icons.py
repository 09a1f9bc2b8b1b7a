#!/usr/bin/env python3
"""Draws the two Teams app icons with only the standard library (zlib + struct).

color.png   192x192, opaque: a calm teal tile with a white ring (CoachBot's mark).
outline.png 32x32, white ring on a fully transparent background (Teams requires white + transparency).
"""
import math
import os
import struct
import zlib

TEAL = (47, 111, 115)
WHITE = (255, 255, 255)


def png(path, width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


def ring_alpha(x, y, size, outer, inner):
    """Anti-aliased coverage (0..1) of a ring centred in a size x size square."""
    c = (size - 1) / 2.0
    d = math.hypot(x - c, y - c)
    return max(0.0, min(1.0, outer - d + 0.5)) * max(0.0, min(1.0, d - inner + 0.5))


def color_pixel(x, y):
    a = ring_alpha(x, y, 192, 62, 40)
    r, g, b = (round(TEAL[i] * (1 - a) + WHITE[i] * a) for i in range(3))
    return bytes((r, g, b, 255))


def outline_pixel(x, y):
    a = ring_alpha(x, y, 32, 13, 8)
    return bytes((255, 255, 255, round(255 * a)))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    png(os.path.join(here, "color.png"), 192, 192, color_pixel)
    png(os.path.join(here, "outline.png"), 32, 32, outline_pixel)
