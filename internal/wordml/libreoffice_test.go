package wordml

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// soffice converts files with LibreOffice headless into dir, in its own
// profile so that it runs beside other instances. It fails the test when
// LibreOffice is not installed (scripts/setup.sh installs it).
func soffice(t *testing.T, dir, format string, files ...string) {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("LibreOffice (soffice) not found: install libreoffice-writer-nogui (scripts/setup.sh)")
	}
	profile := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "profile"))
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", format, "--outdir", dir}, files...)
	cmd := exec.Command(bin, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestLibreOffice reads documents LibreOffice writes: a letter converted
// from HTML, the reply letter fixture after a round trip through
// LibreOffice (its own styles, numbering, text boxes as frames, tracked
// changes), and the fixture saved as a binary .doc.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions take seconds")
	}
	dir := t.TempDir()
	html := filepath.Join(dir, "letter.html")
	if err := os.WriteFile(html, []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>答复</title></head><body>
<p align="right">B</p>
<h1 align="center">关于市政协十三届二次会议第244号提案的答复</h1>
<p>王某某委员：</p>
<p>您提出的《关于缓解城区交通拥堵的提案》收悉，现答复如下：</p>
<ol><li>优化信号配时</li><li>增加公交线路</li></ol>
<table border="1"><tr><td>序号</td><td>事项</td></tr><tr><td>1</td><td>路口改造</td></tr></table>
<p align="right">某某市交通运输局<br>2023年6月20日</p>
</body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	fixture := filepath.Join(dir, "reply-letter.docx")
	if err := os.WriteFile(fixture, replyLetter(t), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	soffice(t, out, "docx:MS Word 2007 XML", html, fixture)
	soffice(t, out, "doc:MS Word 97", fixture)

	t.Run("from HTML", func(t *testing.T) {
		d, err := ReadFile(filepath.Join(out, "letter.docx"))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"B", "关于市政协十三届二次会议第244号提案的答复", "王某某委员：", "您提出的《关于缓解城区交通拥堵的提案》收悉，现答复如下：",
			"1. 优化信号配时", "2. 增加公交线路", "[table]序号\t事项\n1\t路口改造", "某某市交通运输局\n2023年6月20日"}
		if got := texts(d); !reflect.DeepEqual(got, want) {
			t.Errorf("blocks =\n%q\nwant\n%q", got, want)
		}
		if d.Blocks[1].Align != "center" || d.Blocks[7].Align != "right" || !strings.Contains(d.Blocks[1].StyleName, "1") {
			t.Errorf("title %+v, signature %+v: want a centred heading 1 and a right-aligned signature", d.Blocks[1], d.Blocks[7])
		}
	})
	t.Run("round trip of the reply letter", func(t *testing.T) {
		path := filepath.Join(out, "reply-letter.docx")
		start := time.Now()
		d, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("read LibreOffice's %s in %v", path, time.Since(start))
		// LibreOffice updates the DATE field to the day of conversion.
		got := regexp.MustCompile(`\n\d{4}年\d{1,2}月\d{1,2}日\n`).ReplaceAllString(d.Text(), "\n（日期）\n")
		want := strings.Replace(letterText, "\n2023年6月20日\n", "\n（日期）\n", 1)
		if got != want {
			t.Errorf("Text() =\n%s\nwant\n%s", got, want)
		}
		if d.Header != "某某市交通运输局" {
			t.Errorf("Header = %q, want 某某市交通运输局", d.Header)
		}
		for i, n := range map[int]string{7: "一、", 8: "（一）", 9: "（二）", 10: "二、"} {
			if d.Blocks[i].Number != n {
				t.Errorf("Blocks[%d].Number = %q, want %q", i, d.Blocks[i].Number, n)
			}
		}
	})
	t.Run("binary .doc", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(out, "reply-letter.doc"))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Read(bytes.NewReader(b), int64(len(b)))
		var e *Error
		if !errors.As(err, &e) || e.Kind != Legacy || e.Msg != msgLegacy {
			t.Errorf("Read(.doc) = %v, want %q", err, msgLegacy)
		}
	})
}
