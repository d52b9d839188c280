package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Seeing colleagues' changes. Every change is recorded in the 操作记录
// (oplog) with the session (origin) of the store that made it; Watch
// reads the record's new entries as they are committed. On PostgreSQL a
// store that wrote sends a NOTIFY on the schema's channel after its
// commit (at most one per NotifyDelay: a NOTIFY inside the writing
// transaction would serialize every writer's commit behind the server's
// notification lock), and each watcher LISTENs on a connection of its own,
// made again after the network or the server comes back; it reads the
// record when woken and once a second regardless, so a writer that died
// before notifying delays a change by a second at most, and nothing
// committed while the connection was down is missed. In a database file
// the record is read every WatchPoll.

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
	var last int64
	if err := s.db.QueryRow("SELECT coalesce(max(id), 0) FROM oplog").Scan(&last); err != nil {
		return nil, s.fail("接收同事的修改", err)
	}
	wake := make(chan struct{}, 1)
	poll := WatchPoll
	if s.pgcfg != nil {
		l, err := s.listen(ctx)
		if err != nil {
			return nil, s.fail("接收同事的修改", err)
		}
		go s.listenLoop(ctx, l, wake)
		poll = time.Second
	}
	go s.readLoop(ctx, last, poll, wake, send, out)
	return out, nil
}

// readLoop reads the record's entries past last when woken and every
// poll.
func (s *Store) readLoop(ctx context.Context, last int64, poll time.Duration, wake <-chan struct{}, send func(Change), out chan Change) {
	defer close(out)
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-wake:
		}
		rows, err := s.db.QueryContext(ctx, "SELECT id, item_id, draft_id, action, operator, db_user, origin FROM oplog WHERE id > ? ORDER BY id LIMIT 1001", last)
		if err != nil {
			if ctx.Err() != nil || err.Error() == "sql: database is closed" {
				return
			}
			continue // the server is away: read again later
		}
		var batch []Change
		for rows.Next() {
			var c Change
			var item, draft sql.NullInt64
			var origin string
			if rows.Scan(&last, &item, &draft, &c.Action, &c.Operator, &c.DBUser, &origin) != nil {
				break
			}
			c.ItemID, c.DraftID, c.Mine = item.Int64, draft.Int64, origin == s.origin
			batch = append(batch, c)
		}
		rows.Close()
		if len(batch) > 1000 { // a large import: reload, and go on from the end
			s.db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM oplog").Scan(&last)
			send(Change{All: true})
			continue
		}
		for _, c := range batch {
			send(c)
		}
	}
}

// listener is the dedicated connection of Watch on a server.
type listener struct {
	conn *pgx.Conn
}

// channel is the NOTIFY channel of the store's schema.
func channel(schema string) string { return "replydesk_" + schema }

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
	if _, err := conn.Exec(cctx, "LISTEN "+pgx.Identifier{channel(schema)}.Sanitize()); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	return &listener{conn: conn}, nil
}

// listenLoop wakes the reader at each notice; a lost connection is made
// again every second until it succeeds, and the reader woken then.
func (s *Store) listenLoop(ctx context.Context, l *listener, wake chan<- struct{}) {
	defer func() {
		if l != nil {
			l.conn.Close(context.Background())
		}
	}()
	poke := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
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
			poke()
		}
		if _, err := l.conn.WaitForNotification(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			l.conn.Close(context.Background())
			l = nil
			continue
		}
		poke()
	}
}

// NotifyDelay is how long a store on a server gathers its commits into
// one NOTIFY.
var NotifyDelay = 50 * time.Millisecond

// notifier sends the store's NOTIFYs after its commits.
type notifier struct {
	once    sync.Once
	poke    chan struct{}
	done    chan struct{}
	stopped sync.WaitGroup
}

// committed tells the watchers of a server that this store committed a
// change (a file's watchers read the record by themselves).
func (s *Store) committed() {
	if !s.db.pg {
		return
	}
	n := &s.notify
	n.once.Do(func() {
		n.poke, n.done = make(chan struct{}, 1), make(chan struct{})
		n.stopped.Add(1)
		go s.notifyLoop()
	})
	select {
	case n.poke <- struct{}{}:
	default:
	}
}

func (s *Store) notifyLoop() {
	n := &s.notify
	defer n.stopped.Done()
	var ch string
	for {
		select {
		case <-n.done:
			return
		case <-n.poke:
		}
		select { // gather the commits of the next moment
		case <-n.done:
		case <-time.After(NotifyDelay):
		}
		select {
		case <-n.poke:
		default:
		}
		if ch == "" {
			var schema string
			if s.db.QueryRow("SELECT current_schema()").Scan(&schema) != nil {
				continue // the readers' poll finds the change
			}
			ch = channel(schema)
		}
		s.db.Exec("SELECT pg_notify(?, '')", ch)
	}
}

// stopNotify ends the notifier, sending what is pending (Close).
func (s *Store) stopNotify() {
	n := &s.notify
	if n.done == nil {
		return
	}
	close(n.done)
	n.stopped.Wait()
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
