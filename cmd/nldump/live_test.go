package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nldump/nldump/capture"
	"golang.org/x/sys/unix"
)

func TestParseProtocol(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint16
		err  bool
	}{
		{"route", unix.NETLINK_ROUTE, false},
		{"generic", unix.NETLINK_GENERIC, false},
		{" Sock_Diag", unix.NETLINK_SOCK_DIAG, false},
		{"netfilter", unix.NETLINK_NETFILTER, false},
		{"16", unix.NETLINK_GENERIC, false},
		{"0x0c", unix.NETLINK_NETFILTER, false},
		{"genl", 0, true},
		{"65536", 0, true},
	} {
		got, err := parseProtocol(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("parseProtocol(%q) = %d, %v; want %d, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

// fakeLive is a Source whose Stats report drops, for the running display.
type fakeLive struct {
	capture.Source
	mu      sync.Mutex
	dropped int
}

func (f *fakeLive) Stats() capture.Stats {
	f.mu.Lock()
	defer f.mu.Unlock()
	return capture.Stats{Live: true, Dropped: f.dropped}
}

// syncBuffer is a bytes.Buffer safe for the display goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLiveRunCount checks the running count of -w on a terminal: rewritten in
// place with \r, ended by a newline before the summary.
func TestLiveRunCount(t *testing.T) {
	var errb syncBuffer
	src := &fakeLive{dropped: 2}
	sink := &frameSink{}
	sink.frames.Store(1234)
	sink.messages.Store(5678)
	lv := &liveRun{stderr: &errb, tty: true}
	lv.start(src, sink)
	time.Sleep(3 * countEvery)
	lv.stop()
	out := errb.String()
	if !strings.HasPrefix(out, "\rGot 1234 frames, 5678 messages (2 dropped)") || !strings.HasSuffix(out, "(2 dropped)\n") {
		t.Errorf("running count %q", out)
	}
	var nilRun *liveRun // a file: nothing shown
	nilRun.start(src, sink)
	nilRun.stop()
}

// TestLiveRunDrops checks the warning printed when the kernel drops frames while
// nldump prints them (no -w): once per increase.
func TestLiveRunDrops(t *testing.T) {
	var errb syncBuffer
	src := &fakeLive{}
	lv := &liveRun{stderr: &errb}
	lv.start(src, nil)
	time.Sleep(2 * countEvery)
	src.mu.Lock()
	src.dropped = 7
	src.mu.Unlock()
	time.Sleep(3 * countEvery)
	lv.stop()
	want := "nldump: the kernel dropped 7 frames so far: the socket buffer was full (raise -B, or write with -w and read the file later)\n"
	if got := errb.String(); got != want {
		t.Errorf("stderr %q\nwant %q", got, want)
	}
}

// TestStopOnError checks that a failed write (a closed pipe) stops the capture.
func TestStopOnError(t *testing.T) {
	stopped := 0
	w := &stopOnError{w: failWriter{}, stop: func() { stopped++ }}
	if _, err := w.Write([]byte("x")); err == nil || stopped != 1 {
		t.Errorf("err %v, stopped %d times", err, stopped)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestLiveErrorsHost runs nldump -i where the test runs, as root: lo is not an
// nlmon interface, and -i auto on a kernel without nlmon (this repository's CI
// host) says so with the kernel's text and the modprobe hint. Without root it
// checks that the error names the capability.
func TestLiveErrorsHost(t *testing.T) {
	if os.Geteuid() != 0 {
		rc, _, stderr := runCLI("-i", "auto")
		if rc != exitInput || !strings.Contains(stderr, "CAP_NET_ADMIN") || !strings.Contains(stderr, "setcap cap_net_admin,cap_net_raw+ep") {
			t.Errorf("nldump -i auto as non-root: status %d, stderr %q", rc, stderr)
		}
		return
	}
	rc, _, stderr := runCLI("-i", "lo")
	if want := "nldump: lo: not an nlmon interface: its link type is 772 (LOOPBACK), not 824 (NETLINK); "; rc != exitInput || !strings.HasPrefix(stderr, want) {
		t.Errorf("nldump -i lo: status %d, stderr %q, want prefix %q", rc, stderr, want)
	}
	if names, _ := capture.NlmonInterfaces(); len(names) > 0 {
		t.Skip("this kernel has nlmon interfaces: the VM test covers -i auto")
	}
	rc, _, stderr = runCLI("-i", "auto")
	if rc == exitOK {
		t.Skip("this kernel has nlmon (-i auto worked)")
	}
	want := `nldump: nlmon0: cannot create the nlmon interface: operation not supported (kernel: "Unknown device type"); this kernel has no nlmon support; load the module with modprobe nlmon (the kernel needs CONFIG_NLMON=m or =y)` + "\n"
	if rc != exitInput || stderr != want {
		t.Errorf("nldump -i auto: status %d, stderr\n%s\nwant\n%s", rc, stderr, want)
	}
}
