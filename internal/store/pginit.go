package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// InitOptions say how InitServer prepares a PostgreSQL server for the
// shared ledger.
type InitOptions struct {
	// Schema holds the ledger's tables; "" means "replydesk".
	Schema string
	// Role is the group role that owns the tables and whose members (the
	// clerks) read and write them; "" means "replydesk_clerk".
	Role string
	// Clerks are the login roles of the clerks: each is created when
	// missing (without a password: the IT office sets one) and made a
	// member of Role, working in Schema as Role.
	Clerks []string
}

// InitReport says what InitServer did.
type InitReport struct {
	Database        string
	CreatedDatabase bool
	Schema, Role    string
	CreatedRole     bool
	NewClerks       []string // login roles created
	Clerks          []string // every clerk given, created or not
	Version         int      // schema steps the database has now
}

// String reports in Chinese.
func (r *InitReport) String() string {
	var b strings.Builder
	if r.CreatedDatabase {
		fmt.Fprintf(&b, "已新建数据库“%s”。\n", r.Database)
	}
	role := "已有"
	if r.CreatedRole {
		role = "已新建"
	}
	fmt.Fprintf(&b, "经办人角色“%s”%s；台账表在模式“%s”中，结构版本 %d。\n", r.Role, role, r.Schema, r.Version)
	for _, c := range r.Clerks {
		state := "已有，已加入经办人角色"
		for _, n := range r.NewClerks {
			if n == c {
				state = "已新建（尚无密码）"
			}
		}
		fmt.Fprintf(&b, "经办人账号“%s”：%s\n", c, state)
	}
	if len(r.NewClerks) > 0 {
		fmt.Fprintf(&b, "请为新建的账号设置初始密码，例如在 psql 中运行 \\password %s\n", r.NewClerks[0])
	}
	return strings.TrimRight(b.String(), "\n")
}

// InitServer prepares the PostgreSQL database named by target (a
// postgres:// address of a user allowed to create roles, e.g. the IT
// office's administrator) for the shared ledger: it creates the database
// when missing, the clerks' group role, the schema owned by it, every
// table of the ledger (as that role, so that every clerk may use and
// later upgrade them) and the clerks' login roles. Running it again
// changes nothing that is there already. Its errors are *OpenError.
func InitServer(target string, opt InitOptions) (*InitReport, error) {
	if opt.Schema == "" {
		opt.Schema = "replydesk"
	}
	if opt.Role == "" {
		opt.Role = "replydesk_clerk"
	}
	shown := Redact(target)
	cfg, err := serverConfig(target)
	if err != nil {
		return nil, err
	}
	usePassword(cfg)
	rep := &InitReport{Database: cfg.Database, Schema: opt.Schema, Role: opt.Role, Clerks: opt.Clerks}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	if err := db.Ping(); err != nil {
		if pgKind(err) != NoDatabase {
			return nil, pgOpenError(shown, err)
		}
		if err := createDatabase(cfg); err != nil {
			return nil, pgOpenError(shown, err)
		}
		rep.CreatedDatabase = true
	}
	if err := checkServerVersion(db); err != nil {
		return nil, pgOpenError(shown, err)
	}
	if err := initRoles(db, opt, rep); err != nil {
		return nil, pgOpenError(shown, err)
	}
	// The tables, made as the group role in the schema.
	mc := cfg.Copy()
	mc.RuntimeParams["search_path"] = opt.Schema
	role := pgx.Identifier{opt.Role}.Sanitize()
	mdb := stdlib.OpenDB(*mc, stdlib.OptionAfterConnect(func(ctx context.Context, c *pgx.Conn) error {
		_, err := c.Exec(ctx, "SET ROLE "+role)
		return err
	}))
	defer mdb.Close()
	if err := preparePostgres(mdb); err != nil {
		return nil, pgOpenError(shown, err)
	}
	if err := mdb.QueryRow("SELECT version FROM replydesk_schema WHERE id = 1").Scan(&rep.Version); err != nil {
		return nil, pgOpenError(shown, err)
	}
	return rep, nil
}

// serverConfig reads a postgres:// address that holds no password.
func serverConfig(target string) (*pgx.ConnConfig, error) {
	shown := Redact(target)
	u, err := url.Parse(target)
	if err != nil {
		return nil, &OpenError{Path: shown, Kind: BadAddress, Err: err}
	}
	if _, has := u.User.Password(); has || u.Query().Has("password") {
		return nil, &OpenError{Path: shown, Kind: BadAddress,
			Err: errors.New("地址中不能含有密码：请把密码放在系统钥匙串、环境变量 PGPASSWORD 或 pgpass 文件中")}
	}
	cfg, err := pgx.ParseConfig(target)
	if err != nil {
		return nil, &OpenError{Path: shown, Kind: BadAddress, Err: err}
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	return cfg, nil
}

// createDatabase creates the database cfg names, connected to the
// server's "postgres" database.
func createDatabase(cfg *pgx.ConnConfig) error {
	c := cfg.Copy()
	name := c.Database
	c.Database = "postgres"
	db := stdlib.OpenDB(*c)
	defer db.Close()
	_, err := db.Exec("CREATE DATABASE " + pgx.Identifier{name}.Sanitize() + " ENCODING 'UTF8' TEMPLATE template0")
	return err
}

// checkServerVersion fails with ServerTooOld on a server older than
// minServerVersion.
func checkServerVersion(db *sql.DB) error {
	var num int
	if err := db.QueryRow("SELECT current_setting('server_version_num')::int").Scan(&num); err != nil {
		return err
	}
	if num < minServerVersion {
		return &OpenError{Kind: ServerTooOld, Version: num}
	}
	return nil
}

// initRoles creates the group role, the schema and the clerks' roles, in
// one transaction.
func initRoles(db *sql.DB, opt InitOptions, rep *InitReport) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	exists := func(role string) (bool, error) {
		var n int
		err := tx.QueryRow("SELECT count(*) FROM pg_roles WHERE rolname = $1", role).Scan(&n)
		return n > 0, err
	}
	group := pgx.Identifier{opt.Role}.Sanitize()
	schema := pgx.Identifier{opt.Schema}.Sanitize()
	has, err := exists(opt.Role)
	if err != nil {
		return err
	}
	if !has {
		if _, err := tx.Exec("CREATE ROLE " + group + " NOLOGIN"); err != nil {
			return err
		}
		rep.CreatedRole = true
	}
	for _, q := range []string{
		"CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + group,
		"GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + group,
		"ALTER ROLE " + group + " SET search_path = " + schema,
	} {
		if _, err := tx.Exec(q); err != nil {
			return err
		}
	}
	for _, c := range opt.Clerks {
		has, err := exists(c)
		if err != nil {
			return err
		}
		clerk := pgx.Identifier{c}.Sanitize()
		if !has {
			if _, err := tx.Exec("CREATE ROLE " + clerk + " LOGIN"); err != nil {
				return err
			}
			rep.NewClerks = append(rep.NewClerks, c)
		}
		for _, q := range []string{
			"GRANT " + group + " TO " + clerk,
			"ALTER ROLE " + clerk + " SET search_path = " + schema,
			"ALTER ROLE " + clerk + " SET role = " + group,
		} {
			if _, err := tx.Exec(q); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}
