package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/sys/unix"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/script/*.txtar with the current output")

// TestMain makes the test binary double as the nldump command, so that the
// scripts run the real CLI (flags, exit status, stdout and stderr) as a process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"nldump": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI golden tests in testdata/script/*.txtar. Regenerate the
// goldens with: go test ./cmd/nldump -run TestScript -update (and read the diff).
//
// Every script gets $PCAPS, the repository's testdata/pcaps, and in its work
// directory the fixtures that are built rather than stored: esc.pcap (control
// bytes in an interface name and in an extended-ACK message), errors.pcap.gz (gzip
// of the real errors.pcap), errors.pcapng (the same frames as pcapng), cut.pcap (errors.pcap cut off mid-record) and
// short.pcap (its first 10 bytes).
func TestScript(t *testing.T) {
	pcaps, err := filepath.Abs(filepath.Join("..", "..", "testdata", "pcaps"))
	if err != nil {
		t.Fatal(err)
	}
	errorsPcap, err := os.ReadFile(filepath.Join(pcaps, "errors.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(errorsPcap)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	ng := toPcapng(t, filepath.Join(pcaps, "errors.pcap"))
	esc := filepath.Join(t.TempDir(), "esc.pcap")
	writeCapture(t, esc, escFrames()...)
	escPcap, err := os.ReadFile(esc)
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("PCAPS", pcaps)
			for name, data := range map[string][]byte{
				"esc.pcap":       escPcap,
				"errors.pcap.gz": gz.Bytes(),
				"errors.pcapng":  ng,
				// 24-byte file header, the first records, then half of a record
				"cut.pcap": errorsPcap[:1000],
				// the pcap file header cut after 10 bytes
				"short.pcap": errorsPcap[:10],
			} {
				if err := os.WriteFile(filepath.Join(env.WorkDir, name), data, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"terminalsafe": cmdTerminalSafe,
			"exits":        cmdExits,
			"message":      cmdMessage,
		},
	})
}

// toPcapng rewrites the capture at path as pcapng, frame by frame.
func toPcapng(t *testing.T, path string) []byte {
	t.Helper()
	src, err := capture.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var buf bytes.Buffer
	w, err := capture.NewPcapngWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for {
		fr, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := w.WriteFrame(&fr); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cmdTerminalSafe is the script command "terminalsafe stdout|stderr|FILE": it fails
// when the text holds a control byte other than newline (C0, DEL, or a UTF-8 C1
// control), which a terminal would act on.
func cmdTerminalSafe(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: terminalsafe stdout|stderr|FILE")
	}
	text := ts.ReadFile(args[0])
	bad := -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c < 0x20 && c != '\n') || c == 0x7f || (c == 0xc2 && i+1 < len(text) && text[i+1] >= 0x80 && text[i+1] < 0xa0) {
			bad = i
			break
		}
	}
	switch {
	case bad >= 0 && !neg:
		lo := max(bad-20, 0)
		ts.Fatalf("%s has control byte %#02x at offset %d: %q", args[0], text[bad], bad, text[lo:min(bad+20, len(text))])
	case bad < 0 && neg:
		ts.Fatalf("%s has no control bytes", args[0])
	}
}

// escFrames builds a request and its NLMSG_ERROR whose text carries terminal
// control sequences: an RTM_NEWLINK request (REQUEST|ACK|EXCL|CREATE) with
// IFLA_IFNAME "evil\x1b[2J\x1b]0;pwned\x07", and the kernel's answer, -EINVAL with
// NLM_F_ACK_TLVS, the whole request echoed, NLMSGERR_ATTR_MSG "bad\x1b[31mred\x07"
// and NLMSGERR_ATTR_OFFS pointing at the IFLA_IFNAME attribute.
func escFrames() []*capture.Frame {
	const (
		rtmNewlink  = 16
		iflaIfname  = 3
		seq         = 77
		nlmsgerrMsg = 1
		nlmsgerrOff = 2
	)
	body := make([]byte, 16) // struct ifinfomsg, all zero
	body = appendNlattr(body, iflaIfname, []byte("evil\x1b[2J\x1b]0;pwned\x07\x00"))
	req := appendNlmsg(nil, rtmNewlink, unix.NLM_F_REQUEST|unix.NLM_F_ACK|unix.NLM_F_EXCL|unix.NLM_F_CREATE, seq, 0, body)

	errPayload := binary.LittleEndian.AppendUint32(nil, uint32(0x100000000-int64(unix.EINVAL)))
	errPayload = append(errPayload, req...)
	errPayload = appendNlattr(errPayload, nlmsgerrMsg, []byte("bad\x1b[31mred\x07\x00"))
	errPayload = appendNlattr(errPayload, nlmsgerrOff, binary.LittleEndian.AppendUint32(nil, 16+16)) // IFLA_IFNAME in the request
	ans := appendNlmsg(nil, unix.NLMSG_ERROR, 0x200 /* NLM_F_ACK_TLVS */, seq, 4242, errPayload)
	return []*capture.Frame{
		{Protocol: unix.NETLINK_ROUTE, Data: req},
		{Protocol: unix.NETLINK_ROUTE, Data: ans},
	}
}

// cmdExits is the script command "exits N PROG [ARGS...]": like exec, but the
// command must exit with status N exactly (exec and ! exec only tell zero from
// non-zero). stdout and stderr are kept for the commands that follow.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdMessage is the script command "message FILE ID OUT": it copies to OUT the
// text of message ID ("6", or "25.3" in a frame of several) from the text output in
// FILE (stdout, stderr or a file): its summary line and the indented lines of -V or
// -x after it.
func cmdMessage(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: message stdout|stderr|FILE ID OUT")
	}
	var out []string
	in := false
	for _, line := range strings.SplitAfter(ts.ReadFile(args[0]), "\n") {
		switch {
		case strings.HasPrefix(line, args[1]+" "):
			in = true
		case in && !strings.HasPrefix(line, " ") && line != "\n":
			in = false
		}
		if in {
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		ts.Fatalf("no message %s in %s", args[1], args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(strings.Join(out, "")), 0o644))
}
