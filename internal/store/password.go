package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/zalando/go-keyring"
)

// The password of a server connection is never part of ReplyDesk's
// settings or of the postgres:// address. It comes, in this order, from
// the system keyring (Windows Credential Manager, the macOS keychain, the
// Secret Service of a Linux desktop) under the service KeyringService,
// else from PGPASSWORD or the pgpass file (as libpq reads them).
//
// github.com/zalando/go-keyring is pure Go (D-Bus on Linux, the
// Credential Manager's API on Windows, the security tool on macOS), so
// the Windows build stays free of cgo.

// KeyringService is the keyring's service name of ReplyDesk's passwords.
const KeyringService = "ReplyDesk"

// keyringWait is how long a keyring may take to answer; a desktop without
// one answers at once, a locked one may wait for the user.
var keyringWait = 3 * time.Second

// keyringAccount names the password of a connection in the keyring:
// user@host:port/database.
func keyringAccount(cfg *pgx.ConnConfig) string {
	return fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// SavePassword keeps the password of the connection target names in the
// system keyring; an error says (in Chinese) that there is no keyring to
// use, and that PGPASSWORD or pgpass remain.
func SavePassword(target, password string) error {
	cfg, err := serverConfig(target)
	if err != nil {
		return err
	}
	if err := withTimeout(func() error { return keyring.Set(KeyringService, keyringAccount(cfg), password) }); err != nil {
		return fmt.Errorf("无法把密码保存到系统钥匙串（%v）：请改用环境变量 PGPASSWORD 或 pgpass 文件", err)
	}
	return nil
}

// ForgetPassword removes the connection's password from the keyring.
func ForgetPassword(target string) error {
	cfg, err := serverConfig(target)
	if err != nil {
		return err
	}
	err = withTimeout(func() error { return keyring.Delete(KeyringService, keyringAccount(cfg)) })
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return fmt.Errorf("无法从系统钥匙串删除密码（%v）", err)
	}
	return nil
}

// usePassword sets cfg's password from the keyring when it has one; else
// cfg keeps what PGPASSWORD or pgpass gave (pgx reads both). It reports
// where the password came from: "钥匙串", "PGPASSWORD 或 pgpass" or "".
func usePassword(cfg *pgx.ConnConfig) string {
	var pw string
	err := withTimeout(func() error {
		var err error
		pw, err = keyring.Get(KeyringService, keyringAccount(cfg))
		return err
	})
	if err == nil && pw != "" {
		cfg.Password = pw
		return "钥匙串"
	}
	if cfg.Password != "" {
		return "PGPASSWORD 或 pgpass"
	}
	return ""
}

// withTimeout runs fn, giving up after keyringWait.
func withTimeout(fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(keyringWait):
		return errors.New("系统钥匙串无响应")
	}
}

// passwordHint is the advice of a refused password, by where it came
// from.
func passwordHint(source string) string {
	switch source {
	case "钥匙串":
		return "系统钥匙串中保存的密码已不正确：请在设置中重新输入密码"
	case "输入":
		return "请重新输入密码"
	case "":
		return "尚未提供密码：请在设置中输入密码（保存在系统钥匙串中），或设置环境变量 PGPASSWORD、pgpass 文件"
	}
	return strings.TrimSpace("请核对环境变量 PGPASSWORD 或 pgpass 文件中的密码")
}
