package app

import (
	"errors"
	"os"
	"strings"

	"replydesk/internal/store"
)

// The window's choice of ledger: the local database file (the default)
// or the shared PostgreSQL server, kept in the window's preferences
// (outside the database, per user) with the operator's name. The
// server's password is never kept there: it is in the system keyring
// (SavePassword), or comes from PGPASSWORD or a pgpass file.

// Prefs is where the choice is kept; fyne.Preferences has it.
type Prefs interface {
	String(key string) string
	SetString(key, value string)
}

// Preference keys of the store's choice and the operator's name.
const (
	StoreKindKey   = "store.kind"   // StoreFile or StoreServer
	StoreServerKey = "store.server" // the server's address, without password
	OperatorKey    = "operator"     // 经办人: the name in the 操作记录
)

// The kinds of store.
const (
	StoreFile   = "file"
	StoreServer = "server"
)

// StoreChoice is the window's choice of ledger.
type StoreChoice struct {
	Server   bool           // the shared server rather than the local file
	Settings ServerSettings // the server's, when Server (or last used)
	Operator string         // 经办人; "" = see OperatorName
}

// LoadStoreChoice reads the choice from the preferences.
func LoadStoreChoice(p Prefs) StoreChoice {
	c := StoreChoice{Server: p.String(StoreKindKey) == StoreServer, Operator: p.String(OperatorKey)}
	if u := p.String(StoreServerKey); u != "" {
		if s, err := ParseServer(u); err == nil {
			c.Settings = s
		}
	}
	if c.Server && c.Settings.Host == "" {
		c.Server = false // a server choice without address: the file
	}
	return c
}

// Save writes the choice to the preferences (never a password).
func (c StoreChoice) Save(p Prefs) {
	kind := StoreFile
	if c.Server {
		kind = StoreServer
	}
	p.SetString(StoreKindKey, kind)
	if c.Settings.Host != "" {
		p.SetString(StoreServerKey, c.Settings.URL())
	}
	p.SetString(OperatorKey, strings.TrimSpace(c.Operator))
}

// Target is where the chosen ledger is: $REPLYDESK_DB when set (the
// command line's choice wins), else the server's address, else the file
// in the data folder dataDir ("" = the default folder).
func (c StoreChoice) Target(dataDir string) string {
	if os.Getenv("REPLYDESK_DB") != "" || !c.Server {
		return DatabasePath(dataDir)
	}
	return c.Settings.URL()
}

// OpenStore opens the ledger at target (a file or a postgres:// address)
// for a window, with the operator's name recorded in its 操作记录 (see
// OperatorName for the fallbacks of an empty operator).
func OpenStore(target, operator string) (*store.Store, error) {
	s, err := store.Open(target)
	if err != nil {
		return nil, err
	}
	s.Operator = OperatorName(s, operator)
	return s, nil
}

// SetOperator changes the name the open store records with its changes.
func SetOperator(s any, settings Settings, operator string) {
	if st, ok := s.(*store.Store); ok {
		st.Operator = OperatorName(settings, operator)
	}
}

// Shared reports whether d is a ledger on a server, shared with
// colleagues (rather than the local file).
func Shared(d any) bool {
	p, ok := d.(interface{ Path() string })
	return ok && store.IsServer(p.Path())
}

// Where names the ledger d for the status bar: "共享台账 replydesk@服务器"
// or "本机文件 …".
func Where(d any) string {
	p, ok := d.(interface{ Path() string })
	if !ok {
		return ""
	}
	if store.IsServer(p.Path()) {
		if s, err := ParseServer(p.Path()); err == nil {
			return "共享台账 " + s.Database + "@" + s.Host
		}
		return "共享台账"
	}
	return "本机文件 " + p.Path()
}

// Reachable checks that the server of a shared ledger answers: nil when
// it does (or d is a file), else the error, which IsOffline recognizes.
func Reachable(d Settings) error {
	_, err := d.Setting("replydesk.ping")
	if err != nil && store.IsUnreachable(err) {
		return err
	}
	return nil
}

// IsOffline reports whether err means the server cannot be reached
// (network down, server stopped or restarting).
func IsOffline(err error) bool { return store.IsUnreachable(err) }

// ReplayJournal sends the saves kept in the local journal while the
// server was away (see Journal.Replay); with no journal folder yet it
// does nothing.
func ReplayJournal(j *Journal, drafts Drafts) (sent int, conflicts []*DraftConflict, err error) {
	if j == nil || drafts == nil {
		return 0, nil, nil
	}
	return j.Replay(drafts)
}

// IsNotFound reports whether err says the item or draft asked for is not
// (or no longer) in the ledger.
func IsNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }
