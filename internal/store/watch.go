package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"
)

// Seeing colleagues' changes. Every change is recorded in the 操作记录
// (oplog) with the session (origin) of the store that made it; Watch
// delivers them as they are committed: on PostgreSQL by LISTEN on the
// schema's channel (a trigger on oplog notifies), through a connection
// of its own that is made again after the network or the server comes
// back; in a database file by reading the record's new entries a few
// times a second (an indexed range, nothing when nothing changed).

// Change is a committed change of an item or a draft.
type Change struct {
	ItemID, DraftID int64
	Action          string // e.g. 修改, 保存草稿 (see the Op… constants)
	Operator        string // the clerk's name
	DBUser          string // the server's login user; "" in a file
	// Mine: made through this store (this program), not by a colleague.
	Mine bool
	// All: too many changes to list, or some may have been missed (the
	// connection was lost): reload everything shown.
	All bool
}

// WatchPoll is how often a database file is checked for changes.
var WatchPoll = 250 * time.Millisecond

func newOrigin() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Watch delivers the changes committed from now on until ctx ends, then
// closes the channel. A slow reader does not hold up the store: when the
// channel is full, the changes are dropped for one Change with All set.
func (s *Store) Watch(ctx context.Context) (<-chan Change, error) {
	out := make(chan Change, 256)
	send := func(c Change) {
		select {
		case out <- c:
		default:
			select { // full: make room for a reload notice
			case <-out:
			default:
			}
			select {
			case out <- Change{All: true}:
			default:
			}
		}
	}
	if s.pgcfg != nil {
		l, err := s.listen(ctx)
		if err != nil {
			return nil, s.fail("接收同事的修改", err)
		}
		go s.listenLoop(ctx, l, send, out)
		return out, nil
	}
	var last int64
	if err := s.db.QueryRow("SELECT coalesce(max(id), 0) FROM oplog").Scan(&last); err != nil {
		return nil, s.fail("接收修改", err)
	}
	go s.pollLoop(ctx, last, send, out)
	return out, nil
}

// pollLoop reads the record's entries past last every WatchPoll.
func (s *Store) pollLoop(ctx context.Context, last int64, send func(Change), out chan Change) {
	defer close(out)
	t := time.NewTicker(WatchPoll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rows, err := s.db.Query("SELECT id, item_id, draft_id, action, operator, db_user, origin FROM oplog WHERE id > ? ORDER BY id LIMIT 1000", last)
		if err != nil {
			if err.Error() == "sql: database is closed" {
				return
			}
			continue
		}
		for rows.Next() {
			var c Change
			var item, draft sql.NullInt64
			var origin string
			if rows.Scan(&last, &item, &draft, &c.Action, &c.Operator, &c.DBUser, &origin) != nil {
				break
			}
			c.ItemID, c.DraftID, c.Mine = item.Int64, draft.Int64, origin == s.origin
			send(c)
		}
		rows.Close()
	}
}

// listener is the dedicated connection of Watch on a server.
type listener struct {
	conn    *pgx.Conn
	channel string
}

// listen connects and listens on the schema's channel.
func (s *Store) listen(ctx context.Context) (*listener, error) {
	cctx, cancel := context.WithTimeout(ctx, s.pgcfg.ConnectTimeout+time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(cctx, s.pgcfg)
	if err != nil {
		return nil, err
	}
	var schema string
	if err := conn.QueryRow(cctx, "SELECT current_schema()").Scan(&schema); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	l := &listener{conn: conn, channel: "replydesk_" + schema}
	if _, err := conn.Exec(cctx, "LISTEN "+pgx.Identifier{l.channel}.Sanitize()); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	return l, nil
}

// listenLoop delivers the notices; a lost connection is made again (every
// second until it succeeds), followed by a Change with All set for what
// may have been missed meanwhile.
func (s *Store) listenLoop(ctx context.Context, l *listener, send func(Change), out chan Change) {
	defer close(out)
	defer func() {
		if l != nil {
			l.conn.Close(context.Background())
		}
	}()
	for {
		if l == nil {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
			}
			var err error
			if l, err = s.listen(ctx); err != nil {
				l = nil
				continue
			}
			send(Change{All: true})
		}
		n, err := l.conn.WaitForNotification(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			l.conn.Close(context.Background())
			l = nil
			continue
		}
		var p struct {
			All                            bool
			Item, Draft                    int64
			Action, Operator, User, Origin string
		}
		if json.Unmarshal([]byte(n.Payload), &p) != nil {
			continue
		}
		send(Change{ItemID: p.Item, DraftID: p.Draft, Action: p.Action, Operator: p.Operator, DBUser: p.User,
			Mine: p.Origin == s.origin, All: p.All})
	}
}

// Editor is someone who has a draft open for editing.
type Editor struct {
	DraftID  int64
	Operator string
	DBUser   string
	Expires  time.Time
}

// LeaseTime is how long a HoldDraft lasts without being renewed.
var LeaseTime = 30 * time.Second

// HoldDraft records that this program has draft id open for editing, for
// LeaseTime; renew it (call again) well within that time, and
// ReleaseDraft when the draft is closed. A program that ends without
// releasing loses its hold when the lease runs out.
func (s *Store) HoldDraft(id int64) error {
	return s.write("记录正在编辑的草稿", func(tx *txn) error {
		now := s.now()
		if _, err := tx.Exec("DELETE FROM presence WHERE expires < ?", now.UnixMilli()); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO presence(draft_id, origin, operator, expires) VALUES (?, ?, ?, ?)
			ON CONFLICT(draft_id, origin) DO UPDATE SET operator = excluded.operator, expires = excluded.expires`,
			id, s.origin, s.Operator, now.Add(LeaseTime).UnixMilli())
		return err
	})
}

// ReleaseDraft ends this program's hold on draft id.
func (s *Store) ReleaseDraft(id int64) error {
	return s.write("记录正在编辑的草稿", func(tx *txn) error {
		_, err := tx.Exec("DELETE FROM presence WHERE draft_id = ? AND origin = ?", id, s.origin)
		return err
	})
}

// Editors returns who else (other programs) holds draft id now; draft 0:
// every draft held.
func (s *Store) Editors(id int64) ([]Editor, error) {
	q := "SELECT draft_id, operator, db_user, expires FROM presence WHERE expires >= ? AND origin <> ?"
	args := []any{s.now().UnixMilli(), s.origin}
	if id != 0 {
		q += " AND draft_id = ?"
		args = append(args, id)
	}
	rows, err := s.db.Query(q+" ORDER BY draft_id, expires DESC", args...)
	if err != nil {
		return nil, s.fail("读取正在编辑的草稿", err)
	}
	defer rows.Close()
	var out []Editor
	for rows.Next() {
		var e Editor
		var exp int64
		if err := rows.Scan(&e.DraftID, &e.Operator, &e.DBUser, &exp); err != nil {
			return nil, s.fail("读取正在编辑的草稿", err)
		}
		e.Expires = fromMilli(exp)
		out = append(out, e)
	}
	return out, rows.Err()
}
