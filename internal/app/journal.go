package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"replydesk/internal/reply"
	"replydesk/internal/safefile"
	"replydesk/internal/store"
)

// The local journal: when the shared ledger's server cannot be reached,
// autosaves go to files in the user's data folder instead (one per draft,
// each written atomically), and are sent when the connection returns,
// with the version check (a colleague's save in the meantime is a
// conflict, as any other). Nothing typed waits only in memory.

// JournalEntry is a save waiting for the server.
type JournalEntry struct {
	DraftID int64       `json:"draft_id"` // 0: a draft not created on the server yet
	Key     string      `json:"key"`      // the entry's file name without .json
	Base    int64       `json:"base"`     // the version edited from; 0 = unknown
	Reply   reply.Reply `json:"reply"`
	Saved   time.Time   `json:"saved"`
}

// Journal is the folder of pending saves.
type Journal struct {
	dir string
}

// DefaultJournalDir is the journal's folder: "journal" beside the local
// database file in the user's data folder.
func DefaultJournalDir() string {
	p := store.DefaultPath()
	if store.IsServer(p) {
		c, err := os.UserConfigDir()
		if err != nil {
			return "replydesk-journal"
		}
		return filepath.Join(c, "replydesk", "journal")
	}
	return filepath.Join(filepath.Dir(p), "journal")
}

// OpenJournal opens (making it when missing) the journal in dir.
func OpenJournal(dir string) (*Journal, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, safefile.Explain("建立本机暂存文件夹", dir, err)
	}
	safefile.Clean(dir)
	return &Journal{dir: dir}, nil
}

// Dir is the journal's folder.
func (j *Journal) Dir() string { return j.dir }

func entryKey(draftID int64, key string) string {
	if draftID != 0 {
		return fmt.Sprintf("draft-%d", draftID)
	}
	return key
}

// Put writes e (atomically), replacing the draft's earlier entry.
func (j *Journal) Put(e *JournalEntry) error {
	if e.DraftID == 0 && e.Key == "" {
		e.Key = fmt.Sprintf("new-%d", time.Now().UnixNano())
	}
	e.Key = entryKey(e.DraftID, e.Key)
	if e.Saved.IsZero() {
		e.Saved = time.Now()
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	path := filepath.Join(j.dir, e.Key+".json")
	return safefile.Explain("暂存到本机", path, safefile.WriteBytes(path, b))
}

// Remove deletes the entry of that key (see JournalEntry.Key), if any.
func (j *Journal) Remove(key string) error {
	err := os.Remove(filepath.Join(j.dir, key+".json"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Entries returns the pending saves, oldest first. An unreadable file is
// left where it is and reported.
func (j *Journal) Entries() ([]JournalEntry, error) {
	files, err := filepath.Glob(filepath.Join(j.dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var out []JournalEntry
	var bad []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		var e JournalEntry
		if err == nil {
			err = json.Unmarshal(b, &e)
		}
		if err != nil {
			bad = append(bad, filepath.Base(f))
			continue
		}
		e.Key = strings.TrimSuffix(filepath.Base(f), ".json")
		out = append(out, e)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Saved.Before(out[b].Saved) })
	if len(bad) > 0 {
		return out, fmt.Errorf("本机暂存文件夹“%s”中有无法读取的文件（%s），已保留未动", j.dir, strings.Join(bad, "、"))
	}
	return out, nil
}

// Replay sends the pending saves to drafts, oldest first, with the
// version check: each sent one leaves the journal; a save over a
// colleague's newer one stays and is returned as a *DraftConflict (to
// be resolved as an autosave's); while the server is still unreachable
// the rest wait. It returns how many were sent.
func (j *Journal) Replay(drafts Drafts) (sent int, conflicts []*DraftConflict, err error) {
	entries, err := j.Entries()
	if err != nil && len(entries) == 0 {
		return 0, nil, err
	}
	for i := range entries {
		e := &entries[i]
		_, serr := sendEntry(drafts, e)
		var c *DraftConflict
		switch {
		case serr == nil:
			sent++
			if rerr := j.Remove(e.Key); rerr != nil {
				return sent, conflicts, rerr
			}
		case errors.As(serr, &c):
			conflicts = append(conflicts, c)
		case store.IsUnreachable(serr):
			return sent, conflicts, serr
		default:
			return sent, conflicts, serr
		}
	}
	return sent, conflicts, err
}

// sendEntry saves one entry; it returns the draft's id and version.
func sendEntry(drafts Drafts, e *JournalEntry) (int64, error) {
	if e.DraftID == 0 {
		id, err := drafts.CreateDraft(&e.Reply)
		return id, err
	}
	_, err := saveVersion(drafts, e.DraftID, e.Base, &e.Reply, true)
	return e.DraftID, err
}
