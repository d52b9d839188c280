package main

import "testing"

func TestConsoleWanted(t *testing.T) {
	exists := func(p string) bool { return p != "丢失.reply.toml" }
	cases := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{`D:\答复\第244号.reply.toml`}, false},
		{[]string{"清单.XLSX"}, false},
		{[]string{"答复.docx"}, false},
		{[]string{"丢失.reply.toml"}, true},
		{[]string{"render", "a.reply.toml", "-o", "a.pdf"}, true},
		{[]string{"check", "a.reply.toml"}, true},
		{[]string{"ledger", "list"}, true},
		{[]string{"--help"}, true},
		{[]string{"a.reply.toml", "b.reply.toml"}, true},
		{[]string{"说明.pdf"}, true},
	}
	for _, c := range cases {
		if got := consoleWanted(c.args, exists); got != c.want {
			t.Errorf("consoleWanted(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
