package recognize

import (
	"slices"
	"testing"

	"replydesk/internal/reply"
)

func TestTableWidths(t *testing.T) {
	tb := &reply.Table{Header: []string{"序号", "企业名称"}, Rows: [][]string{{"1", "某某有限公司"}}}
	for _, c := range []struct {
		name string
		ws   []int
		want []int
	}{
		// 8844 twips (156 mm) split 1:4 the way the Word writer splits it.
		{"shares", []int{1768, 7076}, []int{1, 4}},
		{"exact", []int{1000, 4000}, []int{1, 4}},
		{"four", []int{884, 4422, 1769, 1769}, nil}, // wrong column count
		// The content gives 2:6 (序号 2 characters, 某某有限公司 6).
		{"from content", []int{2211, 6633}, nil},
		// Proportions within a twip of small shares become those shares.
		{"near shares", []int{1237, 7607}, []int{13, 80}},
		// A column too narrow for 100 shares keeps the grid's proportions.
		{"narrow", []int{30, 8810}, []int{3, 881}},
		{"zero", []int{0, 8844}, nil},
		{"none", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tableWidths(c.ws, tb); !slices.Equal(got, c.want) {
				t.Errorf("tableWidths(%v) = %v, want %v", c.ws, got, c.want)
			}
		})
	}
}
