// Command pecheck checks the Windows executables of a build: each must be
// a 64-bit PE file of the subsystem it is meant for (the window program
// for the GUI subsystem, replydesk-cli.exe for the console) and load no
// DLL beyond those every Windows 10 has (no MinGW runtime to ship).
//
// Usage: go run ./packaging/pecheck FILE=gui|console ...
package main

import (
	"debug/pe"
	"fmt"
	"os"
	"strings"
)

// Subsystems of the PE optional header (IMAGE_SUBSYSTEM_*).
const (
	subsystemGUI     = 2
	subsystemConsole = 3
)

// systemDLLs are the libraries the executables may import.
var systemDLLs = map[string]bool{
	"kernel32.dll": true, "user32.dll": true, "gdi32.dll": true, "opengl32.dll": true,
	"shell32.dll": true, "advapi32.dll": true, "ole32.dll": true, "winmm.dll": true,
	"ws2_32.dll": true, "msvcrt.dll": true, "imm32.dll": true, "dwmapi.dll": true,
	"api-ms-win-crt-runtime-l1-1-0.dll": true, "winspool.drv": true, "comdlg32.dll": true,
	"uxtheme.dll": true, "shcore.dll": true, "version.dll": true, "bcryptprimitives.dll": true,
	"ntdll.dll": true, "powrprof.dll": true, "secur32.dll": true, "userenv.dll": true,
	"iphlpapi.dll": true, "dnsapi.dll": true, "netapi32.dll": true, "crypt32.dll": true,
	"oleaut32.dll": true, "setupapi.dll": true, "hid.dll": true, "xinput1_4.dll": true,
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pecheck FILE=gui|console ...")
		os.Exit(2)
	}
	failed := false
	for _, arg := range os.Args[1:] {
		file, kind, _ := strings.Cut(arg, "=")
		if err := check(file, kind); err != nil {
			fmt.Fprintln(os.Stderr, "pecheck:", err)
			failed = true
			continue
		}
		fmt.Printf("pecheck: %s: 64-bit, %s subsystem, system DLLs only\n", file, kind)
	}
	if failed {
		os.Exit(1)
	}
}

// check opens file and checks it is a 64-bit executable of the subsystem
// kind names ("gui" or "console") importing system DLLs only.
func check(file, kind string) error {
	want := map[string]uint16{"gui": subsystemGUI, "console": subsystemConsole}[kind]
	if want == 0 {
		return fmt.Errorf("%s: unknown subsystem %q (gui or console)", file, kind)
	}
	f, err := pe.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return fmt.Errorf("%s: not a 64-bit executable", file)
	}
	if oh.Subsystem != want {
		return fmt.Errorf("%s: subsystem %d, want %d (%s)", file, oh.Subsystem, want, kind)
	}
	libs, err := f.ImportedLibraries()
	if err != nil {
		return fmt.Errorf("%s: imports: %v", file, err)
	}
	for _, l := range libs {
		if !systemDLLs[strings.ToLower(l)] {
			return fmt.Errorf("%s imports %s, which Windows does not ship", file, l)
		}
	}
	return nil
}
