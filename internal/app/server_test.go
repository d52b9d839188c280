package app

import (
	"net"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/store"
	"replydesk/internal/store/pgtest"
)

func TestServerSettingsURL(t *testing.T) {
	s := ServerSettings{Host: "db.bureau.local", Database: "replydesk", User: "张三"}
	u := s.URL()
	if u != "postgres://%E5%BC%A0%E4%B8%89@db.bureau.local:5432/replydesk?sslmode=verify-full" {
		t.Errorf("URL = %s", u)
	}
	back, err := ParseServer(u)
	if err != nil || back.User != "张三" || back.Port != 5432 || back.SSLMode != "verify-full" || back.Host != s.Host {
		t.Errorf("ParseServer = %+v, %v", back, err)
	}
	if err := (ServerSettings{Host: "x", Database: "y"}).Check(); err == nil || !strings.Contains(err.Error(), "用户名") {
		t.Errorf("Check without a user = %v", err)
	}
}

// TestTestConnection: what the 测试连接 button says, in Chinese, for a
// good connection and for each way it fails.
func TestTestConnection(t *testing.T) {
	p := pgtest.Require(t)
	good := ServerSettings{Host: "127.0.0.1", Port: p.Port, Database: pgtest.Database, User: pgtest.User, SSLMode: "disable"}
	if msg, ok := TestConnection(good, ""); !ok || !strings.Contains(msg, "连接成功：PostgreSQL") || !strings.Contains(msg, "尚未建立台账") {
		t.Errorf("good connection: %v %q", ok, msg)
	}
	with := func(f func(*ServerSettings)) ServerSettings { s := good; f(&s); return s }
	for _, c := range []struct {
		name     string
		s        ServerSettings
		password string
		want     string
	}{
		{"typed password", good, pgtest.Password, "连接成功"},
		{"bad password", good, "wrong", "用户名或密码不正确"},
		{"no such database", with(func(s *ServerSettings) { s.Database = "nothere" }), "", "没有地址中所写的数据库"},
		{"unreachable", with(func(s *ServerSettings) { s.Port = freeTestPort(t) }), "", "无法连接"},
		{"TLS not offered", with(func(s *ServerSettings) { s.SSLMode = "verify-full" }), "", "不支持加密连接"},
		{"no host", with(func(s *ServerSettings) { s.Host = "" }), "", "请填写服务器地址"},
	} {
		t.Run(c.name, func(t *testing.T) {
			msg, ok := TestConnection(c.s, c.password)
			if ok != (c.want == "连接成功") || !strings.Contains(msg, c.want) {
				t.Errorf("TestConnection = %v %q; want %q", ok, msg, c.want)
			}
			if c.password != "" && strings.Contains(msg, c.password) {
				t.Errorf("message shows the password: %q", msg)
			}
		})
	}
	// The password never lands in ReplyDesk's settings.
	s, err := store.Open(filepath.Join(t.TempDir(), "replydesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetSetting("server", good.URL()); err != nil {
		t.Fatal(err)
	}
	v, _ := s.Setting("server")
	if strings.Contains(v, pgtest.Password) {
		t.Errorf("settings hold the password: %q", v)
	}
}

// freeTestPort returns a local port nothing listens on.
func freeTestPort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
