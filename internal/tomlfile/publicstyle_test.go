package tomlfile

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"replydesk/internal/style"
	"replydesk/templates"
)

func TestPublicSection(t *testing.T) {
	for _, c := range []struct {
		section string
		want    style.Public
		err     string // a part of the error; "" = loads
	}{
		{"", style.Public{}, ""},
		{"[public]\n", style.Public{}, ""},
		{"[public]\npublish = false\n", style.Public{Never: true}, ""},
		{"[public]\nwithhold = [\"不予公开\"]\non_request = true\nunstated = true\nsigner = true\nresponsible = true\nmark = false\ncontact_unit = false\nproposers = \"hide\"\n",
			style.Public{Withheld: []string{"不予公开"}, OnRequest: true, Unstated: true, Signer: true, Responsible: true, HideMark: true, HideUnit: true, HideProposers: true}, ""},
		{"[public]\nwithhold = []\n", style.Public{Withheld: []string{}}, ""},
		{"[public]\nproposers = \"mask\"\n", style.Public{}, "第30行：proposers"},
		{"[public]\nsigner = \"no\"\n", style.Public{}, "第30行：signer"},
		{"[public]\nwithhold = [\"不公开了\"]\n", style.Public{}, "第30行：withhold"},
		{"[public]\nsigners = true\n", style.Public{}, "第30行：signers"},
	} {
		fsys := fstest.MapFS{"测试.toml": {Data: []byte(goodStyle + c.section)}}
		s, err := LoadStyle(fsys, "测试")
		switch {
		case c.err == "" && err != nil:
			t.Errorf("LoadStyle with %q: %v", c.section, err)
		case c.err == "" && !reflect.DeepEqual(s.Public, c.want):
			t.Errorf("LoadStyle with %q: Public = %+v, want %+v", c.section, s.Public, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("LoadStyle with %q: error %v, want one naming %s", c.section, err, c.err)
		}
	}
}

// TestShippedPublic checks the [public] sections of the shipped styles:
// the 协办意见 is never published, the style without disclosure publishes
// replies that state none, the others take the defaults.
func TestShippedPublic(t *testing.T) {
	styles, err := LoadStyles(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range styles {
		switch {
		case s.Kind == "协办意见":
			if !s.Public.Never {
				t.Errorf("%s: a 协办意见 is published", s.Name)
			}
		case s.DisclosureOptional:
			if !reflect.DeepEqual(s.Public, style.Public{Unstated: true}) {
				t.Errorf("%s: Public = %+v, want unstated only", s.Name, s.Public)
			}
		case !reflect.DeepEqual(s.Public, style.Public{}):
			t.Errorf("%s: Public = %+v, want the defaults", s.Name, s.Public)
		}
	}
}
