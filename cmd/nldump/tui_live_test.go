package main

import (
	"os"
	"strings"
	"testing"
)

// TestTUILiveErrors checks that --tui -i opens its input as nldump -i does, and
// says what is wrong before the terminal interface starts.
func TestTUILiveErrors(t *testing.T) {
	rc, _, stderr := runCLI("--tui", "-i", "lo", "-w", "x.pcap")
	if rc != exitUsage || !strings.Contains(stderr, "--tui with -w") {
		t.Errorf("--tui -i -w: status %d, stderr %q", rc, stderr)
	}
	if os.Geteuid() != 0 {
		t.Skip("not root: the interface errors need CAP_NET_RAW")
	}
	rc, _, stderr = runCLI("--tui", "-i", "lo")
	if want := "nldump: lo: not an nlmon interface: its link type is 772 (LOOPBACK)"; rc != exitInput || !strings.HasPrefix(stderr, want) {
		t.Errorf("--tui -i lo: status %d, stderr %q, want prefix %q", rc, stderr, want)
	}
}
