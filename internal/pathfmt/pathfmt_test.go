package pathfmt

import (
	"runtime"
	"testing"
)

func TestShow(t *testing.T) {
	cases := []struct{ goos, in, want string }{
		{"windows", "C:/Users/刘洋/Documents/第244号 答复.reply.toml", `C:\Users\刘洋\Documents\第244号 答复.reply.toml`},
		{"windows", "/C:/Users/liu/a.pdf", `C:\Users\liu\a.pdf`},
		{"windows", "/d:/答复", `d:\答复`},
		{"windows", `C:\Users\liu\a.pdf`, `C:\Users\liu\a.pdf`},
		{"windows", "//server/共享/台账.xlsx", `\\server\共享\台账.xlsx`},
		{"windows", "答复/第244号.pdf", `答复\第244号.pdf`},
		{"windows", "/1:/x", `\1:\x`},
		{"windows", "", ""},
		{"linux", "/home/liu/答复/a.pdf", "/home/liu/答复/a.pdf"},
		{"linux", `/home/liu/a\b.pdf`, `/home/liu/a\b.pdf`},
		{"darwin", "/Users/liu/a.pdf", "/Users/liu/a.pdf"},
	}
	for _, c := range cases {
		if got := show(c.goos, c.in); got != c.want {
			t.Errorf("show(%s, %q) = %q, want %q", c.goos, c.in, got, c.want)
		}
	}
	if got := Show("a/b"); got != show(runtime.GOOS, "a/b") {
		t.Errorf("Show = %q", got)
	}
}
