package app

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"

	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// variedReplies returns n different replies made from the example reply,
// the same every time: each in one of the built-in styles (its kind, a
// category and a disclosure of the style), with its own number, proposers,
// subject, date and contact, and a body of some of the example's
// paragraphs in another order, from a few lines to three pages. The title,
// salutation and opening come from the style's formulas.
func variedReplies(tb testing.TB, d *Desk, n int) []reply.Reply {
	tb.Helper()
	base := seed(tb)
	paras := strings.Split(strings.TrimSpace(base.Body), "\n")
	people := []string{"董妍", "王远健", "李明", "赵四", "孙立平", "周晓燕", "吴国栋", "郑秀英", "欧阳春", "司马文"}
	subjects := []string{
		"关于进一步推进职业教育产教融合、校企合作的建议", "关于加强校园食品安全的建议", "关于发展普惠托育服务的建议",
		"关于优化城区公交线网的提案", "关于加快老旧小区改造的提案", "关于促进中小企业数字化转型的提案",
		"关于完善社区养老服务体系的建议", "关于保护松花江流域生态环境的提案",
	}
	units := []string{"长春市教育局", "长春市交通运输局", "长春市住房和城乡建设局", "长春市民政局", "长春市生态环境局"}
	var styles []*style.Style
	for _, st := range d.Styles {
		if len(st.Categories) > 0 {
			styles = append(styles, st)
		}
	}
	if len(styles) == 0 {
		tb.Fatal("no built-in style with categories")
	}
	rng := rand.New(rand.NewPCG(244, 2023))
	out := make([]reply.Reply, n)
	for i := range out {
		r := base.Clone()
		st := styles[rng.IntN(len(styles))]
		r.Style, r.Kind = st.Name, st.Kind
		r.Number = strconv.Itoa(1 + rng.IntN(900))
		r.Proposers = []string{people[rng.IntN(len(people))]}
		if rng.IntN(3) == 0 {
			r.Proposers = append(r.Proposers, people[rng.IntN(len(people))])
		}
		r.ItemTitle = subjects[rng.IntN(len(subjects))]
		r.Issuer = units[rng.IntN(len(units))]
		r.LeadUnit = units[rng.IntN(len(units))]
		r.Category = st.Categories[rng.IntN(len(st.Categories))].Code
		r.Disclosure = ""
		if len(st.Disclosures) > 0 {
			r.Disclosure = st.Disclosures[rng.IntN(len(st.Disclosures))].Code
		}
		r.Date = reply.Date{Year: 2023 + rng.IntN(3), Month: 1 + rng.IntN(12), Day: 1 + rng.IntN(28)}
		r.Contact.Name = people[rng.IntN(len(people))]
		r.Contact.Phone = "1357895" + strconv.Itoa(1000+rng.IntN(9000))
		r.Title, r.Salutation, r.Opening = "", "", ""
		body := make([]string, 1+rng.IntN(len(paras)))
		for j, k := range rng.Perm(len(paras))[:len(body)] {
			body[j] = paras[k]
		}
		r.Body = strings.Join(body, "\n")
		r.Number += "-" + strconv.Itoa(i) // every reply its own, even where the draws repeat
		out[i] = r
	}
	return out
}

// TestVariedReplies checks that the replies of the benchmark below are
// all different and all export.
func TestVariedReplies(t *testing.T) {
	d := desk(t)
	rs := variedReplies(t, d, 60)
	seen := map[string]bool{}
	styles := map[string]bool{}
	var buf bytes.Buffer
	for i := range rs {
		buf.Reset()
		doc, err := d.WritePDF(&buf, &rs[i])
		if err != nil {
			t.Fatalf("reply %d (%s): %v", i, rs[i].Style, err)
		}
		seen[string(buf.Bytes())] = true
		styles[rs[i].Style] = true
		if len(doc.Pages) == 0 {
			t.Fatalf("reply %d has no page", i)
		}
	}
	if len(seen) != len(rs) || len(styles) < 3 {
		t.Errorf("%d different PDFs of %d replies in %d styles", len(seen), len(rs), len(styles))
	}
}

// BenchmarkThousandReplies typesets and writes the PDFs of 1,000
// different replies (variedReplies) in one process, on two workers as on
// a two-core machine (the issue asks for at most 5 s).
func BenchmarkThousandReplies(b *testing.B) {
	d := desk(b)
	rs := variedReplies(b, d, 1000)
	pages, size := 0, 0
	cpu := cpuTime()
	for b.Loop() {
		var mu sync.Mutex
		pages, size = 0, 0
		work := make(chan int)
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				var buf bytes.Buffer
				for i := range work {
					buf.Reset()
					doc, err := d.WritePDF(&buf, &rs[i])
					if err != nil {
						b.Error(err)
						continue
					}
					mu.Lock()
					pages += len(doc.Pages)
					size += buf.Len()
					mu.Unlock()
				}
			})
		}
		for i := range rs {
			work <- i
		}
		close(work)
		wg.Wait()
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size)/(1<<20), "MB")
}
