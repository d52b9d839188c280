package store

import (
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// The shared ledger: the same store on a PostgreSQL server, through pgx's
// database/sql driver.

// minServerVersion is the oldest PostgreSQL the store runs on
// (server_version_num): 12, the oldest release still common in bureaus'
// server rooms; identity columns and transactional DDL are all it needs.
const minServerVersion = 120000

// schemaLock is the advisory lock that serializes migrations of clients
// starting at the same time ("RPDK").
const schemaLock = applicationID

// IsServer reports whether target (a --db value, REPLYDESK_DB or the
// setting) names a PostgreSQL server rather than a database file.
func IsServer(target string) bool {
	t := strings.ToLower(strings.TrimSpace(target))
	return strings.HasPrefix(t, "postgres://") || strings.HasPrefix(t, "postgresql://")
}

// Redact returns a server address as shown to the user: without any
// password.
func Redact(target string) string {
	u, err := url.Parse(target)
	if err != nil {
		return "PostgreSQL 服务器"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// openPostgres connects to the server named by a postgres:// URL and
// brings the schema up to date. The password is never part of the URL:
// it comes from the system keyring, else PGPASSWORD or the pgpass file
// (see usePassword), so that no setting of ReplyDesk ever holds it.
// sslmode (verify-full included) and the other libpq parameters of the
// URL are honoured.
func openPostgres(target string) (*Store, error) {
	shown := Redact(target)
	cfg, err := serverConfig(target)
	if err != nil {
		return nil, err
	}
	from := usePassword(cfg)
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := preparePostgres(db); err != nil {
		db.Close()
		oe := pgOpenError(shown, err)
		oe.PasswordFrom = from
		return nil, oe
	}
	return &Store{path: shown, db: &conn{db: db, pg: true}, origin: newOrigin(), pgcfg: cfg}, nil
}

// preparePostgres checks the server and migrates its schema, all steps in
// one transaction (PostgreSQL's DDL is transactional), under an advisory
// lock so that two clients starting together do not both migrate.
func preparePostgres(db *sql.DB) error {
	var num int
	if err := db.QueryRow("SELECT current_setting('server_version_num')::int").Scan(&num); err != nil {
		return err
	}
	if num < minServerVersion {
		return &OpenError{Kind: ServerTooOld, Version: num}
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("SELECT pg_advisory_xact_lock($1)", schemaLock); err != nil {
		return err
	}
	var ours, theirs bool
	if err := tx.QueryRow(`SELECT to_regclass('replydesk_schema') IS NOT NULL,
		to_regclass('drafts') IS NOT NULL OR to_regclass('ledger_items') IS NOT NULL`).Scan(&ours, &theirs); err != nil {
		return err
	}
	if !ours {
		if theirs {
			return &OpenError{Kind: Foreign}
		}
		if _, err := tx.Exec(`CREATE TABLE replydesk_schema (
			id      INTEGER PRIMARY KEY CHECK (id = 1),
			version INTEGER NOT NULL)`); err != nil {
			return err
		}
		if _, err := tx.Exec("INSERT INTO replydesk_schema VALUES (1, 0)"); err != nil {
			return err
		}
	}
	var v int
	if err := tx.QueryRow("SELECT version FROM replydesk_schema WHERE id = 1").Scan(&v); err != nil {
		return err
	}
	if v > len(pgMigrations) {
		return &OpenError{Kind: TooNew, Version: v}
	}
	if v == len(pgMigrations) {
		return nil
	}
	for ; v < len(pgMigrations); v++ {
		if _, err := tx.Exec(pgMigrations[v]); err != nil {
			return fmt.Errorf("schema step %d: %w", v+1, err)
		}
	}
	if _, err := tx.Exec("UPDATE replydesk_schema SET version = $1 WHERE id = 1", v); err != nil {
		return err
	}
	return tx.Commit()
}

// pgOpenError classifies an error of connecting to a server.
func pgOpenError(shown string, err error) *OpenError {
	var oe *OpenError
	if errors.As(err, &oe) {
		oe.Path = shown
		return oe
	}
	return &OpenError{Path: shown, Kind: pgKind(err), Err: err}
}

// pgKind tells why a server could not be used.
func pgKind(err error) OpenErrorKind {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "28P01":
			return BadPassword
		case pe.Code == "28000" && strings.Contains(pe.Message, "no encryption"):
			return TLSRequired
		case pe.Code == "28000":
			return Refused
		case pe.Code == "3D000":
			return NoDatabase
		case pe.Code == "42501":
			return NoPrivilege
		}
		return Unreachable
	}
	var ue x509.UnknownAuthorityError
	var he x509.HostnameError
	var ce *tls.CertificateVerificationError
	msg := err.Error()
	switch {
	case errors.As(err, &ue), errors.As(err, &he), errors.As(err, &ce), strings.Contains(msg, "x509:"):
		return TLSFailed
	case strings.Contains(msg, "server refused TLS connection"):
		return TLSUnavailable
	case strings.Contains(msg, "tls:"):
		return TLSFailed
	}
	return Unreachable
}

// pgMessage is the Chinese message of an OpenError about a server.
func pgMessage(e *OpenError) string {
	at := "PostgreSQL 服务器“" + e.Path + "”"
	switch e.Kind {
	case BadAddress:
		detail := ""
		if e.Err != nil {
			detail = "（" + e.Err.Error() + "）"
		}
		return "服务器地址“" + e.Path + "”写法有误" + detail + "：格式为 postgres://用户名@主机:端口/数据库?sslmode=verify-full"
	case BadPassword:
		return "无法登录" + at + "：用户名或密码不正确。请核对用户名；" + passwordHint(e.PasswordFrom)
	case Refused:
		return at + "不允许该用户从本机连接：请联系信息中心在 pg_hba.conf 中为您开通访问"
	case NoDatabase:
		return at + "上没有地址中所写的数据库：请核对数据库名，或请信息中心先创建数据库（replydesk db migrate）"
	case NoPrivilege:
		return "在" + at + "上权限不足，无法建立或读取台账表：请信息中心授予该用户所需权限"
	case TLSRequired:
		return at + "要求加密连接：请在地址中加上 sslmode=require（或 verify-full）"
	case TLSUnavailable:
		return at + "不支持加密连接，而地址要求加密（sslmode）：请信息中心开启服务器的 SSL，或改用服务器支持的 sslmode"
	case TLSFailed:
		detail := ""
		if e.Err != nil {
			detail = "（" + e.Err.Error() + "）"
		}
		return "与" + at + "建立加密连接失败，证书无法验证" + detail + "：请安装信息中心提供的根证书（~/.postgresql/root.crt 或 sslrootcert），或核对服务器名称"
	case ServerTooOld:
		return fmt.Sprintf("%s的版本过旧（%d.%d）：ReplyDesk 需要 PostgreSQL %d 或更新版本，请联系信息中心升级", at, e.Version/10000, e.Version%10000, minServerVersion/10000)
	case TooNew:
		return fmt.Sprintf("%s上的台账由更新版本的 ReplyDesk 创建（结构版本 %d，本程序只支持到 %d）：请升级 ReplyDesk", at, e.Version, len(pgMigrations))
	case Foreign:
		return at + "的数据库中已有其他程序的同名表（drafts、ledger_items），不是 ReplyDesk 的台账：请换一个数据库或模式"
	}
	detail := ""
	if e.Err != nil {
		var ne net.Error
		if errors.As(e.Err, &ne) && ne.Timeout() {
			detail = "（连接超时）"
		} else {
			detail = "（" + e.Err.Error() + "）"
		}
	}
	return "无法连接" + at + detail + "：请检查网络、服务器地址和端口，或联系信息中心确认服务器已启动"
}

// pgExplain says in Chinese what went wrong with a statement on a server,
// or "" when the error is not the server's.
func pgExplain(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "23505":
			return "台账中已有相同编号的记录（可能是同事刚刚导入）：请刷新后重试"
		case pe.Code == "40001", pe.Code == "40P01":
			return "与同事的修改同时发生，本次修改未写入：请重试"
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"):
			return "与服务器的连接中断，本次修改未写入：请检查网络后重试"
		case pe.Code == "42501":
			return "权限不足：请信息中心授予该用户读写台账的权限"
		}
		return "服务器出错（" + pe.Message + "）"
	}
	if pgconn.Timeout(err) || strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "failed to connect") {
		return "与服务器的连接中断，本次修改未写入：请检查网络后重试"
	}
	return ""
}

// IsUnreachable reports whether err says the server could not be
// reached or the connection broke (network down, server stopped or
// restarting), as opposed to a refusal of the change itself: a save that
// failed so may be sent again later.
func IsUnreachable(err error) bool {
	if err == nil {
		return false
	}
	var oe *OpenError
	if errors.As(err, &oe) {
		return oe.Kind == Unreachable && IsServer(oe.Path)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P")
	}
	if errors.Is(err, driver.ErrBadConn) || pgconn.Timeout(err) || pgconn.SafeToRetry(err) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"conn closed", "failed to connect", "connection refused", "connection reset", "broken pipe", "unexpected EOF", "closed network connection", "server closed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
