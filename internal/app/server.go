package app

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"replydesk/internal/store"
)

// Choosing the shared ledger: the settings of a PostgreSQL connection as
// the settings dialog edits them. They make a postgres:// address without
// a password; the password goes to the system keyring (SavePassword), or
// comes from PGPASSWORD or pgpass, and is never kept in the settings.

// ServerSettings are the parts of a connection to the shared ledger.
type ServerSettings struct {
	Host     string
	Port     int // 0 = 5432
	Database string
	User     string
	// SSLMode is one of SSLModes' values; "" = verify-full.
	SSLMode string
	// RootCert is the file of the certificate authority that signed the
	// server's certificate (sslrootcert); "" = the default
	// (~/.postgresql/root.crt, %APPDATA%\postgresql\root.crt).
	RootCert string
}

// SSLMode is a choice of the connection's encryption.
type SSLMode struct {
	Value, Label string
}

// SSLModes are the encryption choices, safest first.
var SSLModes = []SSLMode{
	{"verify-full", "加密并核对服务器证书和名称（推荐）"},
	{"verify-ca", "加密并核对服务器证书"},
	{"require", "加密，不核对证书"},
	{"prefer", "服务器支持时加密"},
	{"disable", "不加密（仅限本机或可信网络）"},
}

// URL is the connection's address, without a password.
func (s ServerSettings) URL() string {
	port := s.Port
	if port == 0 {
		port = 5432
	}
	mode := s.SSLMode
	if mode == "" {
		mode = "verify-full"
	}
	u := url.URL{Scheme: "postgres", User: url.User(s.User), Host: s.Host + ":" + strconv.Itoa(port), Path: "/" + s.Database}
	q := url.Values{"sslmode": {mode}}
	if s.RootCert != "" {
		q.Set("sslrootcert", s.RootCert)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// ParseServer reads the settings of a postgres:// address.
func ParseServer(target string) (ServerSettings, error) {
	var s ServerSettings
	u, err := url.Parse(strings.TrimSpace(target))
	if err != nil || !store.IsServer(target) {
		return s, fmt.Errorf("“%s”不是共享台账的地址，应写作 postgres://用户名@服务器:5432/数据库", target)
	}
	s.Host, s.Database = u.Hostname(), strings.TrimPrefix(u.Path, "/")
	if p := u.Port(); p != "" {
		s.Port, _ = strconv.Atoi(p)
	}
	if u.User != nil {
		s.User = u.User.Username()
	}
	s.SSLMode, s.RootCert = u.Query().Get("sslmode"), u.Query().Get("sslrootcert")
	return s, nil
}

// Check says in Chinese which setting is missing or wrong; nil when the
// settings can be tried.
func (s ServerSettings) Check() error {
	switch {
	case strings.TrimSpace(s.Host) == "":
		return fmt.Errorf("请填写服务器地址（信息中心提供的主机名或 IP 地址）")
	case strings.TrimSpace(s.Database) == "":
		return fmt.Errorf("请填写数据库名（通常为 replydesk）")
	case strings.TrimSpace(s.User) == "":
		return fmt.Errorf("请填写用户名（信息中心为您建立的登录账号）")
	case s.Port < 0 || s.Port > 65535:
		return fmt.Errorf("端口“%d”不对：应为 1 到 65535 之间的数，通常为 5432", s.Port)
	}
	for _, m := range SSLModes {
		if s.SSLMode == "" || s.SSLMode == m.Value {
			return nil
		}
	}
	return fmt.Errorf("加密方式“%s”不对", s.SSLMode)
}

// TestConnection tries the connection (with password when given, else
// the keyring, PGPASSWORD or pgpass) and returns what a 测试连接 button
// shows: "连接成功：…" with ok set, or what is wrong, in Chinese
// (unreachable, bad password, no such database, TLS required, not
// offered or failed, server too old).
func TestConnection(s ServerSettings, password string) (msg string, ok bool) {
	if err := s.Check(); err != nil {
		return err.Error(), false
	}
	info, err := store.TestServer(s.URL(), password)
	if err != nil {
		return err.Error(), false
	}
	return info.String(), true
}

// SavePassword keeps the connection's password in the system keyring.
func SavePassword(s ServerSettings, password string) error {
	return store.SavePassword(s.URL(), password)
}
