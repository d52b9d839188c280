package app

import (
	"strings"
	"testing"

	"replydesk/internal/page"
)

func containsText(runs []page.Run, s string) bool {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text())
	}
	return strings.Contains(b.String(), s)
}

// An unchanged reply is laid out once; a reply changed in any field, a
// style changed in place and other fonts are laid out anew.
func TestTypesetCached(t *testing.T) {
	d, r := desk(t), seed(t)
	st, err := d.StyleOf(r)
	if err != nil {
		t.Fatal(err)
	}
	first := typesetCached(r, st, d.Fonts)
	c := r.Clone()
	if again := typesetCached(&c, st, d.Fonts); again.Doc != first.Doc {
		t.Error("the same reply was laid out again")
	}
	c.Opening = "改动后的开头语。"
	changed := typesetCached(&c, st, d.Fonts)
	if changed.Doc == first.Doc {
		t.Fatal("a changed opening gave the layout kept for the reply before")
	}
	if got := changed.Doc.Pages[0].Runs; !containsText(got, "改动后的开头语") {
		t.Error("the new layout lacks the new opening")
	}
	saved := *st
	st.Header = "另一机关"
	if again := typesetCached(r, st, d.Fonts); again.Doc == first.Doc {
		t.Error("a style changed in place gave the layout kept before")
	}
	*st = saved
	if again := typesetCached(r, st, d.Fonts); again.Doc != first.Doc {
		t.Error("the style put back was not laid out from the layout kept")
	}
	other := *d.Fonts
	if again := typesetCached(r, st, &other); again.Doc == first.Doc {
		t.Error("other fonts gave the layout kept before")
	}
}
