package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"replydesk/internal/reply"
	"replydesk/internal/store"
)

// Drafts is what the desktop window needs of the drafts database; a
// *store.Store implements it.
type Drafts interface {
	CreateDraft(r *reply.Reply) (int64, error)
	SaveDraft(id int64, r *reply.Reply) error
	Draft(id int64) (*store.Draft, error)
	ListDrafts(query string, limit int) ([]store.DraftSummary, error)
	DeleteDraft(id int64) error
	Checkpoint(id int64, label string) error
	Revisions(id int64) ([]store.Revision, error)
	Revision(revID int64) (*reply.Reply, error)
	RestoreRevision(draftID, revID int64) error
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	SetDraftFile(id int64, path string, hash []byte) error
	DraftOfFile(path string) (*store.Draft, error)
}

// AutosaveDelay is how long after an edit the draft is saved.
const AutosaveDelay = time.Second

// Autosaver saves a draft a moment after each edit: the first edit after a
// save starts a timer; when it fires, the latest reply is written to the
// database (a new draft the first time). Edits during the delay do not
// restart it, so steady typing is saved every delay too, and a crash loses
// at most the last delay of work. It is safe for concurrent use.
type Autosaver struct {
	drafts Drafts
	delay  time.Duration
	// OnSaved is called after each save, on the timer's goroutine, with
	// the draft id and the error, if any.
	OnSaved func(id int64, err error)

	mu      sync.Mutex
	id      int64
	pending *reply.Reply
	timer   *time.Timer
	shared  sharedState // version check and journal: see sharedsave.go
}

// NewAutosaver returns an autosaver writing into drafts after delay.
func NewAutosaver(drafts Drafts, delay time.Duration) *Autosaver {
	return &Autosaver{drafts: drafts, delay: delay}
}

// SetDelay changes the delay of the following saves.
func (a *Autosaver) SetDelay(d time.Duration) {
	a.mu.Lock()
	a.delay = d
	a.mu.Unlock()
}

// SetDraft says which draft the following edits belong to (0 = a new draft
// created at the first save). A pending save of the previous draft is
// written first.
func (a *Autosaver) SetDraft(id int64) {
	a.Flush()
	a.mu.Lock()
	a.id = id
	a.resetShared(id)
	a.mu.Unlock()
}

// Draft returns the id of the draft being edited, 0 before its first save.
func (a *Autosaver) Draft() int64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.id
}

// Touch records an edit: r (which the autosaver copies) is saved at the
// latest a delay after the first edit not yet saved.
func (a *Autosaver) Touch(r *reply.Reply) {
	c := r.Clone()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending = &c
	if a.timer == nil {
		a.timer = time.AfterFunc(a.delay, func() { a.Flush() })
	}
}

// Forget drops a pending edit and detaches the autosaver from its draft,
// which was deleted: the next edit creates a new draft.
func (a *Autosaver) Forget() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.pending, a.id = nil, 0
	a.resetShared(0)
}

// Flush writes the pending edit now, if any, and returns the error.
func (a *Autosaver) Flush() error {
	a.mu.Lock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	r := a.pending
	a.pending = nil
	if r == nil || a.drafts == nil {
		a.mu.Unlock()
		return nil
	}
	err := a.save(r)
	id, cb := a.id, a.OnSaved
	a.mu.Unlock()
	if cb != nil {
		cb(id, err)
	}
	return err
}

// Profile is the bureau's profile, applied to new replies (StartReply), and the fonts
// chosen per role. It is stored as JSON in the settings.
type Profile struct {
	Unit         string            `json:"unit"`          // 发文机关署名, e.g. 长春市教育局
	ContactName  string            `json:"contact_name"`  // default contact
	ContactPhone string            `json:"contact_phone"` // default contact's phone
	CC           []string          `json:"cc"`            // default 抄送, replacing the style's when set
	Style        string            `json:"style"`         // default house style of a new reply
	Fonts        map[string]string `json:"fonts"`         // font role → installed font file (#face for a collection), or BuiltinFont; none: the official font if installed
	AreaCode     string            `json:"area_code"`     // 本地区号, e.g. 0431; "" = that of ContactPhone, if a landline
}

// LocalArea is the bureau's area code: the one set in the profile, else
// that of the default contact's landline ("0431-88888888" → "0431"); ""
// when neither gives one.
func (p Profile) LocalArea() string {
	if a := strings.TrimSpace(p.AreaCode); a != "" {
		return a
	}
	ps, err := reply.ParsePhones(reply.NormalizePhone(p.ContactPhone))
	if err != nil {
		return ""
	}
	for _, ph := range ps {
		if ph.Kind == reply.Landline {
			return ph.Area
		}
	}
	return ""
}

// WithArea returns d with AreaCode set to area: d itself when it has it
// already, else a copy (a Desk in use is never changed in place).
func (d *Desk) WithArea(area string) *Desk {
	if d.AreaCode == area {
		return d
	}
	c := *d
	c.AreaCode = area
	return &c
}

// ProfileKey is the settings key of the profile.
const ProfileKey = "profile"

// Settings reads the settings of the database; Drafts and LedgerStore
// have it.
type Settings interface {
	Setting(key string) (string, error)
}

// LoadProfile reads the profile from the settings; a missing one is the
// zero Profile.
func LoadProfile(d Settings) (Profile, error) {
	var p Profile
	if d == nil {
		return p, nil
	}
	s, err := d.Setting(ProfileKey)
	if err != nil || s == "" {
		return p, err
	}
	if err := json.Unmarshal([]byte(s), &p); err != nil {
		return Profile{}, fmt.Errorf("设置已损坏，已改用默认设置：%w", err)
	}
	return p, nil
}

// SaveProfile writes the profile to the settings.
func SaveProfile(d Drafts, p Profile) error {
	if d == nil {
		return errors.New("数据库不可用，设置无法保存：请检查数据库文件后重新启动")
	}
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return d.SetSetting(ProfileKey, string(b))
}

// DataDirKey is the preference (kept outside the database) naming the
// folder of the drafts database; empty for the default folder.
const DataDirKey = "dataDir"

// DatabasePath is the drafts database in dataDir, or the default one
// (store.DefaultPath, which honours REPLYDESK_DB) when dataDir is empty or
// REPLYDESK_DB is set.
func DatabasePath(dataDir string) string {
	if dataDir == "" || os.Getenv("REPLYDESK_DB") != "" {
		return store.DefaultPath()
	}
	return filepath.Join(dataDir, store.FileName)
}
