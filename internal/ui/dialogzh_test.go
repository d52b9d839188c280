package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestFileDialogPlacesChinese: the side list of the open and save dialogs
// names its places in Chinese, not as Fyne writes them.
func TestFileDialogPlacesChinese(t *testing.T) {
	for name, show := range map[string]func(w fyne.Window){
		"open": func(w fyne.Window) { askOpen(w, kindWord, nil, func(string) {}) },
		"save": func(w fyne.Window) { askSave(w, kindPDF, "a.pdf", nil, func(string) {}) },
	} {
		t.Run(name, func(t *testing.T) {
			t.Setenv("HOME", t.TempDir())
			w := test.NewTempApp(t).NewWindow("")
			w.Resize(fileDialogSize)
			chineseDialogs()
			show(w)
			got := overlayText(w.Canvas())
			if !strings.Contains(got, "主文件夹") || !strings.Contains(got, "计算机") {
				t.Errorf("the side list lacks 主文件夹 and 计算机:\n%s", got)
			}
			for en := range placeNames {
				if strings.Contains("\n"+got, "\n"+en+"\n") {
					t.Errorf("the side list still says %q", en)
				}
			}
		})
	}
}
