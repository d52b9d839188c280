package wordml

import (
	"encoding/xml"
	"strconv"
)

// val is an element whose value is its w:val attribute.
type val struct {
	Val string `xml:"val,attr"`
}

// numPr is a paragraph's numbering reference (17.3.1.19).
type numPr struct {
	NumID *val `xml:"numId"`
	Ilvl  *val `xml:"ilvl"`
}

// styles are the paragraph styles of styles.xml (17.7), by id.
type styles struct {
	byID map[string]*pstyle
	def  string // the default paragraph style's id
}

// pstyle is what a paragraph style says that matters here.
type pstyle struct {
	Type    string `xml:"type,attr"`
	ID      string `xml:"styleId,attr"`
	Default string `xml:"default,attr"`
	Name    val    `xml:"name"`
	BasedOn val    `xml:"basedOn"`
	PPr     struct {
		Jc    *val   `xml:"jc"`
		NumPr *numPr `xml:"numPr"`
	} `xml:"pPr"`
}

// parseStyles reads styles.xml.
func parseStyles(b []byte) (*styles, error) {
	var x struct {
		Styles []*pstyle `xml:"style"`
	}
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, damaged(err)
	}
	s := &styles{byID: make(map[string]*pstyle, len(x.Styles))}
	for _, st := range x.Styles {
		if st.Type != "" && st.Type != "paragraph" {
			continue
		}
		if _, dup := s.byID[st.ID]; !dup {
			s.byID[st.ID] = st
		}
		if on(st.Default) && s.def == "" {
			s.def = st.ID
		}
	}
	return s, nil
}

// chain returns the style id and the styles it is based on, nearest
// first, at most 16 (a loop of basedOn ends there). An empty id is the
// default paragraph style.
func (s *styles) chain(id string) []*pstyle {
	if s == nil {
		return nil
	}
	if id == "" {
		id = s.def
	}
	var out []*pstyle
	for len(out) < 16 {
		st := s.byID[id]
		if st == nil {
			break
		}
		out = append(out, st)
		id = st.BasedOn.Val
	}
	return out
}

// name is the name of style id, or "".
func (s *styles) name(id string) string {
	if s == nil || s.byID[id] == nil {
		return ""
	}
	return s.byID[id].Name.Val
}

// align is the paragraph alignment style id gives, or "".
func (s *styles) align(id string) string {
	for _, st := range s.chain(id) {
		if st.PPr.Jc != nil {
			return st.PPr.Jc.Val
		}
	}
	return ""
}

// numbering is the numbering style id gives: its numId and level, and
// whether the level was given (else the level is found by the style in
// the abstract numbering, 17.9.23).
func (s *styles) numbering(id string) (numID string, ilvl int, hasLevel bool) {
	for _, st := range s.chain(id) {
		np := st.PPr.NumPr
		if np == nil {
			continue
		}
		if np.Ilvl != nil && !hasLevel {
			ilvl, hasLevel = atoi(np.Ilvl.Val), true
		}
		if np.NumID != nil {
			return np.NumID.Val, ilvl, hasLevel
		}
	}
	return "", 0, false
}

// on reads an ST_OnOff value (17.17.4): absent or "true", "1", "on".
func on(v string) bool {
	return v == "1" || v == "true" || v == "on"
}

// atoi reads a small non-negative decimal number, or 0.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// normAlign writes an ST_Jc value (17.18.44) the way Block.Align names it.
func normAlign(jc string) string {
	switch jc {
	case "start":
		return "left"
	case "end":
		return "right"
	}
	return jc
}
