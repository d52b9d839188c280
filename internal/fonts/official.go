package fonts

import (
	"path/filepath"
	"slices"
	"strings"
)

// The fonts GB/T 9704-2012 names are 方正小标宋简体 for titles, 仿宋_GB2312
// for the body, 黑体 and 楷体_GB2312 for headings; page numbers are 4号半角
// 宋体. Bureaus' machines have them, or the fonts Windows and macOS ship in
// their place (仿宋 simfang.ttf, 楷体 simkai.ttf, 宋体 simsun.ttc…). When one
// is installed it is used in its role without asking, before the embedded
// free substitutes; the settings show which file each role uses.

// officialFont is an official font, or a stand-in, as usually installed.
type officialFont struct {
	role     string
	families []string // its family names (Chinese, English)
	files    []string // its usual file names, lower case; "file#face" picks a collection's face
}

// officialFonts are the official fonts and their stand-ins, in the order
// a role prefers them.
var officialFonts = []officialFont{
	{Title, []string{"方正小标宋简体", "FZXiaoBiaoSong-B05S"}, []string{"fzxbsjw.ttf", "方正小标宋简体.ttf", "fzxbsjw--gb1-0.ttf", "fzxiaobiaosong-b05s.ttf"}},
	{Title, []string{"方正小标宋_GBK", "FZXiaoBiaoSong-B05"}, []string{"fzxbsk.ttf", "方正小标宋_gbk.ttf", "fzxbsk--gbk1-0.ttf"}},
	{Body, []string{"仿宋_GB2312", "FangSong_GB2312"}, []string{"仿宋_gb2312.ttf", "fs_gb2312.ttf", "fangsong_gb2312.ttf", "仿宋gb2312.ttf"}},
	{Body, []string{"方正仿宋_GBK", "FZFangSong-Z02"}, []string{"fzfsk.ttf", "方正仿宋_gbk.ttf", "fzfsk--gbk1-0.ttf"}},
	{Body, []string{"方正仿宋简体", "FZFangSong-Z02S"}, []string{"fzfsjw.ttf", "方正仿宋简体.ttf", "fzfsjw--gb1-0.ttf"}},
	{Body, []string{"仿宋", "FangSong"}, []string{"simfang.ttf"}},
	{Body, []string{"华文仿宋", "STFangsong"}, []string{"stfangso.ttf"}},
	{Hei, []string{"黑体", "SimHei"}, []string{"simhei.ttf"}},
	{Hei, []string{"方正黑体简体", "FZHei-B01S"}, []string{"fzhtjw.ttf", "fzhtjw--gb1-0.ttf"}},
	{Hei, []string{"方正黑体_GBK", "FZHei-B01"}, []string{"fzhtk.ttf", "方正黑体_gbk.ttf", "fzhtk--gbk1-0.ttf"}},
	{Hei, []string{"华文黑体", "STHeiti"}, []string{"stheiti.ttf", "stheiti medium.ttc", "stheiti light.ttc"}},
	{Kai, []string{"楷体_GB2312", "KaiTi_GB2312"}, []string{"楷体_gb2312.ttf", "kt_gb2312.ttf", "kaiti_gb2312.ttf", "楷体gb2312.ttf"}},
	{Kai, []string{"方正楷体_GBK", "FZKai-Z03"}, []string{"fzktk.ttf", "方正楷体_gbk.ttf", "fzktk--gbk1-0.ttf"}},
	{Kai, []string{"方正楷体简体", "FZKai-Z03S"}, []string{"fzktjw.ttf", "方正楷体简体.ttf", "fzktjw--gb1-0.ttf"}},
	{Kai, []string{"楷体", "KaiTi"}, []string{"simkai.ttf"}},
	{Kai, []string{"华文楷体", "STKaiti"}, []string{"stkaiti.ttf"}},
	{Kai, []string{"楷体-简", "Kaiti SC"}, []string{"kaiti.ttc"}},
	{Song, []string{"宋体", "SimSun"}, []string{"simsun.ttc#SimSun", "simsun.ttf"}},
	{Song, []string{"华文宋体", "STSong"}, []string{"stsong.ttf"}},
	{Song, []string{"宋体-简", "Songti SC"}, []string{"songti.ttc"}},
}

// Official returns the official font installed on this machine for each
// role that has one, by role; see OfficialIn.
func Official() map[string]InstalledFont { return OfficialIn(FontDirs()) }

// OfficialIn finds the official fonts (or their stand-ins) among the font
// files under dirs by their usual file names, so that only those files are
// opened: listing a Windows Fonts folder costs milliseconds, reading every
// font in it most of a second. A role gets the first font in its order of
// preference that is installed, usable and has Chinese characters.
func OfficialIn(dirs []string) map[string]InstalledFont {
	byName := make(map[string]string) // lower-case file name → first path
	for _, p := range fontFiles(dirs) {
		base := strings.ToLower(filepath.Base(p))
		if _, seen := byName[base]; !seen {
			byName[base] = p
		}
	}
	out := make(map[string]InstalledFont)
	for _, o := range officialFonts {
		if _, done := out[o.role]; done {
			continue
		}
		for _, file := range o.files {
			name, face, _ := strings.Cut(file, FaceSep)
			path, ok := byName[name]
			if !ok {
				continue
			}
			if f, ok := usableFace(path, face); ok {
				out[o.role] = f
				break
			}
		}
	}
	return out
}

// usableFace returns the face of the file at path that want names (the
// default face when empty) if it is usable and Chinese.
func usableFace(path, want string) (InstalledFont, bool) {
	faces := inspect(path)
	for _, f := range faces {
		if len(faces) > 1 && want != "" && nameKey(f.Face) != nameKey(want) && nameKey(f.Family) != nameKey(want) {
			continue
		}
		if f.Usable && f.CJK {
			return f, true
		}
	}
	return InstalledFont{}, false
}

// OfficialRole returns the role whose official font (or stand-in) f is,
// by its family name, or "".
func OfficialRole(f InstalledFont) string {
	key := nameKey(f.Family)
	for _, o := range officialFonts {
		if slices.ContainsFunc(o.families, func(n string) bool { return nameKey(n) == key }) {
			return o.role
		}
	}
	return ""
}
