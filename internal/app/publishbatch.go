package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"replydesk/internal/layout"
	"replydesk/internal/ledger"
	"replydesk/internal/letter"
	"replydesk/internal/publish"
	"replydesk/internal/render/html"
	"replydesk/internal/render/pdf"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
)

// Names of the index files a publication writes into its folder.
const (
	IndexHTML = "index.html"
	IndexXLSX = "公开目录.xlsx"
)

// PublishOptions tune a publication (批量公开).
type PublishOptions struct {
	// Title is the title of the index, e.g. "长春市教育局2023年建议提案
	// 办理复文"; "" = the issuer of the first reply and "建议提案办理复文".
	Title string
	// Progress, if not nil, is called after each item with the number done
	// so far, never concurrently (a GUI must hand it to its own thread).
	Progress func(done, total int)
}

// Published is the outcome of one item of a publication.
type Published struct {
	Item ledger.Item
	// Reason says, in Chinese, why the item was not published: no draft,
	// a classification that forbids it, errors in the reply; "" when it
	// was.
	Reason string
	// Problems are the errors of the reply that kept it back.
	Problems []reply.Problem
	PDF      string // the public PDF's file name in the folder
	HTML     string // the web page's file name in the folder
	Pages    int

	version *publish.Version // the public version, for the index and a 汇编
}

// Ok reports whether the item was published.
func (p *Published) Ok() bool { return p.Reason == "" }

// Publication is the outcome of a publication: each item in the order
// given, and the index files written.
type Publication struct {
	Dir   string
	Items []Published
	Index string // the index page's path; "" when nothing was published
	Sheet string // the index workbook's path; "" when nothing was published
}

// Count returns how many items were published and how many not.
func (p *Publication) Count() (published, held int) {
	for i := range p.Items {
		if p.Items[i].Ok() {
			published++
		} else {
			held++
		}
	}
	return published, held
}

// Summary describes the publication in one Chinese sentence, e.g.
// "已公开198件，2件未公开：第12号提案：公开属性为“不予公开”，不能公开…".
func (p *Publication) Summary() string {
	ok, held := p.Count()
	s := fmt.Sprintf("已公开%d件", ok)
	if p.Index != "" {
		s += "，目录为 " + filepath.Base(p.Index) + " 和 " + filepath.Base(p.Sheet)
	}
	if held > 0 {
		var reasons []string
		for i := range p.Items {
			if it := &p.Items[i]; !it.Ok() && len(reasons) < 3 {
				reasons = append(reasons, it.Item.Label()+"："+it.Reason)
			}
		}
		s += fmt.Sprintf("；%d件未公开：%s", held, strings.Join(reasons, "；"))
		if held > 3 {
			s += "等"
		}
	}
	return s
}

// Publish writes the public version of each item's reply into dir
// (created if need be) as a PDF and a web page named after the item (see
// BatchFileName), with an index of them as a web page (IndexHTML) and a
// workbook (IndexXLSX): 编号, 案由, 提出人, 答复类别, 答复日期 and the files.
// An item is published when it has a reply draft whose classification
// (and the ledger's, when it gives one) allows publication and which
// passes the checks of Check; the others are listed with the reason.
//
// Every file is made in memory first, on all cores, and written only when
// all are made; each file is written atomically, and when one cannot be,
// the files this publication created are removed again, so that a
// failure leaves no half-written file and no half a folder. Cancelling
// ctx stops before anything is written. The ledger is not changed.
func (l *Ledger) Publish(ctx context.Context, items []ledger.Item, dir string, opt PublishOptions) (*Publication, error) {
	pub := &Publication{Dir: dir, Items: make([]Published, len(items))}
	files, err := l.prepare(ctx, items, pub, opt.Progress)
	if err != nil {
		return pub, err
	}
	if ok, _ := pub.Count(); ok > 0 {
		index, sheet, err := l.indexFiles(pub, opt.Title)
		if err != nil {
			return pub, err
		}
		files = append(files, outFile{IndexHTML, index}, outFile{IndexXLSX, sheet})
		pub.Index, pub.Sheet = filepath.Join(dir, IndexHTML), filepath.Join(dir, IndexXLSX)
	}
	if err := writeAll(dir, files); err != nil {
		pub.Index, pub.Sheet = "", ""
		return pub, err
	}
	return pub, nil
}

// outFile is a file of a publication, made and waiting to be written.
type outFile struct {
	name string // in the folder
	data []byte
}

// prepare makes the public PDF and page of each item, on all cores, and
// fills in pub's items.
func (l *Ledger) prepare(ctx context.Context, items []ledger.Item, pub *Publication, progress func(done, total int)) ([]outFile, error) {
	names := map[string]int{}
	for i := range items {
		base := uniqueName(BatchFileName(&items[i]), names)
		pub.Items[i] = Published{Item: items[i], PDF: base + ".pdf", HTML: base + ".html"}
	}
	made := make([][]outFile, len(items))
	parallel(ctx, len(items), progress, func(i int) { made[i] = l.publishOne(&pub.Items[i]) })
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("已取消，未写入任何文件（%w）", err)
	}
	var files []outFile
	for i := range made {
		files = append(files, made[i]...)
	}
	return files, nil
}

// parallel runs do(i) for i in [0, n) on all cores, calling progress
// after each, never concurrently; once ctx is done, the remaining ones are
// skipped (and still counted).
func parallel(ctx context.Context, n int, progress func(done, total int), do func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if ctx.Err() == nil {
					do(i)
				}
				mu.Lock()
				done++
				if progress != nil {
					progress(done, n)
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// publishOne makes the files of one item, or says why it is held back.
func (l *Ledger) publishOne(p *Published) []outFile {
	v, res := l.publicOf(p)
	if v == nil {
		p.PDF, p.HTML = "", ""
		return nil
	}
	var pdfBuf, page bytes.Buffer
	if err := pdf.Write(&pdfBuf, res.Doc, l.Desk.Fonts, pdfOptions); err != nil {
		p.Reason, p.PDF, p.HTML = err.Error(), "", ""
		return nil
	}
	if err := html.Write(&page, letter.New(v.Reply, v.Style), html.Options{Index: IndexHTML}); err != nil {
		p.Reason, p.PDF, p.HTML = err.Error(), "", ""
		return nil
	}
	p.Pages, p.version = len(res.Doc.Pages), v
	return []outFile{{p.PDF, pdfBuf.Bytes()}, {p.HTML, page.Bytes()}}
}

// publicOf reads the reply of an item and makes and typesets its public
// version; when the item may not be published, it sets p.Reason (and
// p.Problems) and returns nil.
func (l *Ledger) publicOf(p *Published) (*publish.Version, layout.Result) {
	hold := func(reason string) (*publish.Version, layout.Result) {
		p.Reason = reason
		return nil, layout.Result{}
	}
	if p.Item.DraftID == 0 {
		return hold("尚未起草答复：请先在台账中为其起草答复")
	}
	d, err := l.Store.Draft(p.Item.DraftID)
	if err != nil {
		return hold(err.Error())
	}
	r := &d.Reply
	if a, b := strings.TrimSpace(p.Item.Disclosure), strings.TrimSpace(r.Disclosure); a != "" && a != b {
		return hold(fmt.Sprintf("台账的公开属性“%s”与答复的“%s”不一致：请先核对公开属性", a, b))
	}
	v, errs, err := l.Desk.checkedPublic(r, false)
	var re *publish.RefusedError
	switch {
	case errors.As(err, &re):
		return hold(re.Reason)
	case len(errs) > 0:
		p.Problems = errs
		return hold(fmt.Sprintf("答复函有%d处错误：%s", len(errs), errs[0].Message))
	case err != nil:
		return hold(err.Error())
	}
	res := layout.Typeset(v.Reply, v.Style, l.Desk.Fonts)
	if len(res.Missing) > 0 {
		return hold((&MissingError{res.Missing}).Error())
	}
	p.version = v
	return v, res
}

// writeAll writes the files into dir, each atomically; when one cannot
// be written, the files it created are removed again (those it replaced
// hold their new, whole content). Each atomic write waits for the disk
// twice (the file, then the folder), which made most of the time of
// publishing 200 replies: writers runs them side by side.
func writeAll(dir string, files []outFile) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return safefile.Explain("建立文件夹", dir, err)
	}
	created := make([]bool, len(files))
	errs := make([]error, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var failed atomic.Bool
	for range min(writers, len(files)) {
		wg.Go(func() {
			for i := range jobs {
				path := filepath.Join(dir, files[i].name)
				_, statErr := os.Lstat(path)
				if err := safefile.WriteBytes(path, files[i].data); err != nil {
					errs[i] = safefile.Explain("写入", path, err)
					failed.Store(true)
					continue
				}
				created[i] = os.IsNotExist(statErr)
			}
		})
	}
	for i := range files {
		if failed.Load() {
			break // the files not yet begun are not written
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			for i, c := range created {
				if c {
					os.Remove(filepath.Join(dir, files[i].name))
				}
			}
			return err
		}
	}
	return nil
}

// writers is how many files writeAll writes at a time.
const writers = 8
