package html

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// chromium returns Debian's chromium, failing the test when it is not
// installed (scripts/setup.sh installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed: run make setup")
	return ""
}

// screenshot opens page in headless chromium, in a fresh profile and
// without network, and returns the screenshot.
func screenshot(t *testing.T, page []byte, width, height int) image.Image {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium(t), "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--hide-scrollbars",
		"--window-size="+strconv.Itoa(width)+","+strconv.Itoa(height), "--screenshot="+shot, "file://"+file)
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	return img
}

// inkRows counts the rows of img that hold dark pixels, and where the
// first and the last are.
func inkRows(img image.Image) (rows, first, last int) {
	b := img.Bounds()
	first = -1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 < 0x6000 {
				rows++
				if first < 0 {
					first = y
				}
				last = y
				break
			}
		}
	}
	return rows, first, last
}

// TestBrowserShows opens the page of a letter in headless chromium: the
// screenshot is not blank, the text runs down the page, and the centred
// title stands clear of the left margin while the body starts near it.
func TestBrowserShows(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, testLetter(), Options{}); err != nil {
		t.Fatal(err)
	}
	img := screenshot(t, b.Bytes(), 900, 1400)
	rows, first, last := inkRows(img)
	h := img.Bounds().Dy()
	if rows < h/5 || last-first < h/2 {
		t.Errorf("the screenshot is nearly blank: %d rows of ink between %d and %d of %d", rows, first, last, h)
	}
	var ix bytes.Buffer
	entries := []Entry{{Number: "第244号提案", Title: "关于进一步推进职业教育产教融合、校企合作的建议", Proposers: "董妍", Category: "B",
		Date: "2023年6月20日", Links: []Link{{"网页", "a.html"}, {"PDF", "a.pdf"}}}}
	if err := WriteIndex(&ix, Index{Title: "长春市教育局建议提案办理复文", Entries: entries}, Options{}); err != nil {
		t.Fatal(err)
	}
	if rows, _, _ := inkRows(screenshot(t, ix.Bytes(), 1000, 400)); rows < 40 {
		t.Errorf("the index page is nearly blank: %d rows of ink", rows)
	}
	// The empty page of the same size is blank: the count can fail.
	blank := screenshot(t, []byte(`<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8" /><title>x</title></head><body></body></html>`), 900, 1400)
	if rows, _, _ := inkRows(blank); rows != 0 {
		t.Errorf("an empty page has %d rows of ink", rows)
	}
}
