package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"
)

// ptyTerm is a pseudo-terminal a test runs the terminal interface on: the
// program gets the slave side, the test reads the screen from the master.
type ptyTerm struct {
	master, slave *os.File
	mu            sync.Mutex
	out           strings.Builder
}

// openPty opens a 120x30 pseudo-terminal and starts collecting its output.
func openPty(t *testing.T) *ptyTerm {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetUint32(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 30, Col: 120}); err != nil {
		t.Fatal(err)
	}
	p := &ptyTerm{master: m, slave: s}
	go func() {
		buf := make([]byte, 4096)
		for {
			k, err := m.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:k])
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return p
}

// screen is everything written to the terminal so far, without escape codes.
func (p *ptyTerm) screen() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return ansi.Strip(p.out.String())
}

// waitFor waits until the screen shows every one of texts.
func (p *ptyTerm) waitFor(t *testing.T, d time.Duration, texts ...string) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		s := p.screen()
		missing := ""
		for _, x := range texts {
			if !strings.Contains(s, x) {
				missing = x
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q; last 2000 bytes:\n%s", missing, s[max(0, len(s)-2000):])
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestTUILiveVM runs nldump --tui -i auto on a terminal in the VM: the status
// bar names the interface it made and says live, a link added meanwhile shows
// up in the list, q quits and removes the interface, and so does SIGTERM.
func TestTUILiveVM(t *testing.T) {
	needVM(t, "NLDUMP_VM", *vmFlag)
	nlmon0, _ := linkState("nlmon0")
	for _, how := range []string{"q", "SIGTERM"} {
		t.Run(how, func(t *testing.T) {
			p := openPty(t)
			defer p.master.Close()
			cmd := exec.Command("nldump", "--tui", "-i", "auto")
			cmd.Stdin, cmd.Stdout, cmd.Stderr = p.slave, p.slave, p.slave
			cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=1")
			cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			p.slave.Close()
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			ended := false
			defer func() { // a failed test must not leave it running, nor its interface
				if !ended {
					cmd.Process.Kill()
					<-done
					exec.Command("ip", "link", "del", "nlmon1").Run()
				}
			}()

			p.waitFor(t, 60*time.Second, "nlmon1", "(live)", "dropped 0")
			p.master.Write([]byte("F")) // follow: the list keeps the newest row in view
			sh(t, false, "ip", "link", "add", "tuidummy0", "type", "dummy")
			p.waitFor(t, 30*time.Second, "RTM_NEWLINK", "tuidummy0")
			sh(t, false, "ip", "link", "del", "tuidummy0")

			if how == "q" {
				p.master.Write([]byte("q"))
			} else {
				cmd.Process.Signal(syscall.SIGTERM)
			}
			select {
			case err := <-done:
				ended = true
				if err != nil {
					t.Errorf("nldump --tui -i auto ended with %v after %s; screen:\n%s", err, how, p.screen())
				}
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("nldump --tui did not end after %s", how)
			}
			checkGone(t, "nlmon1")
			checkNlmon0(t, nlmon0)
		})
	}
}
