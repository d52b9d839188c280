// Package templates embeds the house styles shipped with ReplyDesk
// (*.toml), the example reply (examples/reply-244.reply.toml) and the
// README that documents them, so that the application works without the
// templates folder beside it. A bureau's own styles are loaded from its
// folder in addition.
//
// File names may use Chinese characters but no full-width punctuation
// such as （）: go:embed refuses such names.
package templates

import "embed"

// FS holds the shipped styles at its root, the example under examples/.
//
//go:embed *.toml examples/*.toml README.md
var FS embed.FS
