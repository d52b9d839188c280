package ui

import (
	"context"
	"time"

	"replydesk/internal/app"
)

// RetryStoreEvery is how often a window whose shared ledger could not be
// reached at start tries the server again.
var RetryStoreEvery = 5 * time.Second

// RetryStore is for a window that starts without its database because the
// shared ledger's server did not answer: it tries open again every
// RetryStoreEvery, and once the server answers puts the ledger to work
// (drafts, 台账, colleagues' changes) without a restart. The reply being
// edited meanwhile is kept: it becomes a new draft on the server.
// CloseStore ends the trying.
func (u *UI) RetryStore(open func() (app.Drafts, error)) {
	ctx, cancel := context.WithCancel(context.Background())
	u.retryStop = cancel
	u.status.SetText("共享台账的服务器无法连接：正在重试；在此之前只能打开和保存答复文件")
	send := deliver
	go func() {
		tick := time.NewTicker(RetryStoreEvery)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			st, err := open()
			if err != nil {
				continue
			}
			send(func() {
				if ctx.Err() != nil || u.drafts != nil {
					if c, ok := st.(interface{ Close() error }); ok {
						c.Close()
					}
					return
				}
				u.reconnected(st)
			})
			return
		}
	}()
}

// reconnected puts the database reached at last to work, keeping the
// reply in the form (and the file it came from) as a new draft.
func (u *UI) reconnected(st app.Drafts) {
	r := u.form.read()
	path := u.path
	u.retryStop = nil
	u.switchStore(st)
	u.Load(r, 0, path)
	u.saver.Touch(r)
	u.status.SetText("已连接共享台账（" + app.Where(st) + "）：正在编辑的答复已存为草稿")
}
