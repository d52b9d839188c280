package tomlfile

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"replydesk/internal/reply"
	"replydesk/internal/textenc"
)

// newFileEOL is the line end of a reply file written anew: CR LF on
// Windows, as Notepad and Word write text there, LF elsewhere.
var newFileEOL = eolFor(runtime.GOOS)

func eolFor(goos string) string {
	if goos == "windows" {
		return "\r\n"
	}
	return "\n"
}

// WriteNewReply writes r as WriteReply does, with the line ends of a new
// file on this system (CR LF on Windows): the text `replydesk new` prints
// for the user to save as a file.
func WriteNewReply(w io.Writer, r *reply.Reply) error {
	if newFileEOL == "\n" {
		return WriteReply(w, r)
	}
	var b strings.Builder
	if err := WriteReply(&b, r); err != nil {
		return err
	}
	_, err := io.WriteString(w, strings.ReplaceAll(b.String(), "\n", newFileEOL))
	return err
}

// habits tells how an existing file's text is stored: its line end (that
// of its first line, LF when it has none) and whether it starts with a
// UTF-8 byte order mark.
func habits(data []byte) (eol string, bom bool) {
	eol = "\n"
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		eol = "\r\n"
	}
	return eol, bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF})
}

// ReadReplyFileNote reads the reply file at path as ReadReplyFile does,
// and returns with it a note for the user when the file is not UTF-8
// (see EncodingNote); "" otherwise.
func ReadReplyFileNote(path string) (*reply.Reply, string, error) {
	r, err := ReadReplyFile(path)
	if err != nil {
		return nil, "", err
	}
	data, err := readBounded(path)
	if err != nil {
		return r, "", nil
	}
	_, enc, _ := text(data, filepath.Base(path))
	return r, EncodingNote(filepath.Base(path), enc), nil
}

// EncodingNote tells the user, in Chinese, that the file name was stored
// in the encoding enc and converted when read, and that saving keeps that
// encoding; "" for UTF-8 with or without a byte order mark.
func EncodingNote(name string, enc textenc.Encoding) string {
	switch {
	case enc == textenc.GB18030:
		return fmt.Sprintf("%s 是 GB18030（GBK）编码的文本，已转换读取；保存时仍用 GB18030。如需通用的 UTF-8，请在记事本中“另存为”并选 UTF-8", name)
	case enc.UTF16():
		return fmt.Sprintf("%s 是 %s 编码的文本（记事本的“Unicode”），已转换读取；保存时仍用 %s", name, enc, enc)
	}
	return ""
}
