package ui

import "testing"

func TestSavePath(t *testing.T) {
	for _, c := range []struct{ p, accept, add, want string }{
		{"/d/答复", ".toml", ".reply.toml", "/d/答复.reply.toml"},
		{"/d/答复.toml", ".toml", ".reply.toml", "/d/答复.toml"},
		{"/d/汇总表.XLSX", ".xlsx", ".xlsx", "/d/汇总表.XLSX"},
		{"/d/汇总表.xls", ".xlsx", ".xlsx", "/d/汇总表.xls.xlsx"},
		{"/d/244", ".pdf", ".pdf", "/d/244.pdf"},
	} {
		if got := savePath(c.p, c.accept, c.add); got != c.want {
			t.Errorf("savePath(%q, %q, %q) = %q, want %q", c.p, c.accept, c.add, got, c.want)
		}
	}
	if folderOf("/nonexistent/x/y.pdf") != nil {
		t.Error("folderOf a missing folder")
	}
}
