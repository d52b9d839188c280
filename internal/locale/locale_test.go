//go:build !windows && !darwin && !ios && !android && !js

package locale

import (
	"os/exec"
	"strings"
	"testing"
)

func TestFix(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string // LANGUAGE afterwards; "" = untouched
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "C.utf8"}, "en"},
		{map[string]string{"LANG": "POSIX.UTF-8"}, "en"},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"},
		{map[string]string{"LANG": "de_DE@euro"}, "de_DE"},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "zh_CN:C"}, "zh_CN:en"},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "zh_CN:en"}, ""},
		{map[string]string{"LANG": "C"}, ""},
		{map[string]string{"LANG": "POSIX"}, ""},
		{map[string]string{"LC_ALL": "C", "LANG": "C.UTF-8"}, ""},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, ""},
		{map[string]string{"LANG": "en_US.UTF-8@euro"}, ""},
		{map[string]string{"LANG": "zh_Hans"}, ""},
		{map[string]string{}, ""},
	} {
		env := map[string]string{}
		for k, v := range tc.env {
			env[k] = v
		}
		changed := Fix(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
		got := ""
		if changed {
			got = env["LANGUAGE"]
		}
		if got != tc.want {
			t.Errorf("Fix(%v): LANGUAGE = %q, want %q", tc.env, got, tc.want)
		}
	}
}

// TestInitialisedFirst guards the init order the package relies on: it
// must not depend on package unicode, on which the toolkit depends, so
// that Go initialises it before the toolkit.
func TestInitialisedFirst(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "replydesk/internal/locale").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "unicode" {
			t.Fatal("package locale depends on unicode: its init may run after the toolkit's")
		}
	}
	if !("replydesk/internal/locale" < "unicode") {
		t.Fatal("the import path must sort before unicode")
	}
}
