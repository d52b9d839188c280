package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	good := map[string]string{"WordCount": "10", "CodePage": "-535", "Template": "x64;1033"}
	if err := check(good); err != nil {
		t.Errorf("a per-user package: %v", err)
	}
	for name, c := range map[string]struct{ key, value, want string }{
		"per machine":    {"WordCount", "2", "administrator"},
		"not compressed": {"WordCount", "8", "compressed"},
		"code page":      {"CodePage", "936", "code page"},
		"x86":            {"Template", "Intel;1033", "x64"},
		"no word count":  {"WordCount", "", "word count"},
	} {
		p := map[string]string{}
		for k, v := range good {
			p[k] = v
		}
		p[c.key] = c.value
		if err := check(p); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: check = %v, want an error about %q", name, err, c.want)
		}
	}
}

func TestSummaryNotMSI(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.msi")
	os.WriteFile(p, []byte("not a compound file"), 0o644)
	if _, err := summary(p); err == nil {
		t.Error("summary of a text file succeeded")
	}
}
