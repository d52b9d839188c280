package fontrole

import (
	"strings"
	"testing"
)

func TestRoles(t *testing.T) {
	if len(All) != Count {
		t.Fatalf("len(All) = %d, Count = %d", len(All), Count)
	}
	for i, r := range All {
		if Index(r) != i || Check(r) != nil || Label(r) == r {
			t.Errorf("role %q: Index %d, Check %v, Label %q", r, Index(r), Check(r), Label(r))
		}
	}
	for _, bad := range []string{"", "Body", "fangsong", "heading"} {
		err := Check(bad)
		if Index(bad) != -1 || err == nil || !strings.Contains(err.Error(), "“"+bad+"”") || !strings.Contains(err.Error(), "title、body、hei、kai、song") {
			t.Errorf("Check(%q) = %v, want an error naming it and the roles", bad, err)
		}
	}
}
