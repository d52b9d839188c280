package store

import (
	"errors"
	"strings"
	"testing"

	"replydesk/internal/store/pgtest"
)

// TestPostgresTLS: a server that accepts only encrypted connections,
// with a certificate for "localhost" from a test authority. verify-full
// with that authority connects encrypted; the wrong authority, a name
// the certificate does not have, or no encryption are told in Chinese.
func TestPostgresTLS(t *testing.T) {
	p := pgtest.RequireTLS(t)
	for _, c := range []struct {
		name string
		url  string
		kind OpenErrorKind
		want string
	}{
		{"verify-full", p.HostURL("localhost", "postgres", "verify-full", p.CA), 0, ""},
		{"wrong authority", p.HostURL("localhost", "postgres", "verify-full", p.OtherCA), TLSFailed, "证书无法验证"},
		{"wrong name", p.HostURL("127.0.0.1", "postgres", "verify-full", p.CA), TLSFailed, "证书无法验证"},
		{"TLS required", p.HostURL("localhost", "postgres", "disable", ""), TLSRequired, "要求加密连接"},
	} {
		t.Run(c.name, func(t *testing.T) {
			info, err := TestServer(c.url, pgPassword)
			if c.want == "" {
				if err != nil || !info.TLS || !strings.Contains(info.String(), "加密连接") {
					t.Fatalf("TestServer = %+v, %v", info, err)
				}
				s, err := Open(c.url)
				if err != nil {
					t.Fatalf("Open over TLS: %v", err)
				}
				s.Close()
				return
			}
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Kind != c.kind || !strings.Contains(err.Error(), c.want) {
				t.Errorf("TestServer error = %v (%#v); want kind %d, %q", err, err, c.kind, c.want)
			}
		})
	}
}
