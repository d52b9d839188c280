package app

import (
	"reflect"
	"sync"

	"replydesk/internal/fonts"
	"replydesk/internal/layout"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// A reply is typeset again unchanged more often than not: the preview
// typesets it after each edit, then an export, a print or a check typesets
// the same reply once more. typesetCached keeps the layouts of the last
// few replies, so that an unchanged reply is laid out once; a hit is the
// same reply (compared field by field), the same style, unchanged, and
// the same fonts (a fonts.Set never changes).

// typesetting is one reply laid out.
type typesetting struct {
	r     reply.Reply  // a copy of the reply
	st    *style.Style // the style
	stVal style.Style  // its fields when laid out
	fonts *fonts.Set
	res   layout.Result
}

// typesetKept is how many layouts typesetCached keeps: the replies of a
// window and of a batch worker or two.
const typesetKept = 4

var (
	typesetMu   sync.Mutex
	typesetLast []*typesetting // most recently used last
)

// typesetCached returns layout.Typeset(r, st, f), from a layout kept when
// the same reply was laid out lately. The result is shared: callers do not
// change it.
func typesetCached(r *reply.Reply, st *style.Style, f *fonts.Set) layout.Result {
	typesetMu.Lock()
	for i := len(typesetLast) - 1; i >= 0; i-- {
		t := typesetLast[i]
		if t.st == st && t.fonts == f && reflect.DeepEqual(&t.r, r) && reflect.DeepEqual(&t.stVal, st) {
			typesetLast = append(append(typesetLast[:i:i], typesetLast[i+1:]...), t)
			typesetMu.Unlock()
			return t.res
		}
	}
	typesetMu.Unlock()
	res := layout.Typeset(r, st, f)
	t := &typesetting{r: r.Clone(), st: st, stVal: *st, fonts: f, res: res}
	typesetMu.Lock()
	if len(typesetLast) == typesetKept {
		typesetLast = typesetLast[1:]
	}
	typesetLast = append(typesetLast, t)
	typesetMu.Unlock()
	return res
}
