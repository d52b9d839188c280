package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"replydesk/internal/letter"
	"replydesk/internal/recognize"
	"replydesk/internal/render/docx"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
	stylepkg "replydesk/internal/style"
	"replydesk/internal/textenc"
	"replydesk/internal/wordml"
)

// maxLetterText bounds a text file or pasted letter taken in: a reply of
// a hundred pages is well under a megabyte.
const maxLetterText = 8 << 20

// Imported is a letter read from Word or text: the reply recognised in
// it, what could not be placed, and the problems the reply still has.
type Imported struct {
	Reply    *reply.Reply    // the fields found; the others stay empty
	Notes    []ImportNote    // what was skipped or placed in the body, in Chinese
	Problems []reply.Problem // Check's problems of Reply
	Source   string          // what was read: "Word 文档", "文本（GB18030）"…
}

// ImportNote is one thing the import says about the letter it read, e.g.
// "第12段未能识别，已放入正文".
type ImportNote struct {
	Para    int    // 0-based paragraph of the letter as read; -1 = the whole letter
	Field   string // the reply field concerned, if any
	Message string // in Chinese
}

// ImportLetterFile reads a reply letter from a .docx or a text file and
// recognises its fields (see ImportLetter). A .doc or .wps file is
// refused with a message to save it as .docx first.
func (d *Desk) ImportLetterFile(path, style string) (*Imported, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, safefile.Explain("读取", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, safefile.Explain("读取", path, err)
	}
	if fi.IsDir() {
		return nil, &safefile.Error{Op: "读取", Path: path, Msg: "这是一个文件夹：请选择 Word 文档（.docx）或文本文件（.txt）"}
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".toml":
		return nil, &safefile.Error{Op: "导入", Path: path, Msg: "这已经是答复函文件：请直接打开它"}
	case ".xlsx", ".xls", ".et", ".csv":
		return nil, &safefile.Error{Op: "导入", Path: path, Msg: "这是表格文件：交办清单请在台账中导入；答复函请选择 Word 文档（.docx）或文本文件（.txt）"}
	case ".pdf":
		return nil, &safefile.Error{Op: "导入", Path: path, Msg: "PDF 文件不能导入：请导入答复函的 Word 文档（.docx），或把全文复制后用“粘贴全文”"}
	}
	var head [8]byte
	n, _ := f.ReadAt(head[:], 0)
	if isPackage(head[:n]) || wordExt(path) {
		doc, err := wordml.Read(f, fi.Size())
		if err != nil {
			return nil, fmt.Errorf("无法导入“%s”：%w", filepath.FromSlash(path), err)
		}
		return d.importDocument(doc, style)
	}
	return d.ImportLetter(f, style)
}

// ImportLetter reads a letter as text (UTF-8, UTF-16 or GB18030, told
// apart by its bytes) from r, as pasted or read from standard input, and
// recognises its fields. The reply's style is style, or the plain style of
// the kind recognised.
func (d *Desk) ImportLetter(r io.Reader, style string) (*Imported, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxLetterText+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取信函：%w", err)
	}
	if len(b) > maxLetterText {
		return nil, fmt.Errorf("信函文字超过%dMB，不像一件答复：请只导入答复函本身", maxLetterText>>20)
	}
	if isPackage(b) {
		doc, err := wordml.Read(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return nil, err
		}
		return d.importDocument(doc, style)
	}
	text, enc, err := textenc.Decode(b)
	if err != nil {
		return nil, err
	}
	return d.importText(text, "文本（"+enc.String()+"）", style)
}

// ImportPasted recognises the fields of a whole letter pasted as text.
func (d *Desk) ImportPasted(text, style string) (*Imported, error) {
	if len(text) > maxLetterText {
		return nil, fmt.Errorf("粘贴的文字超过%dMB，不像一件答复：请只粘贴答复函本身", maxLetterText>>20)
	}
	return d.importText(text, "粘贴的文字", style)
}

// importDocument recognises the paragraphs of a Word document, with
// their manual line breaks, alignment and tables, and checks the reply
// found.
func (d *Desk) importDocument(doc *wordml.Document, style string) (*Imported, error) {
	ps := make([]recognize.Para, len(doc.Blocks))
	empty := true
	for i, b := range doc.Blocks {
		ps[i] = recognize.Para{Text: b.Text, Align: b.Align, Table: b.Table, Widths: b.Widths}
		empty = empty && strings.TrimSpace(b.Text) == "" && len(b.Table) == 0
	}
	if empty {
		return nil, fmt.Errorf("Word 文档中没有文字：请确认选择的是答复函")
	}
	im, err := d.recognise(func(opt recognize.Options) *recognize.Result {
		res := recognize.Paragraphs(ps, opt)
		fromDocument(res, doc)
		return res
	}, "Word 文档", style)
	if err == nil {
		paraForms(doc, im.Reply)
	}
	return im, err
}

// headingStyles are the names of the paragraph styles of the heading
// levels in the .docx ReplyDesk writes (render/docx) and in the Word
// templates bureaus use for 公文.
var headingStyles = map[string]bool{"一级标题": true, "二级标题": true, "三级标题": true, "四级标题": true}

// paraForms gives r, recognised from doc, the overrides (reply.SetForm)
// that set its numbered paragraphs as the document has them: a paragraph
// in a heading style that its shape would make body text is a heading;
// and, in a document that marks its headings with these styles, a
// numbered paragraph in another style that its shape would make a heading
// is body text. Documents without the styles (headings typed in bold) are
// left to the shape. A run-in heading's font is not read, so an override
// of one does not come back.
func paraForms(doc *wordml.Document, r *reply.Reply) {
	styled := map[string]bool{} // paragraph text → in a heading style
	uses := false
	for _, b := range doc.Blocks {
		if b.Table == nil {
			h := headingStyles[b.StyleName]
			styled[strings.TrimSpace(b.Text)] = h
			uses = uses || h
		}
	}
	if !uses {
		return
	}
	for _, p := range strings.Split(r.Body, "\n") {
		p = strings.TrimSpace(p)
		heading, ok := styled[p]
		if level, _ := reply.HeadingNumber(p); !ok || level == 0 {
			continue
		}
		switch auto := letter.NewPara(p, "body", 0, reply.AutoForm); {
		case heading && auto.Head == "":
			r.SetForm(p, reply.HeadingForm)
		case !heading && auto.Heading():
			r.SetForm(p, reply.TextForm)
		}
	}
}

// fromDocument fills the fields of res that the text of doc did not give
// from what the document carries beside its text, and says so in a note:
//   - the custom properties ReplyDesk writes for fields a letter may leave
//     unprinted (docx.PropCategory …), kept by Word when the text is edited;
//   - the 红头 in the first page's header, as the issuer, when the
//     signature names none.
//
// A field the text gives is never replaced.
func fromDocument(res *recognize.Result, doc *wordml.Document) {
	r := res.Reply
	note := func(field, msg string) {
		res.Notes = append(res.Notes, recognize.Note{Para: -1, Field: field, Message: msg})
	}
	prop := func(name string) string { return strings.TrimSpace(doc.Properties[name]) }
	take := func(field string, dst *string, name string) {
		if v := prop(name); *dst == "" && v != "" {
			*dst = v
			note(field, "正文中没有"+name+"，已取自文档属性：“"+v+"”")
		}
	}
	take("category", &r.Category, docx.PropCategory)
	take("disclosure", &r.Disclosure, docx.PropDisclosure)
	take("signer", &r.Signer, docx.PropSigner)
	if v := prop(docx.PropProposers); len(r.Proposers) == 0 && v != "" {
		for _, n := range strings.Split(v, docx.ProposerSep) {
			if n = strings.TrimSpace(n); n != "" {
				r.Proposers = append(r.Proposers, n)
			}
		}
		note("proposers", "正文中没有提出人，已取自文档属性：“"+v+"”")
		if n, err := strconv.Atoi(prop(docx.PropProposerCount)); err == nil && n > len(r.Proposers) && r.ProposerCount == 0 {
			r.ProposerCount = n
		}
	}
	// The seal read from the blank lines above the issuer is a guess;
	// the property says it.
	switch prop(docx.PropSeal) {
	case "是":
		r.Seal = true
	case "否":
		r.Seal = false
	}
	if r.Issuer == "" {
		if unit := redHead(doc.Header); unit != "" {
			r.Issuer = unit
			note("issuer", "落款中没有发文机关，已取自页眉的发文机关标志：“"+unit+"”，请核对")
		}
	}
}

// redHead returns the issuing unit a header names as a 发文机关标志 (红头),
// e.g. "长春市教育局" from "长春市教育局文件" or "长春市教育局（函）", or
// "" when the header is not one: several lines, too long, or not ending
// like the name of a unit.
func redHead(h string) string {
	h = strings.TrimSpace(h)
	if h == "" || strings.Contains(h, "\n") {
		return ""
	}
	h = strings.Join(strings.Fields(h), "")
	for _, suf := range []string{"（函）", "(函)", "文件", "函"} {
		if s, ok := strings.CutSuffix(h, suf); ok && s != "" {
			h = s
			break
		}
	}
	n := utf8.RuneCountInString(h)
	if n < 3 || n > 30 {
		return ""
	}
	for _, suf := range []string{"局", "委", "委员会", "办公室", "厅", "院", "政府", "中心", "站", "所", "处", "会", "部", "室", "队", "社", "馆", "办", "署", "司"} {
		if strings.HasSuffix(h, suf) {
			return h
		}
	}
	return ""
}

// importText recognises text and checks the reply found.
func (d *Desk) importText(text, source, style string) (*Imported, error) {
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s中没有文字：请确认选择的是答复函", source)
	}
	return d.recognise(func(opt recognize.Options) *recognize.Result {
		return recognize.Letter(text, opt)
	}, source, style)
}

// recognise runs recognition with the wording of the reply's style: the
// style named, or else the one of the kind recognised (a second pass then
// reads the style's 附注 wording of the disclosure). It checks the reply.
func (d *Desk) recognise(rec func(recognize.Options) *recognize.Result, source, style string) (*Imported, error) {
	var st *stylepkg.Style
	if style != "" {
		if st = d.StyleNamed(style); st == nil {
			if b := d.BrokenNamed(style); b != nil {
				return nil, b
			}
			return nil, fmt.Errorf("找不到样式“%s”：可用的样式见 replydesk styles", style)
		}
	}
	res := rec(wording(st))
	if st == nil {
		if found, err := d.StyleOf(res.Reply); err == nil {
			st = found
			if len(st.DisclosureNotes) > 0 {
				res = rec(wording(st))
			}
		}
	}
	r := res.Reply
	if st != nil {
		r.Style = st.Name
		if r.Kind == "" {
			r.Kind = st.Kind
		}
	}
	im := &Imported{Reply: r, Source: source, Problems: d.Check(r)}
	for _, n := range res.Notes {
		im.Notes = append(im.Notes, ImportNote(n))
	}
	return im, nil
}

// wording is what the recogniser needs to know of a style: how it words
// the disclosure as a 附注. A nil style gives the zero options.
func wording(st *stylepkg.Style) recognize.Options {
	if st == nil {
		return recognize.Options{}
	}
	return recognize.Options{DisclosureNotes: st.DisclosureNotes}
}

// isPackage reports whether b starts like a zip package (.docx) or an OLE
// compound file (.doc, .wps, an encrypted .docx): wordml reads the one and
// explains the other.
func isPackage(b []byte) bool {
	return bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}) ||
		bytes.HasPrefix(b, []byte(`{\rtf`))
}

// wordExt reports a file name of Word or WPS.
func wordExt(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx", ".doc", ".wps", ".docm", ".dotx", ".rtf", ".odt":
		return true
	}
	return false
}
