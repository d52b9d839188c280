package store

import (
	"fmt"

	"github.com/jackc/pgx/v5/stdlib"
)

// ServerInfo is what TestServer found.
type ServerInfo struct {
	Version       string // e.g. "16.4"
	SchemaVersion int    // schema steps the database has; 0 = no ledger yet
	Want          int    // schema steps this program knows
	User          string // the login user
	PasswordFrom  string // "钥匙串", "PGPASSWORD 或 pgpass" or ""
	TLS           bool   // the connection is encrypted
}

// String reports in Chinese, e.g. "连接成功：PostgreSQL 16.4，加密连接，
// 台账结构版本 5/5".
func (i *ServerInfo) String() string {
	tls := "未加密连接"
	if i.TLS {
		tls = "加密连接"
	}
	ledger := fmt.Sprintf("台账结构版本 %d/%d", i.SchemaVersion, i.Want)
	switch {
	case i.SchemaVersion == 0:
		ledger = "该数据库中尚未建立台账（请信息中心运行 replydesk db init）"
	case i.SchemaVersion < i.Want:
		ledger += "（首次打开时将自动升级）"
	}
	return fmt.Sprintf("连接成功：PostgreSQL %s，%s，登录账号 %s，%s", i.Version, tls, i.User, ledger)
}

// TestServer connects to the server target names, as Open would (same
// password sources, sslmode), and reports what it found without changing
// anything. A password given is tried instead of the stored ones (the
// settings' dialog tests what was typed before keeping it). Its errors
// are *OpenError, whose messages say in Chinese what
// is wrong: unreachable, bad password, no such database, TLS required,
// not offered or failed, server too old.
func TestServer(target, password string) (*ServerInfo, error) {
	shown := Redact(target)
	cfg, err := serverConfig(target)
	if err != nil {
		return nil, err
	}
	info := &ServerInfo{Want: len(pgMigrations)}
	if password != "" {
		cfg.Password, info.PasswordFrom = password, "输入"
	} else {
		info.PasswordFrom = usePassword(cfg)
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	fail := func(err error) (*ServerInfo, error) {
		oe := pgOpenError(shown, err)
		oe.PasswordFrom = info.PasswordFrom
		return nil, oe
	}
	if err := checkServerVersion(db); err != nil {
		return fail(err)
	}
	if err := db.QueryRow(`SELECT current_setting('server_version'), session_user,
		coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)`).Scan(&info.Version, &info.User, &info.TLS); err != nil {
		return fail(err)
	}
	var has bool
	if err := db.QueryRow("SELECT to_regclass('replydesk_schema') IS NOT NULL").Scan(&has); err != nil {
		return fail(err)
	}
	if has {
		if err := db.QueryRow("SELECT version FROM replydesk_schema WHERE id = 1").Scan(&info.SchemaVersion); err != nil {
			return fail(err)
		}
	}
	if info.SchemaVersion > info.Want {
		return fail(&OpenError{Kind: TooNew, Version: info.SchemaVersion})
	}
	return info, nil
}
