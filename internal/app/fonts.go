package app

import (
	"errors"
	"fmt"
	"strings"

	"replydesk/internal/fontrole"
	"replydesk/internal/fonts"
)

// BuiltinFont, as a role's font file, keeps the role's embedded faces even
// when an official font is installed; the command line also takes 内置.
const BuiltinFont = "builtin"

// FontChoice says which font a role uses and why, for the settings.
type FontChoice struct {
	Spec     string // the file (with #face for a collection); "" for the embedded faces
	Official bool   // found installed by its usual name, not chosen by the user
}

// FontSet returns the embedded faces with, first in each role, the file
// chosen in files (role → file, or BuiltinFont), else the official font
// found installed for the role in official. A chosen file that cannot be
// used is an error naming the role; an official one is skipped, with a
// warning.
func FontSet(files map[string]string, official map[string]fonts.InstalledFont) (*fonts.Set, map[string]FontChoice, error) {
	for role := range files {
		if err := fontrole.Check(role); err != nil {
			return nil, nil, err
		}
	}
	set, err := fonts.Default()
	if err != nil {
		return nil, nil, fmt.Errorf("载入内置字体失败：%w", err)
	}
	choices := make(map[string]FontChoice)
	var warn []error
	for _, role := range fonts.Roles {
		spec := strings.TrimSpace(files[role])
		switch {
		case spec == BuiltinFont:
		case spec != "":
			if set, err = set.WithFile(role, spec); err != nil {
				return nil, nil, fmt.Errorf("%s：%w", fonts.RoleLabel(role), err)
			}
			choices[role] = FontChoice{Spec: spec}
		case official[role].Path != "":
			o := official[role].Spec()
			with, err := set.WithFile(role, o)
			if err != nil {
				warn = append(warn, fmt.Errorf("%s：已安装的字体无法使用，已改用内置字体：%w", fonts.RoleLabel(role), err))
				continue
			}
			set = with
			choices[role] = FontChoice{Spec: o, Official: true}
		}
	}
	return set, choices, errors.Join(warn...)
}
