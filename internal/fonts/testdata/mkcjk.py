#!/usr/bin/python3
"""Write the CJK test fonts of package fonts, subsets of OFL fonts (needs
Debian's python3-fonttools and fonts-noto-cjk; run from this folder):

  cjk-seed.otf    Noto Sans CJK SC Regular (CID-keyed CFF outlines) with the
                  characters of seed-chars.txt, those of the example reply
                  as printed (templates/examples/reply-244.reply.toml), and
                  the space
  cjk-pair.ttc    a CFF collection: Noto Sans CJK JP, then SC, with 答复函中文
  serif-sans.ttc  a TrueType collection: Noto Sans SC with 答复函中文, then
                  Noto Serif SC with the characters of seed-chars.txt and
                  the space, both
                  from ../../../assets/fonts

Licences: OFL-NotoSansCJK.txt (Noto Sans CJK, Noto Sans SC) and
OFL-NotoSerifSC.txt. The subsets keep the fonts' names, none of which is a
Reserved Font Name.
"""
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
ASSETS = "../../../assets/fonts/"
FEW = "答复函中文"


def sub(src, number, chars):
    font = TTFont(src, fontNumber=number, recalcTimestamp=False)
    opt = subset.Options()
    opt.layout_features = []
    opt.name_IDs = ["*"]
    opt.name_languages = ["*"]
    opt.notdef_outline = True
    opt.hinting = False
    s = subset.Subsetter(opt)
    s.populate(text=chars)
    s.subset(font)
    return font


def collection(fonts, path):
    c = TTCollection()
    c.fonts = fonts
    c.save(path)


if __name__ == "__main__":
    seed = open("seed-chars.txt", encoding="utf-8").read().strip() + " "
    sub(NOTO_CJK, 2, seed).save("cjk-seed.otf")
    collection([sub(NOTO_CJK, 0, FEW), sub(NOTO_CJK, 2, FEW)], "cjk-pair.ttc")
    collection([sub(ASSETS + "NotoSansSC-Regular.ttf", -1, FEW),
                sub(ASSETS + "NotoSerifSC-Regular.ttf", -1, seed)], "serif-sans.ttc")
