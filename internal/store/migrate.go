package store

import (
	"database/sql"
	"fmt"
)

// applicationID marks a ReplyDesk database in the SQLite header
// (PRAGMA application_id): "RPDK".
const applicationID = 0x5250444B

// migrations are the schema steps, in order. The database's PRAGMA
// user_version is the number of steps applied. Never edit or reorder a
// released step: append a new one (e.g. the ledger tables) instead. Each
// step runs in one transaction with the version bump, so a failed step
// leaves the previous schema intact.
var migrations = []string{
	// 1: settings, drafts and their revisions.
	`
CREATE TABLE settings (
	key     TEXT PRIMARY KEY,
	value   TEXT NOT NULL,
	updated INTEGER NOT NULL            -- unix milliseconds
) WITHOUT ROWID;

CREATE TABLE drafts (
	id         INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so stale ids cannot hit another draft
	kind       TEXT NOT NULL DEFAULT '',
	number     TEXT NOT NULL DEFAULT '',
	proposers  TEXT NOT NULL DEFAULT '',          -- joined with 、
	item_title TEXT NOT NULL DEFAULT '',
	issuer     TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',          -- derived display title
	created    INTEGER NOT NULL,                  -- unix milliseconds
	updated    INTEGER NOT NULL,
	deleted    INTEGER,                           -- moved to the trash at; NULL = live
	hash       BLOB NOT NULL,                     -- SHA-256 of content
	search     TEXT NOT NULL,                     -- folded text the list searches
	content    TEXT NOT NULL                      -- JSON of reply.Reply
);
CREATE INDEX drafts_live ON drafts(updated DESC, id DESC) WHERE deleted IS NULL;
CREATE INDEX drafts_trash ON drafts(deleted) WHERE deleted IS NOT NULL;
CREATE INDEX drafts_number ON drafts(kind, number);

CREATE TABLE revisions (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	draft_id   INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
	created    INTEGER NOT NULL,                  -- first save coalesced into it
	saved      INTEGER NOT NULL,                  -- last save coalesced into it
	checkpoint INTEGER NOT NULL DEFAULT 0,        -- 1 = kept forever, never updated in place
	label      TEXT NOT NULL DEFAULT '',
	summary    TEXT NOT NULL DEFAULT '',
	hash       BLOB NOT NULL,
	content    TEXT NOT NULL
);
CREATE INDEX revisions_draft ON revisions(draft_id, id);
`,
	// 2: the ledger (台账) of assigned items.
	`
CREATE TABLE ledger_items (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	kind       TEXT NOT NULL DEFAULT '',
	assembly   TEXT NOT NULL DEFAULT '',
	term       INTEGER NOT NULL DEFAULT 0,
	session    INTEGER NOT NULL DEFAULT 0,
	number     TEXT NOT NULL,                     -- normalized: "第０２４４号" is stored as "244"
	status     TEXT NOT NULL DEFAULT '',
	category   TEXT NOT NULL DEFAULT '',
	deadline   TEXT NOT NULL DEFAULT '',          -- ISO date, so that it sorts as text; '' = none
	draft_id   INTEGER REFERENCES drafts(id) ON DELETE SET NULL,
	created    INTEGER NOT NULL,                  -- unix milliseconds
	updated    INTEGER NOT NULL,
	content    TEXT NOT NULL                      -- JSON of ledger.Item (without id and draft_id)
);
CREATE UNIQUE INDEX ledger_items_key ON ledger_items(assembly, term, session, number);
CREATE INDEX ledger_items_deadline ON ledger_items(deadline, id);
CREATE INDEX ledger_items_draft ON ledger_items(draft_id) WHERE draft_id IS NOT NULL;
`,
	// 3: versions, so that a save over someone else's newer save is
	// refused instead of overwriting it; the origin of a copied draft
	// (db copy), so that copying again adds nothing.
	`
ALTER TABLE drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE drafts ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX drafts_origin ON drafts(origin) WHERE origin <> '';
`,
	// 4: the reply file a draft was opened from or saved to; one draft
	// holds a file at a time.
	`
ALTER TABLE drafts ADD COLUMN file TEXT NOT NULL DEFAULT '';  -- absolute path; '' = none
ALTER TABLE drafts ADD COLUMN file_hash BLOB;                  -- SHA-256 of the file as last read or written
CREATE UNIQUE INDEX drafts_file ON drafts(file) WHERE file <> '';
`,
	// 5: the 操作记录: who changed which item or draft, when, and how.
	// item_id and draft_id are not foreign keys: the record outlives
	// what it records.
	`
CREATE TABLE oplog (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	at       INTEGER NOT NULL,                    -- unix milliseconds
	operator TEXT NOT NULL DEFAULT '',            -- the clerk's name from the settings
	db_user  TEXT NOT NULL DEFAULT '',            -- the server's login user; '' in a file
	item_id  INTEGER,
	draft_id INTEGER,
	action   TEXT NOT NULL,                       -- e.g. 修改, 导入, 保存草稿
	detail   TEXT NOT NULL DEFAULT '',            -- JSON list of field changes, or a summary
	origin   TEXT NOT NULL DEFAULT ''             -- the writing program's session, so that it knows its own changes
);
CREATE INDEX oplog_item ON oplog(item_id, id) WHERE item_id IS NOT NULL;
CREATE INDEX oplog_draft ON oplog(draft_id, id) WHERE draft_id IS NOT NULL;

-- Who is editing which draft: leases renewed by a heartbeat.
CREATE TABLE presence (
	draft_id INTEGER NOT NULL,
	origin   TEXT NOT NULL,                       -- the editing program's session
	operator TEXT NOT NULL DEFAULT '',
	db_user  TEXT NOT NULL DEFAULT '',
	expires  INTEGER NOT NULL,                    -- unix milliseconds
	PRIMARY KEY (draft_id, origin)
);
`,
}

// migrate applies the steps the database has not seen yet.
func migrate(db *sql.DB, steps []string) error {
	v, err := userVersion(db)
	if err != nil {
		return err
	}
	for ; v < len(steps); v++ {
		if err := step(db, v+1, steps[v]); err != nil {
			return fmt.Errorf("schema step %d: %w", v+1, err)
		}
	}
	return nil
}

// step runs migration n (1-based) and records it, in one transaction.
func step(db *sql.DB, n int, ddl string) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(ddl); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
		return err
	}
	if n == 1 {
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// querier is a *sql.DB, a *conn or a transaction.
type querier interface {
	QueryRow(q string, args ...any) *sql.Row
}

func userVersion(db querier) (int, error) {
	var v int
	err := db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// header is what Open checks before migrating.
type header struct {
	appID, version, objects int
}

func readHeader(db *sql.DB) (header, error) {
	var h header
	if err := db.QueryRow("PRAGMA application_id").Scan(&h.appID); err != nil {
		return h, err
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&h.version); err != nil {
		return h, err
	}
	err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&h.objects)
	return h, err
}

// pgMigrations are the same steps for PostgreSQL, one for one: the
// same tables, columns and indexes in its types (identity columns,
// BIGINT milliseconds, BYTEA). The version is kept in replydesk_schema.
var pgMigrations = []string{
	// 1: settings, drafts and their revisions.
	`
CREATE TABLE settings (
	key     TEXT PRIMARY KEY,
	value   TEXT NOT NULL,
	updated BIGINT NOT NULL
);

CREATE TABLE drafts (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	kind       TEXT NOT NULL DEFAULT '',
	number     TEXT NOT NULL DEFAULT '',
	proposers  TEXT NOT NULL DEFAULT '',
	item_title TEXT NOT NULL DEFAULT '',
	issuer     TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	created    BIGINT NOT NULL,
	updated    BIGINT NOT NULL,
	deleted    BIGINT,
	hash       BYTEA NOT NULL,
	search     TEXT NOT NULL,
	content    TEXT NOT NULL
);
CREATE INDEX drafts_live ON drafts(updated DESC, id DESC) WHERE deleted IS NULL;
CREATE INDEX drafts_trash ON drafts(deleted) WHERE deleted IS NOT NULL;
CREATE INDEX drafts_number ON drafts(kind, number);

CREATE TABLE revisions (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	draft_id   BIGINT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
	created    BIGINT NOT NULL,
	saved      BIGINT NOT NULL,
	checkpoint INTEGER NOT NULL DEFAULT 0,
	label      TEXT NOT NULL DEFAULT '',
	summary    TEXT NOT NULL DEFAULT '',
	hash       BYTEA NOT NULL,
	content    TEXT NOT NULL
);
CREATE INDEX revisions_draft ON revisions(draft_id, id);
`,
	// 2: the ledger (台账) of assigned items.
	`
CREATE TABLE ledger_items (
	id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	kind       TEXT NOT NULL DEFAULT '',
	assembly   TEXT NOT NULL DEFAULT '',
	term       INTEGER NOT NULL DEFAULT 0,
	session    INTEGER NOT NULL DEFAULT 0,
	number     TEXT NOT NULL,
	status     TEXT NOT NULL DEFAULT '',
	category   TEXT NOT NULL DEFAULT '',
	deadline   TEXT NOT NULL DEFAULT '',
	draft_id   BIGINT REFERENCES drafts(id) ON DELETE SET NULL,
	created    BIGINT NOT NULL,
	updated    BIGINT NOT NULL,
	content    TEXT NOT NULL
);
CREATE UNIQUE INDEX ledger_items_key ON ledger_items(assembly, term, session, number);
CREATE INDEX ledger_items_deadline ON ledger_items(deadline, id);
CREATE INDEX ledger_items_draft ON ledger_items(draft_id) WHERE draft_id IS NOT NULL;
`,
	// 3: versions and the origin of copied drafts.
	`
ALTER TABLE drafts ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE drafts ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger_items ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX drafts_origin ON drafts(origin) WHERE origin <> '';
`,
	// 4: the reply file a draft was opened from or saved to.
	`
ALTER TABLE drafts ADD COLUMN file TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN file_hash BYTEA;
CREATE UNIQUE INDEX drafts_file ON drafts(file) WHERE file <> '';
`,
	// 5: the 操作记录; the server fills in its login user.
	`
CREATE TABLE oplog (
	id       BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	at       BIGINT NOT NULL,
	operator TEXT NOT NULL DEFAULT '',
	db_user  TEXT NOT NULL DEFAULT session_user,
	item_id  BIGINT,
	draft_id BIGINT,
	action   TEXT NOT NULL,
	detail   TEXT NOT NULL DEFAULT '',
	origin   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX oplog_item ON oplog(item_id, id) WHERE item_id IS NOT NULL;
CREATE INDEX oplog_draft ON oplog(draft_id, id) WHERE draft_id IS NOT NULL;

CREATE TABLE presence (
	draft_id BIGINT NOT NULL,
	origin   TEXT NOT NULL,
	operator TEXT NOT NULL DEFAULT '',
	db_user  TEXT NOT NULL DEFAULT session_user,
	expires  BIGINT NOT NULL,
	PRIMARY KEY (draft_id, origin)
);
`,
}
