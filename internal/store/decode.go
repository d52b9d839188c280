package store

import (
	"database/sql"
	"runtime"
	"sync"

	"replydesk/internal/ledger"
)

// Reading a ledger is mostly decoding the JSON of its items (a list of
// 20,000 items spent two thirds of its time there), which decodeItems
// spreads over the processors.

// storedItem is a ledger row as read, its item not yet decoded.
type storedItem struct {
	id, version int64
	draft       sql.NullInt64
	js          string
}

// minChunk is the fewest items a decoding goroutine is started for.
const minChunk = 256

// decodeItems decodes the items of rows, in their order, on every
// processor; the error is that of the first row that fails.
func decodeItems(rows []storedItem) ([]ledger.Item, error) {
	out := make([]ledger.Item, len(rows))
	errs := make([]error, len(rows))
	decode := func(from, to int) {
		for i := from; i < to; i++ {
			r := rows[i]
			it, err := decodeItem(r.id, r.version, r.draft, r.js)
			if err != nil {
				errs[i] = err
				continue
			}
			out[i] = *it
		}
	}
	workers := min(runtime.GOMAXPROCS(0), (len(rows)+minChunk-1)/minChunk)
	if workers <= 1 {
		decode(0, len(rows))
	} else {
		var wg sync.WaitGroup
		per := (len(rows) + workers - 1) / workers
		for from := 0; from < len(rows); from += per {
			wg.Go(func() { decode(from, min(from+per, len(rows))) })
		}
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
