package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
)

// Choosing the ledger: the local database file (the default) or the
// shared PostgreSQL server. The choice and the operator's name (经办人)
// are kept in the window's preferences, the password in the system
// keyring; switching reopens the ledger at once, without a restart.

// Words of the store's choice.
const (
	storeFileChoice   = "本机文件（默认，仅本机使用）"
	storeServerChoice = "PostgreSQL 服务器（全局共享台账）"
)

// storeForm is the dialog's widgets.
type storeForm struct {
	kind                         *widget.RadioGroup
	host, port, database, user   *widget.Entry
	password, rootCert, operator *widget.Entry
	sslMode                      *widget.Select
	test                         *widget.Button
	result                       *widget.Label
	server                       *fyne.Container // the server's fields, hidden for the file
	content                      *fyne.Container
	dialog                       dialog.Dialog
	tested                       chan struct{} // closed by each finished test; for tests
	switchError                  error         // why the last switch failed; for tests
}

// StoreSettings shows the choice of ledger.
func (u *UI) StoreSettings() {
	f := u.storeForm()
	items := []*widget.FormItem{
		widget.NewFormItem("服务器地址", f.host), widget.NewFormItem("端口", f.port),
		widget.NewFormItem("数据库", f.database), widget.NewFormItem("用户名", f.user),
		widget.NewFormItem("密码", f.password), widget.NewFormItem("加密方式", f.sslMode),
		widget.NewFormItem("根证书（可选）", f.rootCert),
	}
	f.server = container.NewVBox(widget.NewForm(items...), container.NewHBox(f.test), f.result)
	f.kind.OnChanged = func(s string) { f.server.Hidden = s != storeServerChoice; f.server.Refresh() }
	f.kind.OnChanged(f.kind.Selected)
	where := widget.NewLabel("当前：" + app.Where(u.drafts))
	where.Wrapping = fyne.TextWrapBreak
	where.Importance = widget.LowImportance
	op := widget.NewForm(widget.NewFormItem("经办人", f.operator))
	content := container.NewVBox(where, f.kind, f.server, widget.NewSeparator(), op)
	f.content = content
	f.dialog = dialog.NewCustomConfirm("台账数据库", "保存并连接", "取消", container.NewVScroll(content), func(ok bool) {
		if ok {
			if err := u.applyStore(f); err != nil {
				dialog.ShowError(err, u.Window)
			}
		}
	}, u.Window)
	f.dialog.Resize(fyne.NewSize(720, 700))
	u.storeBox = f
	f.dialog.Show()
}

func (u *UI) storeForm() *storeForm {
	prefs := u.App.Preferences()
	c := app.LoadStoreChoice(prefs)
	f := &storeForm{kind: widget.NewRadioGroup([]string{storeFileChoice, storeServerChoice}, nil),
		host: widget.NewEntry(), port: widget.NewEntry(), database: widget.NewEntry(), user: widget.NewEntry(),
		password: widget.NewPasswordEntry(), rootCert: widget.NewEntry(), operator: widget.NewEntry(),
		result: widget.NewLabel(""), tested: make(chan struct{})}
	f.kind.Required = true
	f.kind.SetSelected(storeFileChoice)
	if c.Server || app.Shared(u.drafts) {
		f.kind.SetSelected(storeServerChoice)
	}
	s := c.Settings
	f.host.SetText(s.Host)
	f.host.SetPlaceHolder("信息中心提供的主机名或 IP 地址")
	if s.Port != 0 {
		f.port.SetText(strconv.Itoa(s.Port))
	}
	f.port.SetPlaceHolder("5432")
	f.database.SetText(s.Database)
	f.database.SetPlaceHolder("replydesk")
	f.user.SetText(s.User)
	f.password.SetPlaceHolder("保存在系统钥匙串中；留空则用已保存的密码或 pgpass")
	f.rootCert.SetText(s.RootCert)
	f.rootCert.SetPlaceHolder("信息中心提供的证书文件（.crt）；留空用默认位置")
	var labels []string
	chosen := app.SSLModes[0].Label
	for _, m := range app.SSLModes {
		labels = append(labels, m.Label)
		if m.Value == s.SSLMode {
			chosen = m.Label
		}
	}
	f.sslMode = widget.NewSelect(labels, nil)
	f.sslMode.SetSelected(chosen)
	f.operator.SetText(c.Operator)
	f.operator.SetPlaceHolder("您的姓名，记入操作记录，如 张三（留空用默认联系人）")
	f.result.Wrapping = fyne.TextWrapWord
	f.test = widget.NewButtonWithIcon("测试连接", theme.ConfirmIcon(), func() { u.testConnection(f) })
	return f
}

// settings reads the server's fields.
func (f *storeForm) settings() (app.ServerSettings, error) {
	s := app.ServerSettings{Host: strings.TrimSpace(f.host.Text), Database: strings.TrimSpace(f.database.Text),
		User: strings.TrimSpace(f.user.Text), RootCert: strings.TrimSpace(f.rootCert.Text)}
	if p := strings.TrimSpace(f.port.Text); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			return s, fmt.Errorf("端口“%s”不对：应为 1 到 65535 之间的数，通常为 5432", p)
		}
		s.Port = n
	}
	for _, m := range app.SSLModes {
		if m.Label == f.sslMode.Selected {
			s.SSLMode = m.Value
		}
	}
	return s, s.Check()
}

// testConnection tries the server's fields off the UI goroutine and shows
// the answer in Chinese under the button.
func (u *UI) testConnection(f *storeForm) {
	s, err := f.settings()
	if err != nil {
		f.showResult(err.Error(), false)
		return
	}
	f.result.Importance = widget.MediumImportance
	f.result.SetText("正在连接…")
	f.test.Disable()
	pw, send := f.password.Text, deliver
	go func() {
		msg, ok := app.TestConnection(s, pw)
		send(func() {
			f.test.Enable()
			f.showResult(msg, ok)
		})
	}()
}

func (f *storeForm) showResult(msg string, ok bool) {
	f.result.Importance = widget.DangerImportance
	if ok {
		f.result.Importance = widget.SuccessImportance
	}
	f.result.SetText(msg)
	if f.content != nil {
		f.content.Refresh() // the answer may take two lines
	}
	close(f.tested)
	f.tested = make(chan struct{})
}

// applyStore saves the choice, the password (to the keyring) and the
// operator, and reopens the ledger when it changed.
func (u *UI) applyStore(f *storeForm) error {
	c := app.StoreChoice{Server: f.kind.Selected == storeServerChoice, Operator: strings.TrimSpace(f.operator.Text)}
	var err error
	if c.Settings, err = f.settings(); err != nil && c.Server {
		return err
	}
	prefs := u.App.Preferences()
	target := c.Target(prefs.String(app.DataDirKey))
	open := target
	var note string
	if pw := f.password.Text; c.Server && pw != "" {
		if err := app.SavePassword(c.Settings, pw); err != nil {
			// No keyring: the password serves this session only.
			note = "；" + err.Error() + "（本次连接仍可使用）"
			open = withPassword(target, pw)
		}
	}
	c.Save(prefs)
	if cur, ok := u.drafts.(interface{ Path() string }); ok && cur.Path() == target {
		app.SetOperator(u.drafts, u.drafts, c.Operator)
		u.status.SetText("设置已保存" + note)
		return nil
	}
	u.status.SetText("正在连接 " + target + " …")
	u.background.Add(1)
	send := deliver
	go func() {
		defer u.background.Done()
		st, err := app.OpenStore(open, c.Operator)
		send(func() {
			if err != nil {
				f.switchError = err
				u.status.SetText("未能切换台账数据库，仍使用" + app.Where(u.drafts))
				dialog.ShowError(fmt.Errorf("无法打开所选的台账数据库，仍使用原来的：\n%w", err), u.Window)
				return
			}
			u.switchStore(st)
			u.status.SetText("已切换到" + app.Where(st) + note)
		})
	}()
	return nil
}

// withPassword puts the password in a server's address, for a session
// without a keyring (the address is never saved).
func withPassword(target, pw string) string {
	p, err := url.Parse(target)
	if err != nil || p.User == nil {
		return target
	}
	p.User = url.UserPassword(p.User.Username(), pw)
	return p.String()
}

// attachLedger makes the ledger tab's view of the window's database.
func (u *UI) attachLedger() {
	ls, ok := u.drafts.(app.LedgerStore)
	if !ok {
		return
	}
	u.ledger = app.NewLedger(u.desk, ls)
	u.ledgerView = newLedgerView(u.ledger, func() fyne.Window { return u.Window }, u.openItemReply)
	u.ledgerView.onCounts = func(overdue, soon int) {
		if u.tabs != nil && u.tabs.Items[tabLedger].Text != tabTitle(overdue, soon) {
			u.tabs.Items[tabLedger].Text = tabTitle(overdue, soon)
			u.tabs.Refresh()
		}
	}
	u.ledgerView.setTools(
		widget.NewButtonWithIcon("导入交办清单", theme.DownloadIcon(), u.ImportLedgerDialog),
		widget.NewButtonWithIcon("导出汇总表", theme.UploadIcon(), u.ExportLedgerDialog),
		widget.NewButtonWithIcon("批量导出答复", theme.DocumentPrintIcon(), u.BatchDialog),
		widget.NewButtonWithIcon("批量公开", theme.MailSendIcon(), u.PublishDialog),
	)
}

// switchStore puts another database to work: the drafts, the ledger and
// the settings come from it; the reply being edited is saved to the old
// one first, which is then closed.
func (u *UI) switchStore(st app.Drafts) {
	_ = u.saver.Flush()
	u.stopCollab()
	old := u.drafts
	u.drafts = st
	if p, err := app.LoadProfile(st); err == nil && p.Unit == "" && u.profile.Unit != "" {
		_ = app.SaveProfile(st, u.profile) // a new shared ledger starts with this desk's settings
	} else if err == nil {
		u.profile = p
	}
	u.saver = app.NewAutosaver(st, app.AutosaveDelay)
	u.saver.OnSaved = func(id int64, err error) { fyne.Do(func() { u.saved(id, err) }) }
	u.list.drafts = st
	u.list.marks = nil
	u.list.selected = 0
	u.ledger, u.ledgerView = nil, nil
	u.attachLedger()
	if u.tabs != nil {
		var tab fyne.CanvasObject = widget.NewLabel("草稿数据库不可用，台账无法使用")
		if u.ledgerView != nil {
			tab = u.ledgerView.view()
			u.remember("ledger", u.ledgerView.split)
		}
		u.tabs.Items[tabLedger].Content = tab
		u.tabs.Refresh()
	}
	u.NewReply(u.defaultStyle())
	u.list.refresh()
	if u.ledgerView != nil {
		u.loadLedgerAsync()
	}
	u.startCollab()
	if c, ok := old.(interface{ Close() error }); ok && old != st {
		c.Close()
	}
}

// CloseStore ends the following of a shared ledger and closes the
// window's database; the program calls it once the window is closed.
func (u *UI) CloseStore() error {
	if u.retryStop != nil {
		u.retryStop()
	}
	u.stopCollab()
	if c, ok := u.drafts.(interface{ Close() error }); ok {
		return c.Close()
	}
	return nil
}

// storeItem is the settings dialog's line of the ledger in use, with a
// button to the choice.
func (u *UI) storeItem() *widget.FormItem {
	where := widget.NewLabel(app.Where(u.drafts))
	where.Truncation = fyne.TextTruncateEllipsis
	change := widget.NewButton("更改…", u.StoreSettings)
	return widget.NewFormItem("台账数据库", container.NewBorder(nil, nil, nil, change, where))
}
