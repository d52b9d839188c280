package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
)

// BatchResult is the outcome of one item of a batch export.
type BatchResult struct {
	Item  ledger.Item
	Path  string // the PDF written (or meant to be written); "" when the batch writes Word documents only
	DOCX  string // the Word document written (or meant to be written); "" when the batch writes PDFs only
	Pages int    // pages of the PDF; 0 on failure or without a PDF
	Err   error  // nil on success; in Chinese, naming the item
	// Problems are the errors that Check found in the reply. A reply with
	// errors is not exported unless the batch is forced, and its item is
	// never marked 已答复.
	Problems []reply.Problem

	reply *reply.Reply // the reply exported and passing the checks, until its item is updated
}

// Forced reports whether the result's PDF was written although its reply
// has errors.
func (r *BatchResult) Forced() bool { return r.Err == nil && len(r.Problems) > 0 }

// BatchFormat says which files a batch export writes for each reply.
type BatchFormat int

// The formats of a batch export.
const (
	BatchPDF  BatchFormat = iota // a PDF (the zero value)
	BatchDOCX                    // a Word document (.docx)
	BatchBoth                    // a PDF and a Word document of the same name
)

// BatchOptions tune a batch export.
type BatchOptions struct {
	// Force writes the files of a reply that has errors too (characters no
	// font has excepted); its item still does not become 已答复.
	Force bool
	// Format is the files written for each reply; the zero value writes
	// PDFs. With BatchBoth the reply is checked once, as for its PDF, and
	// its Word document is written only when its PDF was.
	Format BatchFormat
	// Progress, if not nil, is called after each item with the number done
	// so far, from the worker goroutines but never concurrently (a GUI must
	// hand it to its own thread).
	Progress func(done, total int)
}

// ErrNoDraft is matched (with errors.Is) by the result of an item that
// has no reply draft yet.
var ErrNoDraft = errors.New("尚未起草答复")

// itemError names the item an error is about.
type itemError struct {
	it  *ledger.Item
	err error
}

// Error prefixes the message with the item, e.g. "第12号提案：…".
func (e *itemError) Error() string { return e.it.Label() + "：" + e.err.Error() }

// Unwrap returns the error about the item.
func (e *itemError) Unwrap() error { return e.err }

// Batch exports the reply draft of each item as a PDF, a Word document or
// both (opt.Format) into dir (created if need be), on all cores, named
// after the item's number and title (see BatchFileName). Each reply is checked first, as Check does: one with
// errors is not exported (its result has the problems and a *CheckError)
// unless opt.Force is set. A reply that fails (no draft, errors, a style
// or font problem, a file that cannot be written) is reported in its
// result and the others still export; each PDF is written atomically, so
// a cancelled or failed export leaves no partial file. Cancelling ctx
// stops the export after the replies being written; the items not
// exported get ctx's error, and so does Batch. The results are in the
// order of items. Each item whose PDF was written and whose reply has no
// errors becomes 已答复 (see ReplyExported); no other item changes.
func (l *Ledger) Batch(ctx context.Context, items []ledger.Item, dir string, opt BatchOptions) ([]BatchResult, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, safefile.Explain("建立文件夹", dir, err)
	}
	progress := opt.Progress
	results := make([]BatchResult, len(items))
	names := map[string]int{}
	for i := range items {
		base := filepath.Join(dir, uniqueName(BatchFileName(&items[i]), names))
		results[i] = BatchResult{Item: items[i]}
		if opt.Format != BatchDOCX {
			results[i].Path = base + ".pdf"
		}
		if opt.Format != BatchPDF {
			results[i].DOCX = base + ".docx"
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	workers := min(runtime.GOMAXPROCS(0), len(items))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				l.exportOne(ctx, &results[i], opt.Force)
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(items))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range items {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	l.answered(results)
	return results, ctx.Err()
}

// exportOne writes the PDF, the Word document or both of one result's
// item.
func (l *Ledger) exportOne(ctx context.Context, res *BatchResult, force bool) {
	fail := func(err error) { res.Err = &itemError{&res.Item, err} }
	if err := ctx.Err(); err != nil {
		fail(fmt.Errorf("已取消（%w）", err))
		return
	}
	if res.Item.DraftID == 0 {
		fail(fmt.Errorf("%w：请先在台账中为其起草答复", ErrNoDraft))
		return
	}
	d, err := l.Store.Draft(res.Item.DraftID)
	if err != nil {
		fail(err)
		return
	}
	if res.Path != "" {
		doc, problems, err := l.Desk.ExportChecked(res.Path, &d.Reply, force)
		res.Problems = problems
		if err != nil {
			fail(err)
			return
		}
		res.Pages = len(doc.Pages)
	}
	if res.DOCX != "" {
		// After a PDF, the checks are those of the PDF, which also
		// counts the characters no font has.
		problems, err := l.Desk.ExportDOCX(res.DOCX, &d.Reply, force)
		if res.Path == "" {
			res.Problems = problems
		}
		if err != nil {
			fail(err)
			return
		}
	}
	if len(res.Problems) == 0 {
		res.reply = &d.Reply
	}
}

// answered marks the items exported 已答复, as exporting a reply on its own
// does, in one transaction: one write to the disk for the whole batch.
func (l *Ledger) answered(results []BatchResult) {
	var items []ledger.Item
	var of []int
	for i := range results {
		res := &results[i]
		if res.Err != nil || res.reply == nil {
			continue
		}
		it, err := l.itemOfReply(res.Item.DraftID, res.reply)
		if err != nil {
			res.Err = &itemError{&res.Item, fmt.Errorf("答复已导出，但台账未能更新：%w", err)}
			continue
		}
		if it != nil && it.Apply(res.reply, ledger.Exported, l.today()) {
			items = append(items, *it)
			of = append(of, i)
		}
		res.reply = nil
	}
	if len(items) == 0 {
		return
	}
	if _, _, err := l.Store.UpsertItems(items); err != nil {
		for _, i := range of {
			results[i].Err = &itemError{&results[i].Item, fmt.Errorf("答复已导出，但台账未能更新：%w", err)}
		}
	}
}

// BatchSummary describes a batch in one Chinese sentence, e.g.
// "已导出198份答复，2份未导出：第12号提案：尚未起草答复…", or with forced
// replies "已导出198份答复（其中3份有错误，未标记为已答复）…".
func BatchSummary(results []BatchResult) string {
	ok, forced := 0, 0
	var failed []string
	for i := range results {
		r := &results[i]
		switch {
		case r.Forced():
			ok++
			forced++
		case r.Err == nil:
			ok++
		default:
			failed = append(failed, r.Err.Error())
		}
	}
	s := fmt.Sprintf("已导出%d份答复", ok)
	if forced > 0 {
		s += fmt.Sprintf("（其中%d份有错误，未标记为已答复）", forced)
	}
	if len(failed) > 0 {
		s += fmt.Sprintf("，%d份未导出：%s", len(failed), strings.Join(failed[:min(3, len(failed))], "；"))
		if len(failed) > 3 {
			s += "等"
		}
	}
	return s
}

// maxNameRunes caps a file name (without extension), so that a path in a
// deep folder stays under the 260 characters Windows allows.
const maxNameRunes = 80

// BatchFileName names an item's PDF (without ".pdf"): number and title,
// e.g. "第244号提案-关于进一步推进职业教育产教融合、校企合作的建议", safe on
// Windows (see SafeFileName).
func BatchFileName(it *ledger.Item) string {
	name := it.Label()
	if t := strings.TrimSpace(it.Title); t != "" {
		name += "-" + t
	}
	return SafeFileName(name)
}

// windowsMarks maps the characters Windows forbids in file names to their
// full-width forms, which read the same in a Chinese title.
var windowsMarks = strings.NewReplacer(
	"<", "＜", ">", "＞", ":", "：", `"`, "＂", "/", "／", `\`, "＼", "|", "｜", "?", "？", "*", "＊",
)

// reserved are the device names Windows refuses as file names, with or
// without an extension.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}

func init() {
	for i := 1; i <= 9; i++ {
		reserved[fmt.Sprint("COM", i)] = true
		reserved[fmt.Sprint("LPT", i)] = true
	}
}

// SafeFileName makes name usable as a file name on Windows, macOS and
// Linux: the characters <>:"/\|? and * become their full-width forms,
// control characters and line breaks become spaces, runs of spaces one,
// no leading or trailing dots or spaces, a Windows device name (CON,
// COM1 …) gets a leading underscore, and the name is cut to 80 characters.
// An empty result is "答复".
func SafeFileName(name string) string {
	name = windowsMarks.Replace(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, name)
	name = strings.Join(strings.Fields(name), " ")
	if r := []rune(name); len(r) > maxNameRunes {
		name = string(r[:maxNameRunes])
	}
	name = strings.TrimRight(strings.TrimLeft(name, " ."), " .")
	base, _, _ := strings.Cut(name, ".")
	if reserved[strings.ToUpper(strings.TrimSpace(base))] {
		name = "_" + name
	}
	if name == "" {
		return "答复"
	}
	return name
}

// uniqueName returns name, or name（2）, name（3）… when it was used
// before, comparing without letter case as Windows does.
func uniqueName(name string, used map[string]int) string {
	key := strings.ToLower(name)
	used[key]++
	if n := used[key]; n > 1 {
		alt := fmt.Sprintf("%s（%d）", name, n)
		return uniqueName(alt, used)
	}
	return name
}
