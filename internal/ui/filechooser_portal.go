//go:build !windows && !darwin

package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/godbus/dbus/v5"
)

// The XDG desktop portal's file chooser, spoken to over D-Bus directly:
// github.com/rymdport/portal (which Fyne brings) reads the chosen file's
// URI with url.QueryUnescape, which makes "+" a space, and fails on a
// response without files; the calls are few enough to make here.
const (
	portalName    = "org.freedesktop.portal.Desktop"
	portalPath    = "/org/freedesktop/portal/desktop"
	portalChooser = "org.freedesktop.portal.FileChooser"
	portalRequest = "org.freedesktop.portal.Request"
)

// xdgPortal asks the portal for file dialogs.
type xdgPortal struct{}

// newPortal returns the portal's chooser, or nil when no session bus is
// known (asking for one then would start one).
func newPortal() fileChooser {
	if !hasSessionBus() {
		return nil
	}
	return xdgPortal{}
}

// portalRule and portalFilter are a filter as the portal takes it:
// a(sa(us)).
type portalRule struct {
	Type    uint32 // 0: a glob pattern
	Pattern string
}

type portalFilter struct {
	Name  string
	Rules []portalRule
}

// portalTokens numbers the requests made.
var portalTokens atomic.Int64

func (xdgPortal) open(r fileRequest) (string, error) {
	p, err := portalAsk("OpenFile", r)
	return p, err
}

// save returns asked true: the portal's dialogs (GTK, KDE) ask before
// replacing a file.
func (xdgPortal) save(r fileRequest) (string, bool, error) {
	p, err := portalAsk("SaveFile", r)
	return p, p != "", err
}

// portalAsk calls the portal's method (OpenFile, SaveFile) for r and waits
// for the answer: the file's path, "" when the user cancelled, or
// errNoChooser when the portal did not answer.
func portalAsk(method string, r fileRequest) (string, error) {
	conn, err := dbus.SessionBus()
	if err != nil {
		return "", errNoChooser
	}
	obj := conn.Object(portalName, portalPath)
	if _, err := obj.GetProperty(portalChooser + ".version"); err != nil {
		return "", errNoChooser
	}
	token := fmt.Sprintf("replydesk%d", portalTokens.Add(1))
	names := conn.Names()
	if len(names) == 0 {
		return "", errNoChooser
	}
	sender := strings.ReplaceAll(strings.TrimPrefix(names[0], ":"), ".", "_")
	want := dbus.ObjectPath(portalPath + "/request/" + sender + "/" + token)
	match := []dbus.MatchOption{dbus.WithMatchInterface(portalRequest), dbus.WithMatchMember("Response")}
	if err := conn.AddMatchSignal(match...); err != nil {
		return "", errNoChooser
	}
	defer conn.RemoveMatchSignal(match...)
	signals := make(chan *dbus.Signal, 8)
	conn.Signal(signals)
	defer conn.RemoveSignal(signals)

	filter := portalFilter{Name: r.kind.name}
	for _, p := range r.kind.patterns {
		filter.Rules = append(filter.Rules, portalRule{0, p})
	}
	opts := map[string]dbus.Variant{
		"handle_token":   dbus.MakeVariant(token),
		"modal":          dbus.MakeVariant(true),
		"filters":        dbus.MakeVariant([]portalFilter{filter}),
		"current_filter": dbus.MakeVariant(filter),
	}
	if r.dir != "" {
		opts["current_folder"] = dbus.MakeVariant(append([]byte(r.dir), 0))
	}
	if r.name != "" {
		opts["current_name"] = dbus.MakeVariant(r.name)
	}
	parent := ""
	if r.parent != 0 {
		parent = fmt.Sprintf("x11:%x", r.parent)
	}
	var handle dbus.ObjectPath
	if err := obj.Call(portalChooser+"."+method, 0, parent, r.title, opts).Store(&handle); err != nil {
		return "", errNoChooser
	}
	for s := range signals {
		if s.Path != handle && s.Path != want {
			continue
		}
		return portalResult(s.Body)
	}
	return "", errNoChooser
}

// portalResult reads the Response signal's body: (u status, a{sv} results).
func portalResult(body []any) (string, error) {
	if len(body) != 2 {
		return "", errNoChooser
	}
	status, _ := body[0].(uint32)
	results, _ := body[1].(map[string]dbus.Variant)
	if status != 0 {
		return "", nil // cancelled, or closed otherwise
	}
	var uris []string
	if v, ok := results["uris"]; ok {
		uris, _ = v.Value().([]string)
	}
	if len(uris) == 0 {
		return "", nil
	}
	u, err := url.Parse(uris[0])
	if err != nil || u.Scheme != "file" {
		return "", fmt.Errorf("文件对话框给出的位置“%s”不是本机文件，请选择本机上的文件", uris[0])
	}
	return u.Path, nil
}

// hasSessionBus reports whether a D-Bus session bus is known without
// starting one (asking for it with none known would start dbus-launch).
func hasSessionBus() bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return true
	}
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "bus")); err == nil {
			return true
		}
	}
	return false
}
