package assets

import (
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"

	"replydesk/internal/safefile"
)

// A font is unpacked once per user and version into the cache folder
// (fonts/NAME-CRC.ttf under os.UserCacheDir's replydesk folder) and mapped
// into memory from there: like the uncompressed fonts the binary carried
// before, its pages are clean and shared, read only where a face is used,
// and dropped under memory pressure. A file found checked gets a stamp:
// its modification time set to a time made of its CRC-32C. A process
// maps a file with the right size and stamp at once; any other it checks
// first (size and CRC-32C, read through a small buffer: a few ms for the
// largest font) and unpacks again if it is damaged. A program that writes
// to the file changes its time, so the check runs again. Where the cache
// folder cannot be written, the font is unpacked onto the heap.

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func errNotEmbedded(name string) error {
	return fmt.Errorf("embedded font %s: %w", name, fs.ErrNotExist)
}

// cacheDir is the folder of the unpacked fonts; a variable for tests.
var cacheDir = func() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "replydesk", "fonts"), nil
}

// unpack returns the font's bytes: mapped from its file in the cache
// folder, unpacked there first if it is missing or damaged.
func (f *font) unpack(name string) ([]byte, error) {
	dir, err := cacheDir()
	if err != nil {
		return f.decode(name)
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%08x.ttf", strings.TrimSuffix(name, ".ttf"), f.crc))
	if data, err := f.mapChecked(path); err == nil {
		f.mapped = true
		return data, nil
	}
	data, err := f.decode(name)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return data, nil
	}
	if err := safefile.WriteBytes(path, data); err != nil {
		return data, nil
	}
	if mapped, err := f.mapChecked(path); err == nil {
		f.mapped = true
		return mapped, nil // the heap copy is garbage now
	}
	return data, nil
}

// mapChecked maps the file at path if it has the font's size and CRC-32C.
func (f *font) mapChecked(path string) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() != int64(f.size) {
		return nil, errors.New("wrong size")
	}
	if stamp := f.stamp(); !st.ModTime().Equal(stamp) {
		h := crc32.New(castagnoli)
		if _, err := io.CopyBuffer(h, file, make([]byte, 256<<10)); err != nil {
			return nil, err
		}
		if h.Sum32() != f.crc {
			return nil, errors.New("damaged")
		}
		_ = os.Chtimes(path, stamp, stamp) // checked: later processes map it at once
	}
	return mapFile(file, f.size)
}

// stamp is the modification time of the font's file once checked: a time
// in 1970-2106 made of its CRC-32C, which no writer sets by chance.
func (f *font) stamp() time.Time { return time.Unix(int64(f.crc), 0) }

// decode unpacks the font onto the heap and checks it.
func (f *font) decode(name string) ([]byte, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstd.MaxWindowSize))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	data, err := dec.DecodeAll(unsafeBytes(*f.packed), make([]byte, 0, f.size))
	if err != nil {
		return nil, fmt.Errorf("embedded font %s: %w", name, err)
	}
	if len(data) != f.size || crc32.Checksum(data, castagnoli) != f.crc {
		return nil, fmt.Errorf("embedded font %s: damaged", name)
	}
	return data, nil
}
