#!/usr/bin/env python3
"""Write the tiny test fonts of package fonts (needs fontTools):

  test.ttf   TrueType outlines, 2048 units per em; A simple, B a composite
             of A, C a composite of B (a nested composite),
             中 and 的, U+20000 beyond the BMP; Chinese family name 答复测试体
  test.otf   the same glyphs with CFF outlines, and no 的 (so not CJK)
  pair.ttc   a collection of two copies of test.ttf
  mac.ttf    test.ttf with Unicode-platform cmap subtables only, no (3,1):
             refused (PDF text needs the Windows BMP subtable)
  test.woff  test.ttf as a WOFF (zlib-compressed tables)

Run from this folder: python3 mkfonts.py
"""
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

ORDER = [".notdef", "A", "B", "C", "zhong", "de", "ext"]
CMAP = {0x41: "A", 0x42: "B", 0x43: "C", 0x4E2D: "zhong", 0x7684: "de", 0x20000: "ext"}
WIDTHS = {".notdef": 1024, "A": 1200, "B": 1300, "C": 1400, "zhong": 2048, "de": 2048, "ext": 2048}
NAMES = {"familyName": "ReplyDesk Test", "styleName": "Regular",
         "psName": "ReplyDeskTest-Regular"}


def box(pen, w):
    pen.moveTo((100, 0))
    pen.lineTo((100, 1400))
    pen.lineTo((w - 100, 1400))
    pen.lineTo((w - 100, 0))
    pen.closePath()


def builder(ttf):
    fb = FontBuilder(2048, isTTF=ttf)
    fb.setupGlyphOrder(ORDER)
    fb.setupCharacterMap(CMAP if ttf else {k: v for k, v in CMAP.items() if v != "de"})
    return fb


def finish(fb, path):
    fb.setupHorizontalMetrics({g: (WIDTHS[g], 100) for g in ORDER})
    fb.setupHorizontalHeader(ascent=1800, descent=-248)
    fb.setupNameTable(NAMES)
    fb.font["name"].setName("答复测试体", 1, 3, 1, 0x0804)
    fb.setupOS2(sTypoAscender=1800, usWinAscent=1800, usWinDescent=248)
    fb.setupPost()
    fb.save(path)


def ttf():
    fb = builder(True)
    glyphs = {}
    for g in ORDER:
        pen = TTGlyphPen(glyphs)
        if g == "B":
            pen.addComponent("A", (1, 0, 0, 1, 50, 0))
        elif g == "C":
            pen.addComponent("B", (1, 0, 0, 1, 50, 0))
        else:
            box(pen, WIDTHS[g])
        glyphs[g] = pen.glyph()
    fb.setupGlyf(glyphs)
    finish(fb, "test.ttf")


def otf():
    fb = builder(False)
    charstrings = {}
    for g in ORDER:
        pen = T2CharStringPen(WIDTHS[g], None)
        box(pen, WIDTHS[g])
        charstrings[g] = pen.getCharString()
    fb.setupCFF(NAMES["psName"], {"FullName": "ReplyDesk Test"}, charstrings, {})
    finish(fb, "test.otf")


def ttc():
    coll = TTCollection()
    coll.fonts = [TTFont("test.ttf"), TTFont("test.ttf")]
    coll.save("pair.ttc")


def mac():
    font = TTFont("test.ttf")
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables if t.platformID == 0]
    font.save("mac.ttf")


def woff():
    font = TTFont("test.ttf", recalcTimestamp=False)
    font.flavor = "woff"
    font.save("test.woff")


if __name__ == "__main__":
    ttf()
    otf()
    ttc()
    mac()
    woff()
