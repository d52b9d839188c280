#!/usr/bin/env python3
"""Convert a CFF-outline OpenType font (.otf) to TrueType outlines (glyf).

gopdf embeds only TrueType-outline fonts, so the CFF FandolFang is converted
with fontTools' cu2qu: cubic curves become quadratic within 1 font unit.
Usage: otf2ttf.py IN.otf OUT.ttf
"""
import sys

from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

MAX_ERR = 3.0  # font units: 0.017 mm at 16 pt, far below what prints
REVERSE = True  # PostScript outlines run the other way from TrueType


def convert(src, dst):
    font = TTFont(src)
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=REVERSE))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"] = newTable("maxp")
    font["maxp"].tableVersion = 0x00010000
    font["maxp"].maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions"):
        setattr(font["maxp"], attr, 0)
    font["maxp"].maxComponentElements = max(
        (len(g.components) for g in glyf.glyphs.values() if hasattr(g, "components")),
        default=0)
    font["maxp"].maxComponentDepth = 0
    font["maxp"].numGlyphs = len(glyph_order)
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font.sfntVersion = "\000\001\000\000"
    font.save(dst)


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
