package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/genlmap"
	"github.com/nldump/nldump/capture/owner"
)

// TestLiveMapAndProcessVM runs `nldump -i auto -w FILE.pcapng -c 12` while
// `ip link add/del dummy0` run three times, then reads the file back: the
// family map comes first, every captured frame names its process, the ip runs'
// frames name ip[PID] with the pid exec reported, and `nldump -r` shows them.
// It needs root and a kernel with nlmon: run it in the VM (scripts/vm/README.md):
//
//	CGO_ENABLED=0 go test -c -o /tmp/nldump.test ./cmd/nldump
//	scripts/vm/run.sh --test /tmp/nldump.test -test.v -test.run VM
func TestLiveMapAndProcessVM(t *testing.T) {
	if _, err := os.Stat("/sys/class/net/nlmon0"); err != nil {
		t.Skip("no nlmon0 (run in the VM: scripts/vm/run.sh --test)")
	}
	ip, err := exec.LookPath("ip")
	if err != nil {
		t.Skip("no ip command")
	}
	path := filepath.Join(t.TempDir(), "live.pcapng")
	var stderr bytes.Buffer
	rc := make(chan int)
	go func() {
		rc <- run([]string{"-i", "nlmon0", "--proto", "route", "-w", path, "-c", "12"}, nil, io.Discard, &stderr)
	}()
	time.Sleep(500 * time.Millisecond) // the capture is open
	var pids, all []int
	for i := 0; i < 3; i++ {
		for _, args := range [][]string{{"link", "add", "dummy0", "type", "dummy"}, {"link", "del", "dummy0"}} {
			cmd := exec.Command(ip, args...)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("ip %v: %v: %s", args, err, b)
			}
			if args[1] == "add" {
				pids = append(pids, cmd.Process.Pid)
			}
			all = append(all, cmd.Process.Pid)
		}
	}
	select {
	case code := <-rc:
		if code != 0 {
			t.Fatalf("nldump -i: exit %d: %s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("nldump -i did not stop after -c 12: %s", stderr.String())
	}
	t.Logf("stderr: %s", stderr.String())

	src, err := capture.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var comments []string
	for {
		f, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		comments = append(comments, f.Comment)
	}
	// --proto route: no family map.
	if len(comments) == 0 || genlmap.IsMapFrame(&capture.Frame{Comment: comments[0]}) {
		t.Fatalf("frames %q", comments)
	}
	byPid := map[int]int{}
	for i, c := range comments {
		p, port, ok := owner.ParseComment(c)
		if !ok {
			t.Errorf("frame %d: comment %q", i+1, c)
			continue
		}
		if p.Known() {
			byPid[p.PID]++
			// ip's first socket has its pid as port id; `ip link del` looks
			// the link up on a second one, with another port id.
			if p.Comm != "ip" || !slices.Contains(all, p.PID) || port == 0 {
				t.Errorf("frame %d: %q, want one of the ip runs %v", i+1, c, all)
			}
		}
	}
	found := 0
	for _, pid := range pids {
		if byPid[pid] > 0 {
			found++
		}
	}
	// Under TCG emulation an ip run may exit before the capture reads its
	// first frame (capture/owner's VM test measures the rate over 40 runs).
	if found == 0 {
		t.Errorf("none of the 3 ip link add runs %v found in %q", pids, comments)
	}
	out := runNldump(t, "-r", path)
	shown := false
	for _, pid := range all {
		shown = shown || strings.Contains(out, " ip["+strconv.Itoa(pid)+"] ")
	}
	if !shown {
		t.Errorf("nldump -r does not show ip[PID]:\n%s", out)
	}
	t.Logf("nldump -r:\n%s", out)
}

// TestLiveFamilyMapVM: `nldump -i nlmon0 -w FILE.pcapng` of generic netlink
// starts the file with the family map, and the controller's reply frames name
// every family the kernel has.
func TestLiveFamilyMapVM(t *testing.T) {
	if _, err := os.Stat("/sys/class/net/nlmon0"); err != nil {
		t.Skip("no nlmon0 (run in the VM: scripts/vm/run.sh --test)")
	}
	path := filepath.Join(t.TempDir(), "genl.pcapng")
	var stderr bytes.Buffer
	rc := make(chan int)
	go func() {
		rc <- run([]string{"-i", "nlmon0", "--proto", "generic", "-w", path, "-c", "2"}, nil, io.Discard, &stderr)
	}()
	time.Sleep(500 * time.Millisecond)
	// ethtool (netlink) asks the controller for its family, then the kernel.
	if b, err := exec.Command("genl", "ctrl", "get", "name", "nlctrl").CombinedOutput(); err != nil {
		t.Skipf("genl: %v %s", err, b)
	}
	select {
	case code := <-rc:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("no stop: %s", stderr.String())
	}
	out := runNldump(t, "-r", path, "-t", "n")
	if !strings.Contains(out, "nlctrl GETFAMILY") || !strings.Contains(out, mapNote) || !strings.Contains(out, "NLMSG_DONE") ||
		!strings.Contains(out, "nlctrl id 16") {
		t.Errorf("no family map:\n%s", out)
	}
	// The genl command's frames name it, or "?" if it exited first.
	if !strings.Contains(out, " genl[") && !strings.Contains(out, "pid=0 ? len=") {
		t.Errorf("the genl command's frames name no process:\n%s", out)
	}
	t.Logf("stderr: %s\n%s", stderr.String(), out)
}
