//go:build ignore

// pack writes fonts/*.ttf.zst, the embedded fonts compressed, and
// fonts/PACKED, their size and CRC-32C once unpacked: the binary carries
// the compressed fonts, and a face is unpacked once into the user's cache
// folder on first use (unpack.go, with the pure-Go decoder of
// github.com/klauspost/compress/zstd). Run by go generate after fetch.sh.
//
// The compressor is the zstd program (Debian's zstd) at its strongest
// level, --ultra -22: 31.2 MB for the five fonts, where the strongest level
// of the pure-Go encoder gives 33.1 MB. The window it chooses is no larger
// than the font, so unpacking needs no more memory than the font itself.
package main

import (
	"fmt"
	"hash/crc32"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"replydesk/internal/safefile"
)

func main() {
	files, err := filepath.Glob("fonts/*.ttf")
	if err != nil || len(files) == 0 {
		log.Fatalf("no fonts/*.ttf: %v", err)
	}
	var index strings.Builder
	index.WriteString("# name size crc32c: the fonts once unpacked (written by pack.go)\n")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		out, err := exec.Command("zstd", "--ultra", "-22", "-q", "-f", "--no-progress", f, "-o", f+".zst").CombinedOutput()
		if err != nil {
			log.Fatalf("zstd %s: %v\n%s", f, err, out)
		}
		packed, err := os.ReadFile(f + ".zst")
		if err != nil {
			log.Fatal(err)
		}
		crc := crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli))
		fmt.Fprintf(&index, "%s %d %08x\n", filepath.Base(f), len(data), crc)
		fmt.Printf("%s: %d -> %d bytes\n", f, len(data), len(packed))
	}
	if err := safefile.WriteBytes("fonts/PACKED", []byte(index.String())); err != nil {
		log.Fatal(err)
	}
}
