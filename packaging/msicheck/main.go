// Command msicheck checks the summary information of the Windows installer,
// which msiinfo does not show whole: the package must declare that it
// needs no administrator rights (word count bit 8, set by a per-user
// install scope), be compressed, target x64 and store its strings in
// UTF-8 (code page 65001).
//
// Usage: go run ./packaging/msicheck FILE.msi
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/richardlehane/mscfb"
	"github.com/richardlehane/msoleps"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: msicheck FILE.msi")
		os.Exit(2)
	}
	props, err := summary(os.Args[1])
	if err == nil {
		err = check(props)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "msicheck:", err)
		os.Exit(1)
	}
	fmt.Printf("msicheck: %s: per user (no elevation), compressed, %v, code page 65001\n", os.Args[1], props["Template"])
}

// summary reads the properties of the package's summary information
// stream, by name, as strings ("10", "x64;1033").
func summary(file string) (map[string]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := mscfb.New(f)
	if err != nil {
		return nil, fmt.Errorf("%s: not a Windows Installer database: %v", file, err)
	}
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		if strings.TrimPrefix(e.Name, "\x05") != "SummaryInformation" {
			continue
		}
		ps, err := msoleps.NewFrom(e)
		if err != nil {
			return nil, fmt.Errorf("%s: summary information: %v", file, err)
		}
		props := map[string]string{}
		for _, p := range ps.Property {
			props[p.Name] = p.String()
		}
		return props, nil
	}
	return nil, fmt.Errorf("%s: no summary information", file)
}

// check checks the summary properties of a per-user x64 package.
func check(props map[string]string) error {
	var errs []error
	var words int
	if _, err := fmt.Sscan(props["WordCount"], &words); err != nil {
		errs = append(errs, fmt.Errorf("word count %q", props["WordCount"]))
	}
	if words&8 == 0 {
		errs = append(errs, fmt.Errorf("word count %d: no 'elevated privileges not required' bit (8): the install would ask for administrator rights", words))
	}
	if words&2 == 0 {
		errs = append(errs, fmt.Errorf("word count %d: files not compressed (bit 2)", words))
	}
	// The code page is a 16-bit signed property: 65001 reads as -535.
	if cp := props["CodePage"]; cp != "65001" && cp != "-535" {
		errs = append(errs, fmt.Errorf("summary code page %q, want 65001", cp))
	}
	if !strings.HasPrefix(props["Template"], "x64;") {
		errs = append(errs, fmt.Errorf("template %q, want x64", props["Template"]))
	}
	return errors.Join(errs...)
}
