package store

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"replydesk/internal/reply"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2023, 6, 20, 9, 0, 0, 0, time.Local)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// openTemp opens a new database in a temporary folder, closed at cleanup.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "replydesk.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// seedBody returns the body paragraphs of the seed reply (about 4 KB).
func seedBody(t testing.TB) string {
	t.Helper()
	body, err := readSeedBody()
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func readSeedBody() (string, error) {
	b, err := os.ReadFile(filepath.Join("testdata", "reply-244.txt"))
	if err != nil {
		return "", err
	}
	var paras []string
	in := false
	for _, ln := range strings.Split(string(b), "\n") {
		ln = strings.TrimSpace(ln)
		switch {
		case strings.HasPrefix(ln, "近年来"):
			in = true
		case ln == "长春市教育局":
			in = false
		}
		if in && ln != "" {
			paras = append(paras, ln)
		}
	}
	if len(paras) < 10 {
		return "", fmt.Errorf("seed body has %d paragraphs", len(paras))
	}
	return strings.Join(paras, "\n"), nil
}

// seedReply is the canonical example reply with every field set.
func seedReply(t testing.TB) *reply.Reply { return seedReplyBody(seedBody(t)) }

func seedReplyBody(body string) *reply.Reply {
	return &reply.Reply{
		Style:         "提案答复",
		Kind:          reply.Proposal,
		Assembly:      "市政协",
		Term:          14,
		Session:       2,
		Number:        "244",
		Proposers:     []string{"董妍", "王远健"},
		ProposerCount: 7,
		ItemTitle:     "关于进一步推进职业教育产教融合、校企合作的建议",
		LeadUnit:      "长春市人力资源和社会保障局",
		Category:      "B",
		Disclosure:    "同意公开",
		DocNumber:     "长教函〔2023〕12号",
		Signer:        "张三",
		Title:         "对市政协第十四届第二次会议\n第244号提案的答复",
		Salutation:    "董妍委员：",
		Opening:       "您在市政协十四届二次会议上提出的《关于进一步推进职业教育产教融合、校企合作的建议》的提案(第244号)收悉，现答复如下：",
		Body:          body,
		Closing:       "感谢您对教育工作的关心和支持。",
		Issuer:        "长春市教育局",
		Date:          reply.Date{Year: 2023, Month: 6, Day: 20},
		Seal:          true,
		Contact:       reply.Contact{Name: "刘丽", Phone: "13578951242"},
		Notes:         []string{"此件公开发布", "联系人：刘丽，联系电话：13578951242"},
		CC:            []string{"市政协提案委员会", "市政府督查室"},
		Attachments: []reply.Attachment{
			{Title: "2023年产教融合型企业名单", Table: &reply.Table{
				Header: []string{"序号", "企业名称", "所在区"},
				Rows:   [][]string{{"1", "中国第一汽车集团有限公司", "绿园区"}, {"2", "长春轨道客车股份有限公司", "绿园区"}},
				Widths: []int{1, 5, 2},
			}},
			{Title: "相关政策文件目录", Body: "《职业教育法》\n《关于深化产教融合的若干意见》"},
		},
	}
}

// filled returns a reply whose every field, at every depth, holds a
// non-zero value derived from its path, so that a field added to the
// domain later is covered by the round-trip test without editing it.
func filled(t *testing.T) *reply.Reply {
	r := new(reply.Reply)
	n := 0
	fill(t, reflect.ValueOf(r).Elem(), "Reply", &n)
	return r
}

func fill(t *testing.T, v reflect.Value, path string, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(path + "“答复”<&>\n第二段")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				t.Fatalf("%s.%s is unexported: it would not be stored", path, v.Type().Field(i).Name)
			}
			fill(t, v.Field(i), path+"."+v.Type().Field(i).Name, n)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), path, n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			fill(t, v.Index(i), path+"["+string(rune('0'+i))+"]", n)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(t, k, path+"{key}", n)
		fill(t, e, path+"{value}", n)
		v.SetMapIndex(k, e)
	default:
		t.Fatalf("%s has kind %s, which the store cannot round-trip", path, v.Kind())
	}
}
