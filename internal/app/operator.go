package app

import (
	"os"
	"os/user"
	"strings"
)

// OperatorEnv names the environment variable that says who is working,
// for the 操作记录, when the command line does not.
const OperatorEnv = "REPLYDESK_OPERATOR"

// OperatorName is the name recorded with each change in the ledger's
// 操作记录 (see the store's Operator): explicit when given (the window's
// setting, the command line's --operator), else $REPLYDESK_OPERATOR,
// else the settings' default contact (the clerk who answers), else the
// system's user name. On a PostgreSQL server the database user is
// recorded beside it by the server.
func OperatorName(settings Settings, explicit string) string {
	if s := strings.TrimSpace(explicit); s != "" {
		return s
	}
	if s := strings.TrimSpace(os.Getenv(OperatorEnv)); s != "" {
		return s
	}
	if p, err := LoadProfile(settings); err == nil && strings.TrimSpace(p.ContactName) != "" {
		return strings.TrimSpace(p.ContactName)
	}
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return strings.TrimSpace(strings.Split(u.Name, ",")[0])
		}
		return u.Username
	}
	return ""
}
