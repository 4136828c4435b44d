package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxSmoke runs the real binary in a tmux terminal of 80x24 on a shipped
// capture, navigates, filters, opens the help and quits, reading the screen text
// after each step.
func TestTmuxSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the tmux smoke test (it builds the binary)")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed (apt-get install tmux): skipping the end-to-end terminal test")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build nldump with")
	}
	bin := filepath.Join(t.TempDir(), "nldump")
	if out, err := exec.Command(goBin, "build", "-o", bin, "../cmd/nldump").CombinedOutput(); err != nil {
		t.Fatalf("building nldump: %v\n%s", err, out)
	}
	pcap, err := filepath.Abs(capturePath("errors.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	sock := fmt.Sprintf("nldump-test-%d", os.Getpid())
	tm := func(args ...string) (string, error) {
		out, err := exec.Command(tmux, append([]string{"-L", sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
		return string(out), err
	}
	t.Cleanup(func() { tm("kill-server") })
	cmd := fmt.Sprintf("env NO_COLOR=1 TERM=xterm-256color %s --tui -r %s", bin, pcap)
	if out, err := tm("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", cmd); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	screenText := func() string {
		out, _ := tm("capture-pane", "-t", "t", "-p")
		return out
	}
	waitFor := func(step string, want ...string) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			s := screenText()
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(s, w)
			}
			if ok {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: screen lacks %q:\n%s", step, want, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	keys := func(k ...string) {
		t.Helper()
		if out, err := tm(append([]string{"send-keys", "-t", "t"}, k...)...); err != nil {
			t.Fatalf("send-keys %q: %v\n%s", k, err, out)
		}
	}
	literal := func(s string) {
		t.Helper()
		if out, err := tm("send-keys", "-t", "t", "-l", s); err != nil {
			t.Fatalf("send-keys -l %q: %v\n%s", s, err, out)
		}
	}

	s := waitFor("start", "errors.pcap", "163 msgs", "RTM_NEWLINK", "Message 1.1", "Bytes 0x0000")
	if n := len(strings.Split(strings.TrimRight(s, "\n"), "\n")); n > 24 {
		t.Errorf("screen has %d lines", n)
	}
	keys("e")
	waitFor("next error", "Message 2.1: NLMSG_ERROR (error)", "2/163")
	keys("p") // from its only answer, p goes back to the request
	waitFor("pairing", "1/163")
	keys("4", "G")
	waitFor("4G", "Message 4.1: RTM_NEWLINK (reply)")
	keys("Tab", "j", "j", "j")
	waitFor("tree", "nlmsg_flags · nlmsg.flags · u16")
	keys("/")
	literal("nlmsg.type ==")
	waitFor("filter error while typing", "column 12")
	literal(" NLMSG_ERROR")
	keys("Enter")
	waitFor("filter", " of 163 match", "filter: ")
	keys("?")
	waitFor("help", "nldump keys", "next pane", "to reply/ack")
	keys("Escape")
	waitFor("help closed", "Message")
	keys("q")
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := tm("has-session", "-t", "t"); err != nil {
			break // the program quit and its session ended
		}
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit:\n%s", screenText())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
