package sheet

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/reply"
)

// TestNamedTable writes a table on a sheet of its own name, with its
// title, frozen header and print titles, and reads it back.
func TestNamedTable(t *testing.T) {
	tb := &reply.Table{Header: []string{"编号", "案由"}, Rows: [][]string{{"第244号提案", "关于推进产教融合的建议"}}, Widths: []int{1, 4}}
	var b bytes.Buffer
	if err := WriteNamedTable(&b, "公开目录", "长春市教育局建议提案办理复文", tb); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if l := f.GetSheetList(); len(l) != 1 || l[0] != "公开目录" {
		t.Errorf("sheets %q, want 公开目录", l)
	}
	if p, _ := f.GetPanes("公开目录"); !p.Freeze || p.YSplit != 2 {
		t.Errorf("panes %+v: the header is not frozen", p)
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].RefersTo != "'公开目录'!$2:$2" {
		t.Errorf("defined names %+v, want the print titles of 公开目录", names)
	}
	title, got, err := ReadTable(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if title != "长春市教育局建议提案办理复文" || !reflect.DeepEqual(got.Header, tb.Header) || !reflect.DeepEqual(got.Rows, tb.Rows) {
		t.Errorf("read back %q %q %q", title, got.Header, got.Rows)
	}
}
