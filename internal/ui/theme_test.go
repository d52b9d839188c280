package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"replydesk/internal/fonts"
)

// TestThemeSharesFontBytes checks that the window's text face is the
// typesetter's 黑体 bytes themselves, not a second copy of a 10 MB font.
func TestThemeSharesFontBytes(t *testing.T) {
	set := desk(t).Fonts
	want, err := set.Data(fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	got := Theme(set).Font(fyne.TextStyle{}).Content()
	if len(got) != len(want) || &got[0] != &want[0] {
		t.Errorf("the theme's font is %d bytes at %p, want the typesetter's %d at %p", len(got), &got[0], len(want), &want[0])
	}
}
