package ledger

import "strings"

// Change is a field whose value differs between two versions of an item,
// as a table shows the values.
type Change struct {
	Field    FieldKey
	From, To string // "" = empty
}

// Diff returns the fields whose value differs from a to b, in the order
// of Fields.
func Diff(a, b *Item) []Change {
	var out []Change
	for _, f := range Fields {
		if from, to := f.Get(a), f.Get(b); from != to {
			out = append(out, Change{Field: f.Key, From: from, To: to})
		}
	}
	return out
}

// String writes the change as "办理状态 未办理 → 办理中"; an empty value
// shows as （空）, or as Unfilled for the fields that have no default.
func (c Change) String() string {
	f, _ := FieldOf(c.Field)
	show := func(v string) string {
		switch {
		case v != "":
			return strings.ReplaceAll(v, "\n", " ")
		case c.Field == FMode || c.Field == FMet:
			return Unfilled
		}
		return "（空）"
	}
	return f.Label + " " + show(c.From) + " → " + show(c.To)
}

// Changes writes a list of changes joined by "；".
func Changes(cs []Change) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, "；")
}
