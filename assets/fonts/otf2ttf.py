#!/usr/bin/env python3
"""Prepare fonts for gopdf, which embeds only TrueType-outline (glyf) fonts
and resolves composite glyphs only one level deep.

  otf2ttf.py convert IN.otf OUT.ttf   CFF outlines -> TrueType outlines
  otf2ttf.py check FILE.ttf...        report outlines, composites, code points;
                                      exit 1 if a file is unusable by gopdf
  otf2ttf.py flatten IN.ttf OUT.ttf   decompose composites whose components
                                      are themselves composite

The conversion uses fontTools' cu2qu: each cubic curve becomes quadratic
curves within MAX_ERR font units. Advances, cmap, names and layout tables
are kept; side bearings follow the new outlines, VORG is folded into vmtx,
post drops the CID glyph names, and name ID 10 notes the conversion. The
head table's timestamps are kept, so the output is byte-for-byte
reproducible. Needs fontTools (Debian: python3-fonttools).
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 3.0  # font units of 1000 per em: 0.017 mm at 16 pt, under half a 600-dpi dot
NOTE = ("TrueType outlines converted from the CFF original "
        "with fontTools cu2qu (max error %g units)." % MAX_ERR)


def to_quadratic(font):
    """Return the glyf glyphs drawn from the font's CFF outlines."""
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        # PostScript contours run counter-clockwise, TrueType clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    return glyphs


def fresh_maxp(font, glyf):
    """Replace the CFF font's version 0.5 maxp by a TrueType version 1.0."""
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(font.getGlyphOrder())
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxComponentElements = 0
    font["maxp"] = maxp
    maxp.recalc(font)


def fix_metrics(font, glyf):
    """Side bearings follow the outlines; vertical origins move from VORG
    (a CFF-only table) into vmtx's top side bearings."""
    hmtx = font["hmtx"]
    vorg = font["VORG"] if "VORG" in font else None
    vmtx = font["vmtx"] if "vmtx" in font else None
    for name in font.getGlyphOrder():
        g = glyf[name]
        g.recalcBounds(glyf)
        empty = getattr(g, "numberOfContours", 0) == 0
        adv, _ = hmtx[name]
        hmtx[name] = (adv, 0 if empty else g.xMin)
        if vmtx is not None and vorg is not None:
            vadv, _ = vmtx[name]
            origin = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
            vmtx[name] = (vadv, 0 if empty else origin - g.yMax)
    if vorg is not None:
        del font["VORG"]


def convert(src, dst):
    font = TTFont(src, recalcTimestamp=False)
    if "CFF " not in font:
        sys.exit("%s: no CFF outlines to convert" % src)
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = to_quadratic(font)
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["head"].glyphDataFormat = 0
    fix_metrics(font, glyf)
    fresh_maxp(font, glyf)
    post = font["post"]
    post.formatType = 3.0  # CID-keyed glyph names carry nothing: drop them
    font.sfntVersion = "\x00\x01\x00\x00"
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID == 10:
            name.setName(rec.toUnicode() + " " + NOTE, 10,
                         rec.platformID, rec.platEncID, rec.langID)
    font.save(dst)


def nested(font):
    """Names of composite glyphs that have a composite component."""
    glyf = font["glyf"]
    return [n for n in font.getGlyphOrder()
            if glyf[n].isComposite()
            and any(glyf[c.glyphName].isComposite() for c in glyf[n].components)]


def flatten(src, dst):
    font = TTFont(src, recalcTimestamp=False)
    glyph_set = font.getGlyphSet()
    glyf = font["glyf"]
    names = nested(font)
    for n in names:
        rec = DecomposingRecordingPen(glyph_set)
        glyph_set[n].draw(rec)
        pen = TTGlyphPen(None)
        rec.replay(pen)
        glyf[n] = pen.glyph()
        glyf[n].recalcBounds(glyf)
    font["maxp"].recalc(font)
    font.save(dst)
    print("%s: decomposed %d nested composite glyphs" % (dst, len(names)))


def check(paths):
    bad = False
    for p in paths:
        font = TTFont(p, lazy=True)
        if "glyf" not in font:
            print("%s: no glyf table (gopdf cannot embed it)" % p)
            bad = True
            continue
        if font["cmap"].getcmap(3, 1) is None or font["cmap"].getcmap(3, 1).format != 4:
            print("%s: no (3,1) format 4 cmap subtable (gopdf needs it)" % p)
            bad = True
        glyf = font["glyf"]
        comp = sum(1 for n in font.getGlyphOrder() if glyf[n].isComposite())
        deep = nested(font)
        bad = bad or bool(deep)
        print("%s: %d glyphs, %d code points, %d composites, %d nested %s"
              % (p, len(font.getGlyphOrder()), len(font.getBestCmap()),
                 comp, len(deep), " ".join(deep[:5])))
    return 1 if bad else 0


if __name__ == "__main__":
    cmd, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if cmd == "convert" and len(args) == 2:
        convert(*args)
    elif cmd == "flatten" and len(args) == 2:
        flatten(*args)
    elif cmd == "check" and args:
        sys.exit(check(args))
    else:
        sys.exit(__doc__)
