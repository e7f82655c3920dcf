#!/usr/bin/env python3
"""Draw the demo illustrations of the Babillard site (content/images/).

Every picture of the demo is drawn here with Pillow, from simple flat shapes: no photo,
no font file, no network. Each image has its own fixed random seed (derived from its
name), so running the script again gives exactly the same bytes:

    .venv/bin/python scripts/make_demo_images.py          # writes content/images/
    .venv/bin/python scripts/make_demo_images.py --check  # fails if a file would change

Pictures are drawn twice as large as needed, then reduced, which smooths the edges.
Articles get 1600x1000 JPEGs, listings 1200x900 JPEGs (quality 82, progressive, no EXIF);
the association's logo is a 400x400 PNG with transparency. The script also writes
content/images/CREDITS.md, which lists every file it draws (CC0 1.0).
"""

from __future__ import annotations

import argparse
import io
import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "content" / "images"
SS = 2  # supersampling factor
ARTICLE_SIZE = (1600, 1000)
LISTING_SIZE = (1200, 900)
# French typography in CREDITS.md: no-break space before ":", narrow one before ";".
NBSP, NNBSP = "\u00a0", "\u202f"
JPEG_OPTIONS = {"quality": 82, "progressive": True, "optimize": True, "subsampling": "4:2:0"}

Color = tuple[int, int, int] | tuple[int, int, int, int]

# A small, soft palette shared by every picture.
SKY_TOP = (126, 182, 222)
SKY_LOW = (214, 236, 244)
DUSK_TOP = (62, 72, 138)
DUSK_LOW = (246, 176, 128)
NIGHT_TOP = (18, 26, 58)
NIGHT_LOW = (52, 62, 110)
GRASS = (118, 170, 92)
GRASS_DARK = (86, 138, 72)
SOIL = (122, 86, 58)
SOIL_DARK = (96, 66, 44)
WOOD = (176, 126, 82)
WOOD_DARK = (136, 94, 60)
WOOD_LIGHT = (214, 170, 118)
LEAF = (92, 156, 84)
LEAF_LIGHT = (138, 192, 108)
LEAF_DARK = (62, 118, 66)
TRUNK = (112, 82, 60)
RED = (214, 72, 60)
ORANGE = (238, 146, 62)
YELLOW = (246, 204, 82)
CREAM = (250, 242, 222)
WHITE = (252, 252, 248)
BLUE = (70, 124, 190)
TEAL = (54, 150, 150)
PURPLE = (132, 98, 168)
PINK = (232, 132, 150)
GREY = (150, 154, 160)
GREY_DARK = (84, 88, 96)
INK = (48, 52, 62)
SKINS = [(240, 200, 170), (206, 156, 118), (160, 110, 80), (110, 74, 52), (228, 180, 140)]
HAIRS = [(60, 44, 34), (30, 28, 30), (150, 100, 60), (200, 170, 110), (170, 170, 170)]
CLOTHES = [BLUE, RED, TEAL, ORANGE, PURPLE, (90, 140, 90), PINK, (70, 80, 120), YELLOW]
BOOK_COLOURS = [RED, BLUE, TEAL, ORANGE, PURPLE, (90, 140, 90), YELLOW, PINK, (70, 80, 120), CREAM]


def mix(a: Color, b: Color, t: float) -> tuple[int, int, int]:
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def shade(c: Color, t: float) -> tuple[int, int, int]:
    """Darken (t < 0) or lighten (t > 0) a colour."""
    return mix(c, (0, 0, 0), -t) if t < 0 else mix(c, (255, 255, 255), t)


class Painter:
    """Draws in final-pixel coordinates on a canvas SS times larger."""

    def __init__(self, size: tuple[int, int], mode: str = "RGB", background: Color = WHITE):
        self.w, self.h = size
        self.img = Image.new(mode, (self.w * SS, self.h * SS), background)
        self.d = ImageDraw.Draw(self.img)

    @staticmethod
    def _s(values):
        return [round(v * SS) for v in values]

    def rect(self, box, fill, outline=None, width=0):
        self.d.rectangle(self._s(box), fill=fill, outline=outline, width=round(width * SS))

    def rrect(self, box, radius, fill, outline=None, width=0):
        self.d.rounded_rectangle(
            self._s(box),
            radius=round(radius * SS),
            fill=fill,
            outline=outline,
            width=round(width * SS),
        )

    def ellipse(self, box, fill, outline=None, width=0):
        self.d.ellipse(self._s(box), fill=fill, outline=outline, width=round(width * SS))

    def circle(self, cx, cy, r, fill, outline=None, width=0):
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill, outline, width)

    def ring(self, cx, cy, r, colour, width):
        self.ellipse((cx - r, cy - r, cx + r, cy + r), None, colour, width)

    def poly(self, points, fill, outline=None):
        self.d.polygon(
            [(round(x * SS), round(y * SS)) for x, y in points], fill=fill, outline=outline
        )

    def line(self, points, colour, width):
        pts = [(round(x * SS), round(y * SS)) for x, y in points]
        self.d.line(pts, fill=colour, width=max(1, round(width * SS)), joint="curve")
        r = width / 2
        if width >= 3:  # round caps
            for x, y in (points[0], points[-1]):
                self.circle(x, y, r, colour)

    def arc(self, box, start, end, colour, width):
        self.d.arc(self._s(box), start, end, fill=colour, width=round(width * SS))

    def pieslice(self, box, start, end, fill):
        self.d.pieslice(self._s(box), start, end, fill=fill)

    def vgradient(self, box, top, bottom):
        x0, y0, x1, y1 = self._s(box)
        span = max(1, y1 - y0)
        for y in range(y0, y1):
            self.d.line([(x0, y), (x1 - 1, y)], fill=mix(top, bottom, (y - y0) / span))

    def finish(self) -> Image.Image:
        return self.img.resize((self.w, self.h), Image.Resampling.LANCZOS)


# --- Reusable pieces of scenery -------------------------------------------------------------


def sky(p: Painter, horizon: float, top=SKY_TOP, low=SKY_LOW):
    p.vgradient((0, 0, p.w, horizon + 2), top, low)


def ground(p: Painter, horizon: float, colour=GRASS, low=GRASS_DARK):
    p.vgradient((0, horizon, p.w, p.h), colour, low)


def hills(p: Painter, rng: random.Random, base: float, colour, amplitude=60, bumps=4):
    pts = [(0, p.h)]
    phase = rng.uniform(0, math.pi)
    for i in range(0, 101):
        x = p.w * i / 100
        y = base - amplitude * (0.5 + 0.5 * math.sin(phase + bumps * math.pi * i / 100))
        pts.append((x, y))
    pts.append((p.w, p.h))
    p.poly(pts, colour)


def sun(p: Painter, cx, cy, r, colour=(255, 222, 120)):
    p.circle(cx, cy, r * 1.35, mix(colour, SKY_LOW, 0.55))
    p.circle(cx, cy, r, colour)


def cloud(p: Painter, cx, cy, w, colour=WHITE):
    h = w * 0.32
    p.ellipse((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), colour)
    p.circle(cx - w * 0.16, cy - h * 0.35, h * 0.55, colour)
    p.circle(cx + w * 0.12, cy - h * 0.45, h * 0.7, colour)


def tree(p: Painter, rng: random.Random, x, base, height, crown=LEAF, trunk=TRUNK):
    """A round-crowned tree, like the lindens of the quarter."""
    tw = height * 0.09
    p.poly(
        [
            (x - tw, base),
            (x + tw, base),
            (x + tw * 0.6, base - height * 0.55),
            (x - tw * 0.6, base - height * 0.55),
        ],
        trunk,
    )
    cy = base - height * 0.62
    r = height * 0.36
    dark, light = shade(crown, -0.18), shade(crown, 0.16)
    blobs = [
        (rng.uniform(-0.55, 0.55) * r, rng.uniform(-0.5, 0.35) * r, rng.uniform(0.5, 0.7) * r)
        for _ in range(7)
    ]
    p.ellipse((x - r * 1.05, cy - r * 0.95, x + r * 1.05, cy + r * 0.75), dark)
    for bx, by, br in blobs:
        p.circle(x + bx, cy + by, br, crown)
    for bx, by, br in blobs[:3]:
        p.circle(x + bx - br * 0.2, cy + by - br * 0.25, br * 0.55, light)


def bush(p: Painter, x, base, w, colour=LEAF_DARK):
    p.ellipse((x - w / 2, base - w * 0.45, x + w / 2, base + w * 0.08), colour)
    p.circle(x - w * 0.18, base - w * 0.32, w * 0.24, shade(colour, 0.12))
    p.circle(x + w * 0.16, base - w * 0.36, w * 0.2, shade(colour, 0.08))


def person(
    p: Painter,
    rng: random.Random,
    x,
    base,
    height,
    shirt=None,
    trousers=None,
    arms="down",
    skin=None,
    hair=None,
):
    """A standing figure facing us; arms: down, up, out, hold."""
    shirt = shirt or rng.choice(CLOTHES)
    trousers = trousers or rng.choice([(60, 70, 100), (80, 80, 86), (110, 90, 70), (50, 60, 80)])
    skin = skin or rng.choice(SKINS)
    hair = hair or rng.choice(HAIRS)
    u = height / 10
    head_r = u * 0.95
    # legs
    p.rrect((x - u * 1.1, base - u * 4.2, x - u * 0.15, base), u * 0.4, trousers)
    p.rrect((x + u * 0.15, base - u * 4.2, x + u * 1.1, base), u * 0.4, trousers)
    # body
    top = base - u * 7.8
    p.rrect((x - u * 1.6, top, x + u * 1.6, base - u * 3.8), u * 0.9, shirt)
    # arms
    sleeve = shade(shirt, -0.1)
    if arms == "up":
        p.line([(x - u * 1.3, top + u * 0.8), (x - u * 2.3, top - u * 1.8)], sleeve, u * 0.8)
        p.line([(x + u * 1.3, top + u * 0.8), (x + u * 2.3, top - u * 1.8)], sleeve, u * 0.8)
        p.circle(x - u * 2.35, top - u * 2.0, u * 0.45, skin)
        p.circle(x + u * 2.35, top - u * 2.0, u * 0.45, skin)
    elif arms == "out":
        p.line([(x - u * 1.3, top + u * 0.8), (x - u * 3.0, top + u * 2.4)], sleeve, u * 0.8)
        p.line([(x + u * 1.3, top + u * 0.8), (x + u * 3.0, top + u * 2.4)], sleeve, u * 0.8)
        p.circle(x - u * 3.1, top + u * 2.5, u * 0.45, skin)
        p.circle(x + u * 3.1, top + u * 2.5, u * 0.45, skin)
    elif arms == "hold":
        p.line(
            [
                (x - u * 1.3, top + u * 0.8),
                (x - u * 1.9, top + u * 2.6),
                (x - u * 0.6, top + u * 2.9),
            ],
            sleeve,
            u * 0.8,
        )
        p.line(
            [
                (x + u * 1.3, top + u * 0.8),
                (x + u * 1.9, top + u * 2.6),
                (x + u * 0.6, top + u * 2.9),
            ],
            sleeve,
            u * 0.8,
        )
    else:
        p.line([(x - u * 1.4, top + u * 0.8), (x - u * 1.9, top + u * 3.6)], sleeve, u * 0.8)
        p.line([(x + u * 1.4, top + u * 0.8), (x + u * 1.9, top + u * 3.6)], sleeve, u * 0.8)
        p.circle(x - u * 1.95, top + u * 3.8, u * 0.45, skin)
        p.circle(x + u * 1.95, top + u * 3.8, u * 0.45, skin)
    # head and hair
    hy = top - head_r * 0.95
    p.rect((x - u * 0.35, top - u * 0.5, x + u * 0.35, top + u * 0.2), skin)
    p.circle(x, hy, head_r, skin)
    style = rng.randrange(3)
    if style == 0:
        p.pieslice(
            (x - head_r * 1.05, hy - head_r * 1.1, x + head_r * 1.05, hy + head_r * 0.9),
            180,
            360,
            hair,
        )
    elif style == 1:
        p.pieslice(
            (x - head_r * 1.1, hy - head_r * 1.15, x + head_r * 1.1, hy + head_r * 1.0),
            170,
            370,
            hair,
        )
        p.rrect(
            (x - head_r * 1.12, hy - head_r * 0.2, x - head_r * 0.7, hy + head_r * 1.3),
            head_r * 0.2,
            hair,
        )
        p.rrect(
            (x + head_r * 0.7, hy - head_r * 0.2, x + head_r * 1.12, hy + head_r * 1.3),
            head_r * 0.2,
            hair,
        )
    else:
        p.circle(x, hy - head_r * 0.55, head_r * 0.7, hair)
        p.pieslice(
            (x - head_r * 1.02, hy - head_r * 1.0, x + head_r * 1.02, hy + head_r * 0.7),
            190,
            350,
            hair,
        )


def seated_back(p: Painter, rng: random.Random, x, base, size, colour=None, hair=None):
    """Head and shoulders seen from behind (an audience)."""
    colour = colour or rng.choice(CLOTHES)
    hair = hair or rng.choice(HAIRS)
    p.pieslice((x - size, base - size * 1.1, x + size, base + size * 1.1), 180, 360, colour)
    p.circle(x, base - size * 1.35, size * 0.5, hair)


def house(p: Painter, x, base, w, h, wall, roof, door=WOOD_DARK, floors=2, window=(196, 224, 240)):
    p.rect((x, base - h, x + w, base), wall)
    p.poly(
        [(x - w * 0.06, base - h), (x + w * 0.5, base - h - w * 0.38), (x + w * 1.06, base - h)],
        roof,
    )
    cols = 3 if w > 220 else 2
    for f in range(floors):
        fy = base - h + h * (0.14 + f * 0.42)
        for c in range(cols):
            wx = x + w * (0.16 + c * (0.68 / max(1, cols - 1))) - w * 0.07
            if f == floors - 1 and c == cols // 2:
                continue
            p.rect((wx, fy, wx + w * 0.14, fy + h * 0.22), window)
            p.rect(
                (wx - 4, fy + h * 0.22, wx + w * 0.14 + 4, fy + h * 0.22 + 6), shade(wall, -0.15)
            )
    dw = w * 0.16
    p.rrect((x + w / 2 - dw / 2, base - h * 0.36, x + w / 2 + dw / 2, base), 6, door)


def raised_bed(p: Painter, rng: random.Random, x, y, w, h, plant="lettuce"):
    p.rect((x, y, x + w, y + h), WOOD)
    for i in range(1, 3):
        p.line([(x, y + h * i / 3), (x + w, y + h * i / 3)], WOOD_DARK, 3)
    p.rect((x - 6, y - 10, x + w + 6, y + 4), WOOD_LIGHT)
    p.ellipse((x + 2, y - 16, x + w - 2, y + 8), SOIL)
    n = max(3, int(w // 70))
    for i in range(n):
        px = x + w * (i + 0.5) / n + rng.uniform(-6, 6)
        if plant == "lettuce":
            for k in range(5):
                a = math.pi * (0.15 + 0.7 * k / 4)
                lx, ly = px - math.cos(a) * 26, y - 6 - math.sin(a) * 26
                p.ellipse((lx - 20, ly - 14, lx + 20, ly + 14), LEAF_LIGHT if k % 2 else LEAF)
            p.circle(px, y - 14, 14, shade(LEAF_LIGHT, 0.2))
        elif plant == "flowers":
            stem_h = rng.uniform(50, 90)
            p.line([(px, y - 4), (px, y - stem_h)], LEAF_DARK, 5)
            p.ellipse((px, y - stem_h * 0.6 - 10, px + 30, y - stem_h * 0.6 + 4), LEAF)
            c = rng.choice([PINK, YELLOW, ORANGE, PURPLE, WHITE])
            for k in range(6):
                a = k * math.pi / 3
                p.circle(px + math.cos(a) * 13, y - stem_h + math.sin(a) * 13, 10, c)
            p.circle(px, y - stem_h, 8, YELLOW if c != YELLOW else ORANGE)
        elif plant == "carrot":
            for k in range(4):
                a = math.pi * (0.3 + 0.4 * k / 3)
                p.line([(px, y - 6), (px - math.cos(a) * 48, y - 6 - math.sin(a) * 48)], LEAF, 7)
            p.poly([(px - 10, y - 6), (px + 10, y - 6), (px, y + 12)], ORANGE)
        else:  # herbs
            for k in range(7):
                a = math.pi * (0.15 + 0.7 * k / 6)
                p.line(
                    [(px, y - 4), (px - math.cos(a) * 40, y - 4 - math.sin(a) * 46)], LEAF_DARK, 4
                )
                p.circle(px - math.cos(a) * 40, y - 4 - math.sin(a) * 46, 7, LEAF_LIGHT)


def tomato_plant(p: Painter, rng: random.Random, x, base, height):
    p.line([(x, base), (x, base - height)], WOOD_LIGHT, 8)
    for k in range(9):
        yy = base - height * (0.12 + 0.1 * k)
        side = -1 if k % 2 else 1
        lx = x + side * rng.uniform(24, 48)
        p.line([(x, yy + 12), (lx, yy)], LEAF_DARK, 5)
        p.ellipse((lx - 30, yy - 16, lx + 30, yy + 16), LEAF if k % 3 else LEAF_DARK)
    for _ in range(6):
        tx = x + rng.uniform(-46, 46)
        ty = base - height * rng.uniform(0.2, 0.8)
        r = rng.uniform(12, 19)
        p.circle(tx, ty, r, RED)
        p.circle(tx - r * 0.35, ty - r * 0.35, r * 0.3, shade(RED, 0.35))
        p.poly([(tx - 6, ty - r), (tx + 6, ty - r), (tx, ty - r - 8)], LEAF_DARK)


def watering_can(p: Painter, x, base, size, colour=TEAL):
    s = size
    p.rrect((x, base - s * 0.7, x + s, base), s * 0.1, colour)
    p.poly(
        [
            (x + s * 0.95, base - s * 0.25),
            (x + s * 1.55, base - s * 0.95),
            (x + s * 1.62, base - s * 0.88),
            (x + s * 1.0, base - s * 0.1),
        ],
        colour,
    )
    p.ellipse((x + s * 1.5, base - s * 1.05, x + s * 1.72, base - s * 0.85), shade(colour, -0.2))
    p.arc(
        (x + s * 0.1, base - s * 1.15, x + s * 0.8, base - s * 0.4),
        180,
        360,
        shade(colour, -0.15),
        s * 0.08,
    )
    p.ellipse((x - s * 0.05, base - s * 0.78, x + s * 1.05, base - s * 0.62), shade(colour, -0.2))


def bicycle(p: Painter, cx, base, size, frame=RED, tyre=INK, stand=False):
    """A side view of a bicycle; size is the wheel diameter."""
    r = size / 2
    lw = (cx - size * 0.95, base - r)
    rw = (cx + size * 0.95, base - r)
    for wx, wy in (lw, rw):
        p.ring(wx, wy, r, tyre, size * 0.07)
        p.ring(wx, wy, r * 0.9, GREY, size * 0.015)
        for k in range(12):
            a = k * math.pi / 6
            p.line(
                [(wx, wy), (wx + math.cos(a) * r * 0.88, wy + math.sin(a) * r * 0.88)], GREY, 1.5
            )
        p.circle(wx, wy, size * 0.05, GREY_DARK)
    crank = (cx - size * 0.05, base - r)
    seat_tube_top = (cx - size * 0.35, base - r - size * 0.75)
    head_top = (cx + size * 0.62, base - r - size * 0.8)
    head_low = (cx + size * 0.7, base - r - size * 0.5)
    fw = size * 0.06
    p.line([lw, crank, seat_tube_top, lw], frame, fw)
    p.line([seat_tube_top, head_top], frame, fw)
    p.line([crank, head_low], frame, fw)
    p.line([head_top, head_low, rw], frame, fw)
    p.line(
        [seat_tube_top, (seat_tube_top[0] - size * 0.05, seat_tube_top[1] - size * 0.18)],
        GREY_DARK,
        fw * 0.8,
    )
    p.rrect(
        (
            seat_tube_top[0] - size * 0.22,
            seat_tube_top[1] - size * 0.24,
            seat_tube_top[0] + size * 0.14,
            seat_tube_top[1] - size * 0.15,
        ),
        size * 0.04,
        INK,
    )
    p.line(
        [
            head_top,
            (head_top[0] - size * 0.05, head_top[1] - size * 0.2),
            (head_top[0] - size * 0.28, head_top[1] - size * 0.24),
        ],
        GREY_DARK,
        fw * 0.8,
    )
    p.ring(crank[0], crank[1], size * 0.11, GREY_DARK, size * 0.04)
    p.line([crank, (crank[0] + size * 0.12, crank[1] + size * 0.22)], GREY_DARK, fw * 0.7)
    p.rrect(
        (
            crank[0] + size * 0.04,
            crank[1] + size * 0.2,
            crank[0] + size * 0.24,
            crank[1] + size * 0.26,
        ),
        4,
        INK,
    )
    if stand:
        p.line(
            [(cx - size * 0.2, base - r - size * 0.45), (cx - size * 0.2, base + 10)], GREY_DARK, 10
        )


def book_row(p: Painter, rng: random.Random, x0, x1, base, hmin, hmax, leaning=True):
    """Books standing on a shelf from x0 to x1."""
    x = x0
    while x < x1 - 20:
        w = rng.uniform(18, 40)
        if x + w > x1:
            break
        h = rng.uniform(hmin, hmax)
        c = rng.choice(BOOK_COLOURS)
        p.rect((x, base - h, x + w, base), c)
        p.rect((x, base - h * 0.82, x + w, base - h * 0.78), shade(c, 0.3))
        p.rect((x, base - h * 0.22, x + w, base - h * 0.18), shade(c, -0.2))
        x += w + rng.uniform(1, 4)
        if leaning and rng.random() < 0.08 and x < x1 - 80:
            bh = rng.uniform(hmin, hmax) * 0.9
            p.poly(
                [
                    (x, base),
                    (x + 28, base),
                    (x + 28 + bh * 0.45, base - bh * 0.9),
                    (x + bh * 0.45, base - bh * 0.9),
                ],
                rng.choice(BOOK_COLOURS),
            )
            x += 30 + bh * 0.45


def book_stack(p: Painter, rng: random.Random, cx, base, n, wmin=180, wmax=260, thick=(26, 40)):
    y = base
    for _ in range(n):
        w = rng.uniform(wmin, wmax)
        t = rng.uniform(*thick)
        off = rng.uniform(-18, 18)
        c = rng.choice(BOOK_COLOURS)
        p.rrect((cx - w / 2 + off, y - t, cx + w / 2 + off, y), 4, c)
        p.rect((cx + w / 2 + off - 10, y - t + 4, cx + w / 2 + off - 2, y - 4), CREAM)
        y -= t
    return y


def table(p: Painter, x, y, w, top=WOOD, legs=WOOD_DARK, leg_h=140, cloth=None):
    if cloth:
        p.rect((x - 10, y, x + w + 10, y + leg_h * 0.45), cloth)
        for i in range(int(w // 40) + 1):
            p.rect(
                (x - 10 + i * 40, y, x - 10 + i * 40 + 20, y + leg_h * 0.45), shade(cloth, -0.08)
            )
        p.rect((x - 10, y - 12, x + w + 10, y + 2), shade(cloth, 0.15))
    else:
        p.rect((x, y - 14, x + w, y + 4), top)
    p.rect((x + 14, y, x + 34, y + leg_h), legs)
    p.rect((x + w - 34, y, x + w - 14, y + leg_h), legs)


def chair(p: Painter, x, base, size, colour=WOOD_DARK, facing=1):
    s = size
    p.rect((x, base - s * 0.55, x + s * 0.6, base - s * 0.48), colour)
    p.rect((x + 4, base - s * 0.5, x + s * 0.09, base), colour)
    p.rect((x + s * 0.51, base - s * 0.5, x + s * 0.6 - 4, base), colour)
    bx = x if facing > 0 else x + s * 0.52
    p.rect((bx, base - s * 1.15, bx + s * 0.08, base - s * 0.5), colour)
    p.rect(
        (
            bx if facing > 0 else bx - s * 0.12,
            base - s * 1.1,
            (bx + s * 0.2) if facing > 0 else bx + s * 0.08,
            base - s * 0.95,
        ),
        colour,
    )


def garland(p: Painter, rng: random.Random, x0, x1, y, sag, kind="flags"):
    pts = []
    for i in range(41):
        t = i / 40
        pts.append((x0 + (x1 - x0) * t, y + sag * 4 * t * (1 - t)))
    p.line(pts, GREY_DARK, 3)
    n = int((x1 - x0) // 60)
    for i in range(1, n):
        t = i / n
        gx, gy = x0 + (x1 - x0) * t, y + sag * 4 * t * (1 - t)
        c = CLOTHES[i % len(CLOTHES)]
        if kind == "flags":
            p.poly([(gx - 18, gy), (gx + 18, gy), (gx, gy + 38)], c)
        else:
            p.circle(gx, gy + 14, 16, mix(YELLOW, WHITE, 0.5))
            p.circle(gx, gy + 14, 9, (255, 246, 200))


def stars(p: Painter, rng: random.Random, n, ymax):
    for _ in range(n):
        x, y = rng.uniform(0, p.w), rng.uniform(0, ymax)
        r = rng.choice([1.5, 2, 2.5, 3.5])
        p.circle(x, y, r, (250, 246, 220))


def paper(p: Painter, rng: random.Random, x, y, w, h, colour, pin):
    p.rect(
        (x + 6, y + 8, x + w + 6, y + h + 8),
        (0, 0, 0, 0) if p.img.mode == "RGBA" else shade(colour, -0.45),
    )
    p.rect((x, y, x + w, y + h), colour)
    for k in range(int((h - 50) // 26)):
        lw = w * rng.uniform(0.45, 0.8)
        p.rect((x + 18, y + 42 + k * 26, x + 18 + lw, y + 50 + k * 26), shade(colour, -0.3))
    p.circle(x + w / 2, y + 16, 10, pin)
    p.circle(x + w / 2 - 3, y + 13, 3, shade(pin, 0.5))


def window_frame(p: Painter, x, y, w, h, outside_top=SKY_TOP, outside_low=SKY_LOW):
    p.vgradient((x, y, x + w, y + h), outside_top, outside_low)
    p.rect((x, y, x + w, y + h), None, WHITE, 18)
    p.rect((x + w / 2 - 8, y, x + w / 2 + 8, y + h), WHITE)
    p.rect((x, y + h / 2 - 8, x + w, y + h / 2 + 8), WHITE)


def shadow(p: Painter, cx, y, w, colour):
    p.ellipse((cx - w / 2, y - w * 0.06, cx + w / 2, y + w * 0.06), colour)


def studio(p: Painter, wall=(236, 228, 214), floor=(204, 186, 160), horizon=0.68):
    """A plain backdrop for the listing 'photos'."""
    hy = p.h * horizon
    p.vgradient((0, 0, p.w, hy), shade(wall, 0.08), wall)
    p.vgradient((0, hy, p.w, p.h), floor, shade(floor, -0.12))
    p.rect((0, hy - 3, p.w, hy + 3), shade(floor, -0.2))
    return hy


# --- Article illustrations (1600x1000) ------------------------------------------------------


def art_assemblee(p: Painter, rng: random.Random):
    p.vgradient((0, 0, p.w, 700), (238, 226, 204), (226, 210, 184))
    p.rect((0, 700, p.w, p.h), (170, 128, 92))
    for i in range(0, p.w, 120):
        p.rect((i, 700, i + 4, p.h), (150, 112, 80))
    # banner and windows
    p.rect((420, 90, 1180, 200), (92, 150, 96))
    p.ellipse((760, 112, 840, 178), LEAF_LIGHT)
    for wx in (110, 1320):
        window_frame(p, wx, 120, 170, 260)
    # committee table with three members
    for x in (620, 800, 980):
        person(p, rng, x, 660, 300, arms="down")
    table(p, 460, 560, 680, cloth=(60, 102, 150), leg_h=150)
    p.rect((760, 500, 780, 548), (200, 230, 240))
    for x in (560, 860, 1040):
        p.rect((x, 520, x + 90, 548), WHITE)
    # audience from behind, raising hands for a vote
    for row, (base, size) in enumerate(((900, 70), (1010, 86))):
        for k in range(7 - row):
            x = 150 + k * (1300 / (6 - row)) + rng.uniform(-20, 20)
            col = rng.choice(CLOTHES)
            if rng.random() < 0.45:
                p.line(
                    [(x + size * 0.6, base - size * 0.7), (x + size * 0.95, base - size * 2.6)],
                    col,
                    size * 0.28,
                )
                p.circle(x + size * 0.98, base - size * 2.7, size * 0.2, rng.choice(SKINS))
            seated_back(p, rng, x, base, size, col)


def art_repair_cafe(p: Painter, rng: random.Random):
    p.vgradient((0, 0, p.w, 640), (246, 232, 210), (238, 218, 190))
    p.rect((0, 640, p.w, p.h), (126, 98, 80))
    # pegboard with tools
    p.rect((980, 90, 1500, 430), (214, 180, 136))
    for i in range(10):
        for j in range(6):
            p.circle(1005 + i * 52, 112 + j * 54, 4, (180, 146, 104))
    p.line([(1040, 140), (1040, 380)], GREY_DARK, 14)
    p.rrect((1026, 300, 1054, 400), 8, RED)
    p.line([(1140, 150), (1200, 390)], GREY_DARK, 14)
    p.line([(1230, 150), (1170, 390)], GREY_DARK, 14)
    p.rrect((1150, 330, 1220, 400), 10, BLUE)
    p.ring(1360, 220, 60, GREY_DARK, 16)
    p.line([(1360, 280), (1360, 390)], GREY_DARK, 16)
    p.rect((1420, 140, 1450, 380), YELLOW)
    # window
    window_frame(p, 120, 100, 300, 260)
    # two people behind the table
    person(p, rng, 560, 760, 330, shirt=TEAL, arms="hold")
    person(p, rng, 1060, 760, 340, shirt=ORANGE, arms="hold")
    table(p, 300, 640, 1000, top=WOOD_LIGHT, legs=WOOD_DARK, leg_h=300)
    # toaster, lamp and radio on the table
    p.rrect((420, 520, 600, 626), 24, (200, 206, 212))
    p.rect((460, 508, 490, 524), INK)
    p.rect((530, 508, 560, 524), INK)
    p.line([(760, 626), (760, 470), (860, 420)], GREY_DARK, 12)
    p.poly([(830, 390), (930, 420), (900, 480), (820, 450)], YELLOW)
    p.rrect((1000, 530, 1200, 626), 14, (154, 96, 64))
    p.circle(1050, 578, 32, CREAM)
    p.rect((1100, 552, 1180, 564), CREAM)
    p.rect((1100, 580, 1180, 592), CREAM)
    p.line([(1180, 530), (1230, 460)], GREY_DARK, 5)
    p.rrect((640, 600, 720, 626), 8, RED)
    p.line([(700, 612), (740, 612)], GREY, 6)


def art_repair_tools(p: Painter, rng: random.Random):
    p.rect((0, 0, p.w, p.h), (214, 180, 136))
    for i in range(30):
        for j in range(19):
            p.circle(30 + i * 54, 30 + j * 54, 5, (186, 150, 108))
    # outlined tool shadows + tools
    tools = [
        ("screwdriver", 170, RED),
        ("screwdriver", 290, BLUE),
        ("screwdriver", 410, YELLOW),
        ("pliers", 600, TEAL),
        ("wrench", 820, GREY_DARK),
        ("hammer", 1030, ORANGE),
        ("tape", 1280, YELLOW),
        ("multimeter", 1420, PURPLE),
    ]
    for kind, x, c in tools:
        if kind == "screwdriver":
            p.line([(x, 180), (x, 140)], GREY_DARK, 8)
            p.rrect((x - 26, 200, x + 26, 420), 22, c)
            p.line([(x, 420), (x, 760)], GREY, 16)
            p.poly([(x - 8, 760), (x + 8, 760), (x + 3, 800), (x - 3, 800)], GREY_DARK)
        elif kind == "pliers":
            p.line([(x - 40, 170), (x - 10, 560), (x + 20, 820)], c, 30)
            p.line([(x + 60, 170), (x + 30, 560), (x - 10, 820)], c, 30)
            p.circle(x + 10, 560, 22, GREY_DARK)
        elif kind == "wrench":
            p.line([(x, 260), (x, 800)], GREY, 36)
            p.circle(x, 210, 66, GREY)
            p.rect((x - 22, 130, x + 22, 220), (214, 180, 136))
            p.ring(x, 820, 40, GREY, 20)
        elif kind == "hammer":
            p.line([(x, 260), (x, 820)], WOOD, 36)
            p.rrect((x - 110, 180, x + 110, 270), 16, GREY_DARK)
            p.poly([(x + 110, 190), (x + 170, 170), (x + 150, 250), (x + 110, 262)], GREY_DARK)
        elif kind == "tape":
            p.circle(x, 450, 100, c)
            p.circle(x, 450, 40, (214, 180, 136))
            p.rect((x - 10, 548, x + 110, 566), GREY)
        else:
            p.rrect((x - 70, 250, x + 70, 560), 18, c)
            p.rect((x - 50, 280, x + 50, 360), (200, 230, 200))
            p.circle(x, 460, 40, GREY_DARK)
            p.line([(x - 30, 560), (x - 60, 820)], RED, 8)
            p.line([(x + 30, 560), (x + 60, 820)], INK, 8)
    p.rect((0, 900, p.w, p.h), WOOD)


def art_semis(p: Painter, rng: random.Random):
    p.vgradient((0, 0, p.w, p.h), (236, 240, 232), (220, 226, 214))
    window_frame(p, 240, 80, 1120, 520)
    hills(p, rng, 520, (170, 208, 150), amplitude=40, bumps=3)
    p.rect((240, 520, 1360, 600), (150, 196, 126))
    p.rect((240, 80, 1360, 600), None, WHITE, 22)
    p.rect((792, 80, 808, 600), WHITE)
    p.rect((240, 332, 1360, 348), WHITE)
    p.rect((160, 600, 1440, 640), (240, 236, 228))
    p.rect((0, 640, p.w, p.h), (200, 170, 136))
    # seed trays on the sill
    for tx in (220, 620, 1020):
        p.rect((tx, 520, tx + 360, 610), (66, 70, 78))
        for k in range(6):
            px = tx + 30 + k * 60
            p.rect((px - 22, 540, px + 22, 600), SOIL)
            h = rng.uniform(30, 70)
            p.line([(px, 540), (px, 540 - h)], LEAF_DARK, 5)
            p.ellipse((px - 26, 530 - h, px, 546 - h), LEAF_LIGHT)
            p.ellipse((px, 530 - h, px + 26, 546 - h), LEAF)
    # seed packets and trowel
    for k, c in enumerate((YELLOW, PINK, (150, 200, 120))):
        x = 380 + k * 150
        p.rect((x, 760 + k * 10, x + 120, 930 + k * 10), c)
        p.circle(x + 60, 830 + k * 10, 32, shade(c, -0.2))
    p.line([(1000, 880), (1240, 760)], WOOD_DARK, 22)
    p.poly([(1230, 740), (1380, 690), (1350, 780), (1250, 790)], GREY)


def art_godets(p: Painter, rng: random.Random):
    """Seed trays seen from above."""
    p.rect((0, 0, p.w, p.h), WOOD_LIGHT)
    for i in range(0, p.h, 60):
        p.line(
            [(0, i + rng.uniform(0, 20)), (p.w, i + rng.uniform(0, 20))],
            shade(WOOD_LIGHT, -0.06),
            3,
        )
    for ty, tx in ((90, 110), (90, 830), (540, 110), (540, 830)):
        p.rrect((tx, ty, tx + 660, ty + 380), 20, (60, 64, 72))
        for r in range(3):
            for c in range(5):
                cx, cy = tx + 70 + c * 130, ty + 70 + r * 120
                p.rrect((cx - 52, cy - 48, cx + 52, cy + 48), 12, SOIL)
                p.circle(cx, cy, 30, SOIL_DARK)
                kind = (r + c + tx // 100) % 3
                if kind == 0:
                    p.ellipse((cx - 34, cy - 12, cx, cy + 12), LEAF_LIGHT)
                    p.ellipse((cx, cy - 12, cx + 34, cy + 12), LEAF)
                elif kind == 1:
                    for a in range(4):
                        ang = a * math.pi / 2 + 0.4
                        p.ellipse(
                            (
                                cx + math.cos(ang) * 18 - 16,
                                cy + math.sin(ang) * 18 - 12,
                                cx + math.cos(ang) * 18 + 16,
                                cy + math.sin(ang) * 18 + 12,
                            ),
                            LEAF,
                        )
                else:
                    p.circle(cx, cy, 10, LEAF_DARK)
    p.rrect((1510, 120, 1580, 880), 20, WHITE)


def art_jardin_partage(p: Painter, rng: random.Random):
    horizon = 560
    sky(p, horizon)
    sun(p, 1340, 170, 70)
    cloud(p, 340, 170, 260)
    cloud(p, 900, 120, 200)
    hills(p, rng, horizon, (160, 200, 130), amplitude=50)
    ground(p, horizon)
    tree(p, rng, 180, 620, 460)
    tree(p, rng, 1470, 600, 400, crown=LEAF_DARK)
    # fence
    for x in range(0, p.w, 46):
        p.rect((x, horizon - 40, x + 30, horizon + 30), CREAM)
        p.poly([(x, horizon - 40), (x + 15, horizon - 56), (x + 30, horizon - 40)], CREAM)
    p.rect((0, horizon - 20, p.w, horizon - 6), shade(CREAM, -0.08))
    # path and raised beds
    p.poly([(700, horizon + 30), (900, horizon + 30), (1100, p.h), (500, p.h)], (214, 190, 150))
    raised_bed(p, rng, 140, 700, 420, 130, "lettuce")
    raised_bed(p, rng, 1040, 700, 420, 130, "flowers")
    raised_bed(p, rng, 300, 610, 300, 70, "carrot")
    raised_bed(p, rng, 1000, 610, 300, 70, "herbs")
    watering_can(p, 860, 930, 110)
    person(p, rng, 640, 900, 260, shirt=YELLOW, arms="out")
    person(p, rng, 540, 930, 170, shirt=PINK, arms="up")


def art_plan_parcelles(p: Painter, rng: random.Random):
    """A garden plan seen from above."""
    p.rect((0, 0, p.w, p.h), GRASS)
    p.rect((60, 60, p.w - 60, p.h - 60), None, CREAM, 14)
    p.rect((740, 60, 860, p.h - 60), (222, 200, 160))
    p.rect((60, 450, p.w - 60, 550), (222, 200, 160))
    colours = [(150, 200, 110), (120, 176, 96), (196, 220, 140), (170, 130, 90)]
    k = 0
    for bx0 in (110, 880):
        for by0 in (110, 600):
            for r in range(2):
                for c in range(3):
                    x = bx0 + c * 205
                    y = by0 + r * 150
                    col = colours[(k * 7) % 4]
                    p.rrect((x, y, x + 185, y + 130), 10, WOOD)
                    p.rrect((x + 10, y + 10, x + 175, y + 120), 8, SOIL)
                    for rr in range(3):
                        for cc in range(5):
                            p.circle(x + 28 + cc * 32, y + 32 + rr * 32, 11, col)
                    k += 1
    # the common tool shed and compost
    p.rrect((1380, 470, 1500, 530), 6, WOOD_DARK)
    p.rect((150, 470, 260, 530), (110, 82, 56))
    for x in range(160, 260, 22):
        p.line([(x, 470), (x, 530)], (90, 66, 46), 4)
    p.circle(800, 500, 38, LEAF_DARK)
    p.circle(800, 500, 24, LEAF)


def art_boite_a_livres(p: Painter, rng: random.Random):
    horizon = 640
    sky(p, horizon)
    cloud(p, 1250, 150, 240)
    # the school in the background
    p.rect((760, 260, 1560, horizon), (232, 206, 170))
    p.rect((760, 230, 1560, 270), (180, 92, 72))
    for r in range(2):
        for c in range(6):
            x = 800 + c * 125
            p.rect((x, 310 + r * 150, x + 80, 400 + r * 150), (196, 224, 240))
    p.rect((1090, 520, 1230, horizon), (90, 120, 160))
    p.rect((1100, 290, 1220, 300), INK)
    ground(p, horizon, (190, 190, 184), (160, 160, 156))
    p.rect((0, horizon, p.w, horizon + 14), (220, 220, 214))
    tree(p, rng, 200, horizon + 20, 520)
    # the book box on its post
    cx = 560
    p.rect((cx - 22, 560, cx + 22, 940), WOOD_DARK)
    p.rect((cx - 190, 250, cx + 190, 580), (70, 130, 110))
    p.poly([(cx - 230, 260), (cx, 120), (cx + 230, 260)], (180, 92, 72))
    p.rect((cx - 160, 280, cx + 160, 550), (210, 230, 236))
    p.rect((cx - 160, 410, cx + 160, 420), WOOD_DARK)
    book_row(p, rng, cx - 150, cx + 150, 408, 70, 110, leaning=False)
    book_row(p, rng, cx - 150, cx + 150, 545, 70, 115, leaning=False)
    p.rect((cx - 160, 280, cx + 160, 550), None, WOOD_LIGHT, 10)
    p.rect((cx + 120, 400, cx + 140, 440), YELLOW)
    person(p, rng, 900, 900, 260, shirt=BLUE, arms="hold")
    p.rect((860, 650, 940, 680), RED)
    person(p, rng, 1020, 920, 180, shirt=YELLOW)


def art_etageres(p: Painter, rng: random.Random):
    p.rect((0, 0, p.w, p.h), (238, 226, 206))
    p.rect((120, 60, 1480, 960), WOOD_DARK)
    p.rect((150, 90, 1450, 930), (246, 236, 218))
    for k in range(4):
        y = 290 + k * 215
        book_row(p, rng, 160, 1440, y - 8, 120, 180)
        p.rect((150, y - 8, 1450, y + 12), WOOD)
    p.circle(1360, 270, 30, LEAF)  # a small plant on the top shelf
    p.rect((1330, 250, 1390, 282), ORANGE)


def art_nettoyage_berges(p: Painter, rng: random.Random):
    horizon = 430
    sky(p, horizon, (150, 196, 228), (226, 240, 244))
    cloud(p, 1200, 120, 280)
    hills(p, rng, horizon, (140, 184, 120), amplitude=40, bumps=3)
    ground(p, horizon)
    for x in (120, 380, 1300, 1520):
        tree(
            p, rng, x, horizon + 40, 340 + rng.uniform(-40, 40), crown=rng.choice([LEAF, LEAF_DARK])
        )
    # the stream
    pts_top, pts_low = [], []
    for i in range(51):
        x = p.w * i / 50
        pts_top.append((x, 600 + 40 * math.sin(i / 50 * math.pi * 2)))
        pts_low.append((x, 760 + 40 * math.sin(i / 50 * math.pi * 2 + 0.6)))
    p.poly(pts_top + pts_low[::-1], (98, 160, 206))
    for k in range(8):
        x = 120 + k * 190
        y = 680 + 40 * math.sin((x / p.w) * math.pi * 2 + 0.3)
        p.line([(x, y), (x + 70, y)], (176, 214, 236), 6)
    # volunteers with bags
    for x, c in ((380, YELLOW), (760, ORANGE), (1160, YELLOW)):
        person(p, rng, x, 560, 220, shirt=c, arms="hold")
    for x in (470, 860, 1250):
        p.rrect((x, 470, x + 70, 560), 20, (60, 70, 60))
        p.poly([(x + 20, 470), (x + 35, 450), (x + 50, 470)], (60, 70, 60))
    # collected items on the near bank
    for x, c in ((300, (90, 140, 90)), (900, (60, 70, 60)), (1350, BLUE)):
        p.rrect((x, 860, x + 140, 980), 40, c)
        p.poly([(x + 50, 862), (x + 70, 820), (x + 90, 862)], c)
    p.rect((620, 900, 720, 930), RED)
    p.rrect((1080, 880, 1180, 960), 20, (200, 220, 230))


def art_sacs_collecte(p: Painter, rng: random.Random):
    horizon = 520
    sky(p, horizon, (150, 196, 228), (226, 240, 244))
    ground(p, horizon, GRASS, GRASS_DARK)
    bush(p, 200, horizon + 20, 300)
    bush(p, 1420, horizon + 20, 280)
    # sorted collection: bags, crates, gloves and pincers
    for x, c in ((240, (60, 70, 60)), (480, YELLOW), (720, BLUE)):
        p.rrect((x, 560, x + 200, 850), 70, c)
        p.poly([(x + 70, 564), (x + 100, 500), (x + 130, 564)], c)
        p.ellipse((x + 30, 830, x + 170, 870), shade(GRASS_DARK, -0.2))
    p.rect((1000, 640, 1360, 860), (230, 120, 60))
    for k in range(4):
        p.rect((1010, 660 + k * 50, 1350, 680 + k * 50), shade((230, 120, 60), -0.15))
    p.rrect((1060, 590, 1140, 650), 10, (120, 180, 210))
    p.rrect((1180, 600, 1280, 640), 14, GREY)
    # gloves
    for gx in (560, 700):
        p.rrect((gx, 900, gx + 90, 980), 30, ORANGE)
        for f in range(4):
            p.rrect((gx + 6 + f * 21, 860, gx + 22 + f * 21, 920), 8, ORANGE)
    p.line([(120, 960), (420, 880)], GREY_DARK, 10)
    p.line([(120, 975), (420, 900)], GREY_DARK, 10)


def art_fete_voisins(p: Painter, rng: random.Random):
    horizon = 620
    sky(p, horizon, DUSK_TOP, DUSK_LOW)
    stars(p, rng, 25, 200)
    houses = [
        (0, 300, (236, 210, 170)),
        (300, 280, (214, 150, 120)),
        (580, 320, (240, 226, 196)),
        (900, 300, (196, 176, 150)),
        (1200, 400, (228, 196, 150)),
    ]
    for x, w, c in houses:
        house(p, x, horizon, w, 330 + (x % 3) * 20, c, (150, 84, 70), window=(255, 222, 140))
    p.rect((0, horizon, p.w, p.h), (120, 120, 130))
    p.rect((0, horizon, p.w, horizon + 20), (170, 170, 176))
    garland(p, rng, -20, 820, 160, 90, "lights")
    garland(p, rng, 780, 1620, 150, 90, "lights")
    # the long table
    for x in (240, 420, 600, 780, 960, 1140, 1320):
        person(p, rng, x + rng.uniform(-20, 20), 830, 230, arms="hold")
    table(p, 140, 760, 1320, cloth=(220, 70, 64), leg_h=200)
    p.rect((130, 748, 1470, 764), WHITE)
    for x in range(220, 1400, 150):
        p.ellipse((x - 40, 730, x + 40, 752), WHITE)
        p.rect((x + 50, 690, x + 66, 750), (200, 230, 240))
    p.rrect((660, 680, 740, 750), 10, YELLOW)
    p.circle(1000, 712, 34, ORANGE)


def art_buffet(p: Painter, rng: random.Random):
    """The shared meal, seen from above."""
    p.rect((0, 0, p.w, p.h), (120, 120, 130))
    p.rect((100, 140, 1500, 860), (220, 70, 64))
    for i in range(0, 1400, 70):
        p.rect((100 + i, 140, 135 + i, 860), (206, 60, 56))
    for j in range(0, 720, 70):
        p.rect((100, 140 + j, 1500, 175 + j), (232, 92, 84))
    dishes = [
        (330, 320, 120, (246, 204, 82)),
        (640, 300, 100, (150, 200, 110)),
        (980, 330, 130, ORANGE),
        (1270, 310, 110, (240, 220, 180)),
        (420, 650, 130, RED),
        (760, 640, 110, (196, 160, 120)),
        (1120, 660, 120, (150, 200, 110)),
    ]
    for x, y, r, c in dishes:
        p.circle(x, y, r + 18, WHITE)
        p.circle(x, y, r, c)
        for _ in range(6):
            a = rng.uniform(0, math.tau)
            d = rng.uniform(0, r * 0.6)
            p.circle(
                x + math.cos(a) * d,
                y + math.sin(a) * d,
                r * 0.16,
                shade(c, rng.choice((-0.2, 0.25))),
            )
    for x in (200, 560, 880, 1420):
        p.circle(x, 510, 34, (200, 230, 240))
        p.circle(x, 510, 24, (230, 244, 250))
    p.rrect((1340, 480, 1400, 800), 30, (90, 140, 90))


def art_cinema(p: Painter, rng: random.Random):
    horizon = 640
    sky(p, horizon, NIGHT_TOP, NIGHT_LOW)
    stars(p, rng, 90, 420)
    p.circle(1420, 130, 50, (250, 240, 200))
    p.circle(1444, 116, 46, NIGHT_TOP)
    for x in (80, 260, 1380, 1560):
        tree(p, rng, x, horizon + 30, 430, crown=(40, 80, 60))
    ground(p, horizon, (50, 80, 60), (30, 50, 40))
    # the screen
    p.line([(420, 700), (420, 160)], GREY_DARK, 16)
    p.line([(1180, 700), (1180, 160)], GREY_DARK, 16)
    p.rect((440, 160, 1160, 560), (230, 234, 240))
    p.vgradient((470, 190, 1130, 530), (130, 190, 230), (236, 220, 170))
    p.circle(980, 300, 50, YELLOW)
    p.poly([(470, 530), (640, 380), (780, 470), (900, 360), (1130, 530)], (90, 150, 100))
    # projector beam
    beam = Image.new("RGBA", p.img.size, (0, 0, 0, 0))
    bd = ImageDraw.Draw(beam)
    bd.polygon(
        [(800 * SS, 960 * SS), (470 * SS, 190 * SS), (1130 * SS, 190 * SS)],
        fill=(255, 250, 220, 28),
    )
    p.img.paste(Image.alpha_composite(p.img.convert("RGBA"), beam).convert("RGB"))
    # audience on blankets
    p.rect((0, 820, p.w, p.h), (36, 58, 46))
    for base, size, n in ((820, 52, 12), (930, 66, 10), (1040, 82, 8)):
        for k in range(n):
            x = 60 + k * (1480 / (n - 1)) + rng.uniform(-16, 16)
            seated_back(p, rng, x, base, size, shade(rng.choice(CLOTHES), -0.55), (20, 20, 26))
    p.rrect((760, 880, 840, 960), 10, (60, 60, 70))
    p.circle(800, 900, 20, (255, 250, 220))


def art_recolte(p: Painter, rng: random.Random):
    horizon = 470
    sky(p, horizon, (120, 180, 226), (240, 236, 210))
    sun(p, 220, 150, 80)
    ground(p, horizon, (150, 176, 96), (120, 150, 80))
    for x in range(140, 1600, 240):
        tomato_plant(p, rng, x, 760, 420 + rng.uniform(-30, 30))
    p.rect((0, 760, p.w, p.h), SOIL)
    for x in range(0, p.w, 80):
        p.ellipse((x, 752, x + 100, 790), SOIL_DARK)
    # basket in front
    cx = 800
    p.ellipse((cx - 330, 740, cx + 330, 840), WOOD_DARK)
    for _ in range(22):
        tx, ty = cx + rng.uniform(-280, 280), 770 + rng.uniform(-40, 20)
        c = rng.choice([RED, RED, ORANGE, (230, 190, 60)])
        p.circle(tx, ty, rng.uniform(30, 42), c)
    p.poly([(cx - 340, 790), (cx + 340, 790), (cx + 280, 980), (cx - 280, 980)], WOOD)
    for k in range(5):
        y = 815 + k * 34
        p.line([(cx - 330 + k * 12, y), (cx + 330 - k * 12, y)], WOOD_DARK, 4)
    p.arc((cx - 260, 560, cx + 260, 1000), 200, 340, WOOD_DARK, 20)


def art_panier(p: Painter, rng: random.Random):
    """Vegetables shared out on a table: tomatoes, courgettes, beans."""
    p.vgradient((0, 0, p.w, 520), (246, 234, 214), (236, 220, 196))
    p.rect((0, 520, p.w, p.h), WOOD)
    for i in range(0, 480, 60):
        p.line([(0, 540 + i), (p.w, 540 + i)], WOOD_DARK, 3)
    for x in (330, 800, 1260):
        p.ellipse((x - 220, 560, x + 220, 880), WHITE)
        p.ellipse((x - 190, 590, x + 190, 850), (238, 236, 230))
    for _ in range(9):
        p.circle(
            330 + rng.uniform(-120, 120),
            720 + rng.uniform(-70, 60),
            rng.uniform(34, 46),
            rng.choice([RED, RED, ORANGE]),
        )
    for k in range(5):
        y = 660 + k * 40
        p.rrect((640, y, 960, y + 44), 22, (70, 130, 60))
        p.rrect((940, y + 8, 972, y + 36), 8, (150, 180, 90))
    for k in range(16):
        x = 1120 + (k % 8) * 36
        y = 650 + (k // 8) * 110
        p.arc((x - 20, y, x + 30, y + 160), 250, 330, (120, 180, 80), 16)
    p.rect((0, 0, p.w, 40), shade((246, 234, 214), -0.05))
    window_frame(p, 600, 90, 400, 300)


def art_devoirs(p: Painter, rng: random.Random):
    p.vgradient((0, 0, p.w, 600), (244, 236, 222), (232, 220, 200))
    window_frame(p, 1080, 80, 400, 360, (250, 190, 120), (250, 226, 180))
    p.rect((0, 600, p.w, p.h), WOOD_LIGHT)
    for i in range(0, 400, 50):
        p.line([(0, 620 + i), (p.w, 620 + i)], shade(WOOD_LIGHT, -0.08), 3)
    # desk lamp
    p.ellipse((160, 560, 340, 610), GREY_DARK)
    p.line([(250, 585), (300, 380), (440, 300)], GREY_DARK, 16)
    p.poly([(400, 250), (540, 300), (500, 380), (380, 330)], TEAL)
    light = Image.new("RGBA", p.img.size, (0, 0, 0, 0))
    ld = ImageDraw.Draw(light)
    ld.polygon(
        [(440 * SS, 330 * SS), (520 * SS, 360 * SS), (1050 * SS, 1000 * SS), (300 * SS, 1000 * SS)],
        fill=(255, 244, 200, 60),
    )
    p.img.paste(Image.alpha_composite(p.img.convert("RGBA"), light).convert("RGB"))
    # open notebook and books
    p.poly([(520, 700), (820, 680), (830, 900), (500, 930)], WHITE)
    p.poly([(820, 680), (1120, 700), (1140, 930), (830, 900)], (248, 246, 240))
    for k in range(7):
        p.line([(540, 730 + k * 26), (800, 712 + k * 26)], (170, 196, 226), 3)
        p.line([(850, 712 + k * 26), (1110, 730 + k * 26)], (170, 196, 226), 3)
    p.line([(600, 760), (700, 754), (760, 790)], BLUE, 4)
    book_stack(p, rng, 1360, 620, 5)
    p.line([(1180, 880), (1420, 780)], YELLOW, 18)
    p.poly([(1420, 772), (1450, 768), (1428, 792)], (240, 210, 170))
    p.line([(1190, 940), (1400, 900)], RED, 14)
    # a mug
    p.rrect((120, 760, 230, 900), 16, ORANGE)
    p.arc((200, 790, 270, 860), 270, 90, ORANGE, 14)


def art_atelier_velo(p: Painter, rng: random.Random):
    p.vgradient((0, 0, p.w, 700), (220, 228, 232), (200, 210, 216))
    p.rect((0, 700, p.w, p.h), (130, 134, 140))
    # open garage door showing the street
    p.rect((1060, 120, 1540, 700), (150, 196, 228))
    p.rect((1060, 520, 1540, 700), (180, 180, 176))
    tree(p, rng, 1300, 560, 360)
    p.rect((1040, 100, 1560, 130), GREY_DARK)
    p.rect((1040, 100, 1066, 700), GREY_DARK)
    p.rect((1534, 100, 1560, 700), GREY_DARK)
    # wall of tools
    p.rect((80, 120, 600, 420), (214, 180, 136))
    for k, c in enumerate((RED, BLUE, YELLOW, TEAL, ORANGE)):
        x = 130 + k * 95
        p.line([(x, 160), (x, 330)], GREY_DARK, 12)
        p.rrect((x - 14, 300, x + 14, 380), 8, c)
    p.ring(720, 260, 110, INK, 22)  # a spare tyre on the wall
    p.line([(720, 130), (720, 150)], GREY_DARK, 8)
    # bicycle on its stand and a mechanic
    bicycle(p, 560, 880, 300, frame=TEAL, stand=True)
    p.line([(440, 560), (420, 880)], GREY_DARK, 12)
    p.rect((360, 872, 480, 890), GREY_DARK)
    person(p, rng, 1000, 900, 320, shirt=(70, 80, 120), arms="hold")
    p.rrect((1200, 820, 1380, 900), 10, RED)
    p.rect((1210, 800, 1370, 822), shade(RED, -0.2))


def art_velo_reglage(p: Painter, rng: random.Random):
    """Close-up: a wheel, the chain and a few tools."""
    p.rect((0, 0, p.w, p.h), (200, 210, 216))
    p.rect((0, 760, p.w, p.h), (130, 134, 140))
    cx, cy, r = 560, 520, 380
    p.ring(cx, cy, r, INK, 50)
    p.ring(cx, cy, r - 40, GREY, 10)
    for k in range(24):
        a = k * math.pi / 12
        p.line([(cx, cy), (cx + math.cos(a) * (r - 40), cy + math.sin(a) * (r - 40))], GREY, 4)
    p.circle(cx, cy, 60, GREY_DARK)
    for k in range(7):
        a = k * math.tau / 7
        p.circle(cx + math.cos(a) * 110, cy + math.sin(a) * 110, 20, GREY_DARK)
    p.ring(cx, cy, 130, GREY_DARK, 16)
    p.line([(cx, cy - 140), (1300, 380)], INK, 14)
    p.line([(cx, cy + 140), (1300, 620)], INK, 14)
    p.ring(1300, 500, 120, GREY_DARK, 22)
    p.line([(1000, 900), (1500, 820)], GREY, 30)
    p.ring(1510, 815, 36, GREY, 16)
    p.rrect((1040, 860, 1260, 950), 20, YELLOW)
    p.rect((1060, 890, 1240, 910), shade(YELLOW, -0.2))


def art_babillard(p: Painter, rng: random.Random):
    p.vgradient((0, 0, p.w, p.h), (236, 224, 204), (222, 206, 180))
    p.rect((160, 90, 1440, 900), WOOD_DARK)
    p.rect((190, 120, 1410, 870), (200, 160, 112))
    for _ in range(260):
        x, y = rng.uniform(200, 1400), rng.uniform(130, 860)
        p.circle(x, y, 3, (184, 144, 98))
    notes = [
        (240, 170, 260, 300, CREAM),
        (540, 160, 240, 220, YELLOW),
        (820, 180, 280, 320, WHITE),
        (1140, 160, 230, 260, (200, 230, 200)),
        (260, 520, 230, 290, PINK),
        (540, 430, 280, 360, WHITE),
        (860, 560, 250, 260, (200, 220, 240)),
        (1150, 470, 220, 340, YELLOW),
    ]
    for x, y, w, h, c in notes:
        paper(p, rng, x + rng.uniform(-10, 10), y, w, h, c, rng.choice([RED, BLUE, TEAL, ORANGE]))
    # a phone showing the new site, held in front
    p.rrect((1180, 640, 1420, 1010), 30, INK)
    p.rrect((1196, 670, 1404, 1000), 16, WHITE)
    p.rect((1196, 670, 1404, 730), (92, 150, 96))
    for k in range(4):
        p.rrect((1212, 750 + k * 60, 1388, 796 + k * 60), 8, (236, 236, 232))
        p.rect((1222, 764 + k * 60, 1222 + rng.uniform(80, 150), 774 + k * 60), GREY)


def art_coin_lecture(p: Painter, rng: random.Random):
    p.vgradient((0, 0, p.w, 700), (120, 80, 70), (150, 100, 80))
    p.rect((0, 700, p.w, p.h), (90, 60, 50))
    # bookshelf, armchair, lamp and a fire
    p.rect((80, 120, 560, 700), WOOD_DARK)
    for k in range(4):
        y = 250 + k * 140
        book_row(p, rng, 100, 540, y, 80, 120)
        p.rect((90, y, 550, y + 14), WOOD)
    p.rect((1050, 260, 1500, 700), (170, 150, 140))
    p.rect((1130, 420, 1420, 700), (40, 30, 30))
    for k, c in enumerate((ORANGE, YELLOW, RED)):
        p.poly([(1180 + k * 60, 700), (1230 + k * 50, 520 + k * 20), (1290 + k * 40, 700)], c)
    p.rect((1030, 240, 1520, 270), (140, 120, 110))
    p.rrect((640, 440, 980, 860), 60, (70, 110, 140))
    p.rrect((600, 560, 1020, 880), 40, (80, 124, 156))
    p.rrect((680, 620, 940, 760), 30, (96, 140, 170))
    p.rect((640, 880, 680, 940), WOOD_DARK)
    p.rect((940, 880, 980, 940), WOOD_DARK)
    p.poly([(740, 640), (820, 610), (820, 700), (740, 720)], CREAM)
    p.poly([(820, 610), (900, 640), (900, 720), (820, 700)], WHITE)
    p.line([(1000, 700), (1000, 1000)], (60, 60, 60), 10)
    p.poly([(1000, 440), (1060, 440), (1090, 540), (970, 540)], YELLOW)
    p.line([(1030, 540), (1030, 960)], GREY_DARK, 8)
    p.ellipse((980, 950, 1080, 980), GREY_DARK)
    p.rrect((200, 820, 520, 920), 40, (170, 60, 60))


# --- Listing photos (1200x900) --------------------------------------------------------------


def ann_velo_enfant(p: Painter, rng: random.Random):
    studio(p, (226, 236, 230), (190, 176, 156))
    shadow(p, 600, 760, 760, (160, 146, 128))
    bicycle(p, 600, 770, 300, frame=(236, 96, 110))
    p.line([(315, 620), (300, 742)], GREY_DARK, 8)  # stabiliser wheel
    p.circle(300, 742, 28, INK)
    p.circle(300, 742, 10, GREY)


def ann_livres_jeunesse(p: Painter, rng: random.Random):
    studio(p, (240, 232, 220), (200, 178, 150))
    shadow(p, 600, 700, 900, (176, 156, 130))
    top = book_stack(p, rng, 380, 700, 7, 200, 280)
    book_row(p, rng, 600, 1000, 700, 200, 300, leaning=False)
    p.rrect((300, top - 30, 460, top), 6, YELLOW)
    p.circle(380, top - 60, 30, (240, 200, 170))


def ann_outils_jardin(p: Painter, rng: random.Random):
    studio(p, (226, 220, 204), (170, 150, 120), horizon=0.8)
    # spade, rake, fork and pruner leaning on the wall
    p.line([(300, 720), (360, 120)], WOOD, 24)
    p.rrect((310, 90, 420, 130), 14, INK)
    p.poly([(250, 700), (350, 700), (340, 840), (260, 840)], GREY)
    p.line([(560, 720), (600, 110)], WOOD, 22)
    p.rect((480, 700, 660, 720), GREY_DARK)
    for k in range(8):
        p.line([(490 + k * 24, 720), (488 + k * 24, 770)], GREY_DARK, 8)
    p.line([(800, 700), (840, 140)], WOOD, 24)
    p.rect((740, 680, 880, 700), GREY_DARK)
    for k in range(4):
        p.line([(750 + k * 40, 700), (750 + k * 40, 830)], GREY_DARK, 12)
    p.line([(960, 800), (1060, 690)], RED, 26)
    p.line([(1010, 820), (1070, 690)], RED, 26)
    p.poly([(1060, 690), (1110, 600), (1130, 620), (1080, 700)], GREY)


def ann_table_chaises(p: Painter, rng: random.Random):
    studio(p, (236, 230, 220), (196, 170, 140))
    shadow(p, 600, 790, 1000, (172, 148, 120))
    chair(p, 120, 790, 420, WOOD_DARK, facing=1)
    chair(p, 830, 790, 420, WOOD_DARK, facing=-1)
    p.rect((240, 470, 960, 500), WOOD)
    p.rect((250, 500, 950, 520), WOOD_DARK)
    p.rect((280, 500, 310, 790), WOOD_DARK)
    p.rect((890, 500, 920, 790), WOOD_DARK)
    p.rect((480, 420, 520, 470), (200, 230, 240))
    p.circle(500, 400, 30, (240, 200, 90))


def ann_table_detail(p: Painter, rng: random.Random):
    p.rect((0, 0, p.w, p.h), WOOD)
    for k in range(26):
        y = k * 36 + rng.uniform(-6, 6)
        pts = [(x, y + 10 * math.sin(x / 140 + k)) for x in range(0, p.w + 40, 40)]
        p.line(pts, shade(WOOD, rng.uniform(-0.18, -0.05)), rng.uniform(3, 7))
    p.ellipse((780, 300, 880, 360), WOOD_DARK)
    p.ellipse((800, 312, 860, 348), shade(WOOD_DARK, -0.2))
    p.rect((0, 760, p.w, p.h), WOOD_DARK)


def ann_fraisiers(p: Painter, rng: random.Random):
    studio(p, (230, 236, 226), (186, 160, 130), horizon=0.7)
    for x in (260, 600, 940):
        shadow(p, x, 820, 280, (160, 136, 110))
        p.poly([(x - 130, 560), (x + 130, 560), (x + 100, 820), (x - 100, 820)], (200, 110, 80))
        p.rect((x - 140, 540, x + 140, 580), (214, 124, 92))
        for k in range(7):
            a = math.pi * (0.1 + 0.8 * k / 6)
            lx, ly = x - math.cos(a) * 110, 520 - math.sin(a) * 130
            p.line([(x, 540), (lx, ly)], LEAF_DARK, 6)
            p.circle(lx, ly, 40, LEAF if k % 2 else LEAF_DARK)
        for k in range(3):
            bx = x - 70 + k * 70
            p.poly([(bx - 18, 560), (bx + 18, 560), (bx, 600)], RED)
            p.circle(bx, 560, 18, RED)


def ann_jouets_bois(p: Painter, rng: random.Random):
    studio(p, (240, 236, 226), (220, 200, 170))
    shadow(p, 600, 760, 980, (196, 174, 146))
    colours = [RED, BLUE, YELLOW, (90, 160, 90), ORANGE]
    for k in range(5):
        x = 140 + k * 120
        p.rect((x, 640, x + 110, 750), colours[k])
        p.rect((x + 26, 666, x + 84, 724), shade(colours[k], 0.3))
    for k in range(4):
        x = 200 + k * 120
        p.rect((x, 530, x + 110, 640), colours[(k + 2) % 5])
    p.poly([(320, 530), (380, 440), (440, 530)], RED)
    # a pull-along car
    p.rrect((780, 560, 1060, 690), 30, (236, 204, 150))
    p.rrect((840, 480, 990, 570), 20, BLUE)
    for wx in (840, 1000):
        p.circle(wx, 720, 42, RED)
        p.circle(wx, 720, 14, WOOD_DARK)
    p.line([(780, 640), (700, 700), (680, 760)], GREY_DARK, 5)


def ann_boutures(p: Painter, rng: random.Random):
    hy = 620
    p.vgradient((0, 0, p.w, hy), (230, 236, 240), (216, 224, 230))
    window_frame(p, 160, 60, 880, 520)
    p.rect((100, hy - 40, 1100, hy), WHITE)
    p.rect((0, hy, p.w, p.h), (210, 200, 184))
    for x in (220, 420, 620, 820, 1000):
        p.rrect((x - 60, 420, x + 60, 580), 18, (210, 236, 240))
        p.rect((x - 56, 470, x + 56, 576), (170, 214, 228))
        h = rng.uniform(180, 260)
        p.line([(x, 560), (x + rng.uniform(-20, 20), 420 - h * 0.4)], LEAF_DARK, 6)
        for j in range(3):
            ly = 420 - h * 0.1 * (j + 1)
            p.ellipse((x - 60, ly - 22, x, ly + 22), LEAF if j % 2 else LEAF_LIGHT)
            p.ellipse((x, ly - 40, x + 60, ly + 4), LEAF_LIGHT if j % 2 else LEAF)
        for _ in range(3):
            p.line([(x, 560), (x + rng.uniform(-40, 40), 575)], (240, 236, 220), 3)


def ann_marche_noel(p: Painter, rng: random.Random):
    horizon = 560
    sky(p, horizon, NIGHT_TOP, NIGHT_LOW)
    stars(p, rng, 60, 300)
    p.rect((0, horizon, p.w, p.h), (200, 206, 214))
    # fir tree with baubles
    for k in range(4):
        w = 150 + k * 60
        y = 180 + k * 100
        p.poly([(170 - w / 2, y + 140), (170, y), (170 + w / 2, y + 140)], (40, 110, 70))
    p.rect((150, 620, 190, 680), TRUNK)
    for _ in range(12):
        p.circle(
            170 + rng.uniform(-110, 110),
            rng.uniform(260, 600),
            10,
            rng.choice([RED, YELLOW, WHITE]),
        )
    p.poly([(170, 150), (185, 190), (155, 190)], YELLOW)
    # three stalls with striped awnings
    for x, c in ((360, RED), (640, (40, 110, 70)), (920, BLUE)):
        p.rect((x, 420, x + 240, 740), WOOD)
        p.rect((x + 14, 520, x + 226, 650), (250, 230, 180))
        for s in range(6):
            p.rect((x - 10 + s * 43, 360, x + 13 + s * 43, 440), c if s % 2 == 0 else WHITE)
        p.rect((x - 20, 640, x + 260, 670), WOOD_DARK)
        for j in range(4):
            p.circle(x + 40 + j * 55, 620, 18, rng.choice([RED, YELLOW, ORANGE, PURPLE, TEAL]))
    garland(p, rng, 340, 1180, 320, 40, "lights")
    for x in (470, 780, 1060):
        seated_back(p, rng, x, 900, 70, shade(rng.choice(CLOTHES), -0.3))


def ann_raquettes(p: Painter, rng: random.Random):
    studio(p, (226, 234, 240), (180, 196, 170))
    shadow(p, 600, 780, 900, (150, 166, 140))
    for cx, cy, ang, c in ((460, 360, -0.5, BLUE), (740, 360, 0.5, RED)):
        dx, dy = math.sin(ang), math.cos(ang)
        # head (strings drawn as a grid inside the ellipse)
        head = Image.new("L", p.img.size, 0)
        hd = ImageDraw.Draw(head)
        hd.ellipse([(cx - 120) * SS, (cy - 160) * SS, (cx + 120) * SS, (cy + 160) * SS], fill=255)
        head = head.rotate(math.degrees(ang), center=(cx * SS, cy * SS))
        strings = Image.new("RGB", p.img.size, (0, 0, 0))
        sd = ImageDraw.Draw(strings)
        for k in range(-8, 9):
            sd.line(
                [((cx + k * 15) * SS, (cy - 170) * SS), ((cx + k * 15) * SS, (cy + 170) * SS)],
                fill=(230, 230, 230),
                width=2 * SS,
            )
            sd.line(
                [((cx - 130) * SS, (cy + k * 20) * SS), ((cx + 130) * SS, (cy + k * 20) * SS)],
                fill=(230, 230, 230),
                width=2 * SS,
            )
        strings = strings.rotate(math.degrees(ang), center=(cx * SS, cy * SS))
        mask = Image.eval(strings.convert("L"), lambda v: 255 if v > 100 else 0)
        inner = Image.new("L", p.img.size, 0)
        ImageDraw.Draw(inner).ellipse(
            [(cx - 108) * SS, (cy - 148) * SS, (cx + 108) * SS, (cy + 148) * SS], fill=255
        )
        inner = inner.rotate(math.degrees(ang), center=(cx * SS, cy * SS))
        p.img.paste(
            Image.new("RGB", p.img.size, c),
            (0, 0),
            Image.composite(
                head, Image.new("L", head.size, 0), Image.eval(inner, lambda v: 255 - v)
            ),
        )
        p.img.paste(
            Image.new("RGB", p.img.size, (128, 132, 140)),
            (0, 0),
            Image.composite(mask, Image.new("L", mask.size, 0), inner),
        )
        shaft_top = (cx + dx * 160, cy + dy * 160)
        shaft_end = (cx + dx * 420, cy + dy * 420)
        p.line([shaft_top, shaft_end], GREY, 14)
        p.line([(cx + dx * 400, cy + dy * 400), (cx + dx * 520, cy + dy * 520)], INK, 34)
    # shuttlecock
    p.circle(600, 720, 26, WHITE)
    p.poly([(580, 710), (620, 710), (680, 620), (520, 620)], (248, 248, 244))
    for k in range(5):
        p.line([(590 + k * 5, 705), (530 + k * 35, 625)], GREY, 3)


# --- The logo (PNG with transparency) -------------------------------------------------------


def draw_logo() -> Image.Image:
    """A stylised linden leaf: heart-shaped, toothed, two greens split by the midrib."""
    size = 400
    big = size * SS
    # The classic heart curve: notch at (0, 5), point at (0, -17) in maths coordinates.
    raw = []
    n = 720
    teeth = 34
    for i in range(n):
        t = math.tau * i / n
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        if y < 0:  # a longer, more pointed tip than a heart
            y *= 1.22
            x *= 1 - 0.25 * (-y / 21) ** 2
        raw.append((t, x, y))
    cx0, cy0 = 0.0, -3.0  # roughly the middle of the heart
    angle = math.radians(215)  # turns the point towards the upper right
    ca, sa = math.cos(angle), math.sin(angle)
    scale = 8.4

    def rotate(x, y):
        sx, sy = x - cx0, -(y - cy0)  # maths -> screen (y down)
        return (sx * ca - sy * sa) * scale, (sx * sa + sy * ca) * scale

    # centre the leaf and its stem (which leaves the notch, away from the tip) in the square
    turned = [rotate(x, y) for _, x, y in raw]
    n0, t0 = rotate(0, 5), rotate(0, -21)
    stem_end = (n0[0] + (n0[0] - t0[0]) * 0.28, n0[1] + (n0[1] - t0[1]) * 0.28)
    xs = [x for x, _ in turned] + [stem_end[0]]
    ys = [y for _, y in turned] + [stem_end[1]]
    ox = 200 - (min(xs) + max(xs)) / 2
    oy = 200 - (min(ys) + max(ys)) / 2

    def to_screen(x, y):
        rx, ry = rotate(x, y)
        return (rx + ox) * SS, (ry + oy) * SS

    outline = []
    for i, (t, x, y) in enumerate(raw):
        phase = (i * teeth / n) % 1.0
        saw = 0.5 - abs(phase - 0.5)  # 0 .. 0.5 triangle wave
        near_notch = min(t, math.tau - t)  # teeth fade out close to the stem
        k = 1 + 0.07 * saw * min(1.0, near_notch / 0.6)
        outline.append(to_screen(cx0 + (x - cx0) * k, cy0 + (y - cy0) * k))
    notch = to_screen(0, 5)
    tip = to_screen(0, -21)

    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # soft shadow
    d.polygon([(x + 5 * SS, y + 7 * SS) for x, y in outline], fill=(40, 80, 40, 60))
    # stem: from the notch, curving away from the tip
    mx, my = notch[0] - tip[0], notch[1] - tip[1]
    length = math.hypot(mx, my)
    ux, uy = mx / length, my / length
    stem = []
    for j in range(21):
        s = j / 20
        bend = 0.18 * math.sin(s * math.pi / 2)
        stem.append(
            (
                notch[0] + (ux - uy * bend) * s * length * 0.28,
                notch[1] + (uy + ux * bend) * s * length * 0.28,
            )
        )
    d.line(stem, fill=(86, 120, 54, 255), width=12 * SS, joint="curve")
    d.ellipse(
        [stem[-1][0] - 6 * SS, stem[-1][1] - 6 * SS, stem[-1][0] + 6 * SS, stem[-1][1] + 6 * SS],
        fill=(86, 120, 54, 255),
    )
    # leaf body in the darker green
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    img.paste((78, 146, 70, 255), (0, 0), mask)
    # the lighter half: everything on one side of the midrib line, cut to the leaf
    half = Image.new("L", (big, big), 0)
    far = 3 * big
    nx, ny = -(tip[1] - notch[1]), tip[0] - notch[0]
    nl = math.hypot(nx, ny)
    nx, ny = nx / nl, ny / nl
    dx, dy = (tip[0] - notch[0]) / nl, (tip[1] - notch[1]) / nl
    ImageDraw.Draw(half).polygon(
        [
            (notch[0] - dx * far, notch[1] - dy * far),
            (tip[0] + dx * far, tip[1] + dy * far),
            (tip[0] + dx * far + nx * far, tip[1] + dy * far + ny * far),
            (notch[0] - dx * far + nx * far, notch[1] - dy * far + ny * far),
        ],
        fill=255,
    )
    light = Image.new("L", (big, big), 0)
    light.paste(mask, (0, 0), half)
    img.paste((126, 188, 92, 255), (0, 0), light)
    # veins: the midrib, then three pairs of side veins reaching towards the edge
    vein = (236, 246, 214, 255)

    def leaf_point(u, v):
        """u along the midrib (0 notch, 1 tip), v across it (in half-widths of about 15 units)."""
        return (
            notch[0] + (tip[0] - notch[0]) * u + nx * v * nl * 0.62,
            notch[1] + (tip[1] - notch[1]) * u + ny * v * nl * 0.62,
        )

    d.line(
        [leaf_point(0, 0), leaf_point(0.5, 0.01), leaf_point(0.93, 0)],
        fill=vein,
        width=8 * SS,
        joint="curve",
    )
    for u0, reach, rise in ((0.06, 0.6, 0.14), (0.27, 0.48, 0.15), (0.48, 0.3, 0.12)):
        for side in (-1, 1):
            pts = [
                leaf_point(u0 + rise * k / 10 + 0.04 * (k / 10) ** 2, side * reach * k / 10)
                for k in range(11)
            ]
            d.line(pts, fill=vein, width=5 * SS, joint="curve")
    return img.resize((size, size), Image.Resampling.LANCZOS)


# --- The catalogue --------------------------------------------------------------------------

ARTICLES: dict[str, tuple[Callable[[Painter, random.Random], None], str]] = {
    "assemblee-generale": (
        art_assemblee,
        "l’assemblée générale, avec le bureau à sa table et la salle qui vote",
    ),
    "repair-cafe": (
        art_repair_cafe,
        "le Repair café, ses bénévoles, un grille-pain, une lampe et une radio",
    ),
    "repair-cafe-outils": (art_repair_tools, "le panneau d’outils du Repair café"),
    "semis": (art_semis, "des plateaux de semis au bord d’une fenêtre"),
    "semis-godets": (art_godets, "des godets de semis vus de dessus"),
    "jardin-partage": (
        art_jardin_partage,
        "le jardin partagé, ses bacs, ses tilleuls et ses jardiniers",
    ),
    "plan-parcelles": (art_plan_parcelles, "le plan des parcelles du jardin partagé vu de dessus"),
    "boite-a-livres": (art_boite_a_livres, "la boîte à livres devant l’école"),
    "etageres-livres": (art_etageres, "des étagères remplies de livres"),
    "nettoyage-berges": (art_nettoyage_berges, "des bénévoles nettoient les berges du ruisseau"),
    "sacs-collecte": (art_sacs_collecte, "le tri des déchets ramassés, avec sacs, caisse et gants"),
    "fete-des-voisins": (
        art_fete_voisins,
        "la fête des voisins, une longue table dans la rue le soir",
    ),
    "buffet-partage": (art_buffet, "le buffet partagé vu de dessus"),
    "cinema-plein-air": (art_cinema, "une séance de cinéma en plein air, la nuit, au square"),
    "recolte-tomates": (art_recolte, "des pieds de tomates et un panier de récolte"),
    "paniers-legumes": (art_panier, "tomates, courgettes et haricots du jardin dans des plats"),
    "aide-aux-devoirs": (art_devoirs, "un bureau d’aide aux devoirs avec lampe, cahier et livres"),
    "atelier-velo": (art_atelier_velo, "l’atelier vélo, un vélo sur son pied et un mécanicien"),
    "velo-reglage": (art_velo_reglage, "gros plan sur une roue et une chaîne de vélo"),
    "panneau-annonces": (
        art_babillard,
        "le panneau d’annonces de la Maison et un téléphone affichant le site",
    ),
    "coin-lecture": (art_coin_lecture, "un coin lecture au coin du feu"),
}

LISTINGS: dict[str, tuple[Callable[[Painter, random.Random], None], str]] = {
    "velo-enfant": (ann_velo_enfant, "un vélo d’enfant rose de 16 pouces"),
    "livres-jeunesse": (ann_livres_jeunesse, "une pile de livres pour la jeunesse"),
    "outils-jardin": (ann_outils_jardin, "une bêche, un râteau, une fourche et un sécateur"),
    "table-chaises": (ann_table_chaises, "une table en bois et deux de ses chaises"),
    "table-chaises-detail": (ann_table_detail, "le plateau en bois de la table, en gros plan"),
    "fraisiers": (ann_fraisiers, "trois pots de fraisiers"),
    "jouets-bois": (ann_jouets_bois, "des cubes et une voiture à tirer en bois"),
    "boutures": (ann_boutures, "des boutures de plantes dans des bocaux, au bord d’une fenêtre"),
    "marche-noel": (ann_marche_noel, "des stands de marché de Noël et un sapin illuminé"),
    "raquettes-badminton": (ann_raquettes, "deux raquettes de badminton et un volant"),
}

LOGO = ("articles/logo-tilleuls.png", "le logo de l’association, une feuille de tilleul stylisée")


def encode_jpeg(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", **JPEG_OPTIONS)
    return buf.getvalue()


def encode_png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def render_all() -> dict[str, bytes]:
    """Return {path relative to content/images: bytes} for every picture."""
    files: dict[str, bytes] = {}
    for folder, catalogue, size in (
        ("articles", ARTICLES, ARTICLE_SIZE),
        ("annonces", LISTINGS, LISTING_SIZE),
    ):
        for name, (draw, _) in catalogue.items():
            rng = random.Random(f"babillard:{folder}/{name}")
            painter = Painter(size)
            draw(painter, rng)
            files[f"{folder}/{name}.jpg"] = encode_jpeg(painter.finish())
    files[LOGO[0]] = encode_png(draw_logo())
    files["CREDITS.md"] = credits().encode("utf-8")
    return files


def credits() -> str:
    lines = [
        "# Crédits des images",
        "",
        "Toutes les illustrations de ce dossier ont été dessinées par le script",
        "`scripts/make_demo_images.py` pour la démonstration de Babillard, à partir de formes",
        "simples, sans photographie ni image extérieure. Elles sont placées dans le domaine",
        "public selon les termes de la licence CC0 1.0 Universel",
        f"(<https://creativecommons.org/publicdomain/zero/1.0/deed.fr>){NBSP}: vous pouvez",
        "les copier, les modifier et les réutiliser librement, sans demander d’autorisation.",
        "",
        f"Ce fichier est produit par le même script{NNBSP}; relancez-le après avoir ajouté",
        "une image.",
        "",
        "## Illustrations des articles (1600 × 1000, JPEG)",
        "",
    ]
    lines += [f"- `articles/{name}.jpg`{NBSP}: {text}." for name, (_, text) in ARTICLES.items()]
    lines += [f"- `{LOGO[0]}` (400 × 400, PNG transparent){NBSP}: {LOGO[1]}.", ""]
    lines += ["## Photos des annonces (1200 × 900, JPEG)", ""]
    lines += [f"- `annonces/{name}.jpg`{NBSP}: {text}." for name, (_, text) in LISTINGS.items()]
    lines += [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that would change")
    parser.add_argument(
        "--out", type=Path, default=IMAGES, help="target folder (default: content/images)"
    )
    args = parser.parse_args(argv)
    changed = []
    for rel, data in render_all().items():
        target = args.out / rel
        if target.exists() and target.read_bytes() == data:
            continue
        changed.append(rel)
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    verb = "would change" if args.check else "written"
    for rel in changed:
        print(f"{verb}: {rel}")
    if not changed:
        print("images: all up to date")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
