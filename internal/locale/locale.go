// Package locale makes the locale environment readable by the GUI
// toolkit before the toolkit reads it.
//
// Fyne's lang package reads the user's language from the environment
// while the program initialises (LC_ALL, LC_MESSAGES, LANG, then
// LANGUAGE, as gettext does) and logs three English "Fyne error" lines
// for a value it cannot parse as a BCP 47 tag, such as "C.UTF-8", the
// default of many containers and servers. Those lines would reach every
// command, the headless ones included.
//
// Importing this package (for its side effect, from package main) sets
// LANGUAGE to a list the toolkit can parse whenever the effective value is
// one of those: "en" for the C and POSIX locales (their messages are the
// untranslated, English ones, so gettext-based programs started later see
// no change), or the language and region of a value the toolkit cannot
// read (e.g. "de_DE@euro" gives "de_DE"). LANG and the LC_ variables are
// left as they are, so the character set of child processes stays the
// user's.
//
// Go initialises packages in import-path order among those whose imports
// are ready. This package imports nothing but os, which does not depend
// on package unicode; the toolkit does, and "replydesk/internal/locale"
// sorts before "unicode". So this package's init runs before the
// toolkit's, whatever else the program imports. Keep it that way: no
// strings, fmt or anything else that imports unicode (a test checks).
package locale

import "os"

func init() { Fix(os.Getenv, os.Setenv) }

// Fix sets LANGUAGE (through setenv) when the locale that getenv reports
// is one the toolkit cannot parse, and reports whether it did.
func Fix(getenv func(string) string, setenv func(string, string) error) bool {
	if skip {
		return false
	}
	v := effective(getenv)
	if v == "" || v == "C" || v == "POSIX" {
		// The toolkit ignores LANGUAGE for these and falls back to English.
		return false
	}
	list := v
	if lang := getenv("LANGUAGE"); lang != "" {
		list = lang
	}
	if readable(list) {
		return false
	}
	return setenv("LANGUAGE", cleanList(list)) == nil
}

// effective is the first non-empty locale variable, as gettext reads it.
func effective(getenv func(string) string) string {
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// readable reports whether the toolkit parses every entry of a
// colon-separated list of locales: it drops the encoding (from the first
// "."), then reads language and region as a BCP 47 tag.
func readable(list string) bool {
	for _, e := range split(list) {
		if i := index(e, '.'); i >= 0 {
			e = e[:i]
		}
		if !tag(e) {
			return false
		}
	}
	return true
}

// cleanList rewrites a colon-separated list of locales so that the toolkit
// reads each entry (see cleanEntry); entries it cannot rewrite are left
// out, and an empty result is "en".
func cleanList(list string) string {
	var out []byte
	for _, e := range split(list) {
		clean, ok := cleanEntry(e)
		if !ok {
			continue
		}
		if len(out) > 0 {
			out = append(out, ':')
		}
		out = append(out, clean...)
	}
	if len(out) == 0 {
		return "en"
	}
	return string(out)
}

// split splits a colon-separated list.
func split(list string) []string {
	var out []string
	for {
		i := index(list, ':')
		if i < 0 {
			return append(out, list)
		}
		out = append(out, list[:i])
		list = list[i+1:]
	}
}

// cleanEntry returns the language and region of one locale ("zh_CN" of
// "zh_CN.UTF-8@x"), "en" for C and POSIX, and false for anything else.
func cleanEntry(e string) (string, bool) {
	if i := index(e, '@'); i >= 0 {
		e = e[:i]
	}
	if i := index(e, '.'); i >= 0 {
		e = e[:i]
	}
	if e == "C" || e == "POSIX" {
		return "en", true
	}
	if !tag(e) {
		return "", false
	}
	return e, true
}

// tag reports whether a locale without encoding or modifier is a language
// of two or three letters with an optional region (two letters, three
// digits) or script (four letters), joined by "_" or "-".
func tag(e string) bool {
	lang, region := e, ""
	for i := 0; i < len(e); i++ {
		if e[i] == '_' || e[i] == '-' {
			lang, region = e[:i], e[i+1:]
			break
		}
	}
	if !letters(lang, 2, 3) {
		return false
	}
	return region == "" || letters(region, 2, 2) || letters(region, 4, 4) || digits(region, 3)
}

func index(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func letters(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
