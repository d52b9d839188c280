package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/reply"
	"replydesk/internal/tomlfile"
)

// TestImportOwnDOCX: the .docx ReplyDesk exports of every example reads
// back, through Word import, as the same reply (its derived fields filled
// in by the style, as the document prints them).
func TestImportOwnDOCX(t *testing.T) {
	files, _ := filepath.Glob("../../templates/examples/*.reply.toml")
	more, _ := filepath.Glob("../layout/testdata/*.reply.toml")
	d := desk(t)
	for _, f := range append(files, more...) {
		name := strings.TrimSuffix(filepath.Base(f), ".reply.toml")
		t.Run(name, func(t *testing.T) {
			r, err := tomlfile.ReadReplyFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := d.WriteDOCX(&b, r); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), name+".docx")
			os.WriteFile(path, b.Bytes(), 0o644)
			im, err := d.ImportLetterFile(path, r.Style)
			if err != nil {
				t.Fatal(err)
			}
			want := resolved(t, d, r)
			got := resolved(t, d, im.Reply)
			if diff := fieldDiff(got, want); diff != "" {
				t.Errorf("imported reply differs:\n%s", diff)
			}
		})
	}
}

// resolved is r with the fields its style derives filled in.
func resolved(t *testing.T, d *Desk, r *reply.Reply) reply.Reply {
	t.Helper()
	st, err := d.StyleOf(r)
	if err != nil {
		t.Fatal(err)
	}
	return st.Resolve(r)
}

// fieldDiff lists the fields of two replies that differ, one a line.
func fieldDiff(got, want reply.Reply) string {
	var b strings.Builder
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < gv.NumField(); i++ {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			b.WriteString(gv.Type().Field(i).Name + ": got " + short(gv.Field(i).Interface()) + "\n\twant " + short(wv.Field(i).Interface()) + "\n")
		}
	}
	return b.String()
}

func short(v any) string {
	s := strings.ReplaceAll(fmtAny(v), "\n", "⏎")
	if r := []rune(s); len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return s
}

func fmtAny(v any) string { return fmt.Sprintf("%q", fmt.Sprint(v)) }
