package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
)

// The tests in this file run nldump -i on a real kernel with nlmon, as root: in
// the qemu VM of scripts/vm (scripts/vm/e2e.sh builds this package's test binary
// statically and runs it there with NLDUMP_VM=1). Elsewhere they skip. The VM's
// init script has made nlmon0, which nldump must leave alone; nldump -i auto
// creates nlmon1.

// The gates: an environment variable, or a flag for scripts/vm/run.sh, which
// passes arguments but no environment into the VM.
var (
	vmFlag     = flag.Bool("nldump.vm", false, "run TestLiveVM (as NLDUMP_VM=1 does)")
	vmLoadFlag = flag.Bool("nldump.vm-load", false, "run TestLiveVMLoad (as NLDUMP_VM_LOAD=1 does)")
	vmRoutes   = flag.Int("nldump.vm-routes", 100000, "routes TestLiveVMLoad adds")
)

// needVM skips the test outside the VM.
func needVM(t *testing.T, env string, set bool) {
	t.Helper()
	if os.Getenv(env) != "1" && !set {
		t.Skipf("runs as root on a kernel with nlmon: scripts/vm/e2e.sh (sets %s=1)", env)
	}
}

// liveProc is an nldump -i process started by a test.
type liveProc struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer
	mu     sync.Mutex
	stderr bytes.Buffer
	iface  string        // from "listening on IFACE"
	ready  chan struct{} // closed on the "listening on" line
	done   chan error    // the exit of the process
}

var listening = regexp.MustCompile(`listening on ([^\s,]+)`)

// startLive starts nldump with args and waits until it listens (Go start-up in
// the emulated VM takes seconds).
func startLive(t *testing.T, args ...string) *liveProc {
	t.Helper()
	p := &liveProc{cmd: exec.Command("nldump", args...), ready: make(chan struct{}), done: make(chan error, 1)}
	p.cmd.Stdout = &p.stdout
	errPipe, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.stderr.WriteString(line + "\n")
			if m := listening.FindStringSubmatch(line); m != nil && p.iface == "" {
				p.iface = m[1]
				close(p.ready)
			}
			p.mu.Unlock()
		}
		p.done <- p.cmd.Wait()
	}()
	select {
	case <-p.ready:
		t.Logf("nldump %s: listening on %s after %v", strings.Join(args, " "), p.iface, time.Since(start).Round(time.Millisecond))
	case err := <-p.done:
		t.Fatalf("nldump %s ended before listening: %v\n%s", strings.Join(args, " "), err, p.errText())
	case <-time.After(90 * time.Second):
		p.cmd.Process.Kill()
		t.Fatalf("nldump %s: not listening after 90 s\n%s", strings.Join(args, " "), p.errText())
	}
	return p
}

func (p *liveProc) errText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

// wait waits for the process to end and returns its exit status.
func (p *liveProc) wait(t *testing.T) int {
	t.Helper()
	select {
	case err := <-p.done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(90 * time.Second):
		p.cmd.Process.Kill()
		t.Fatalf("nldump did not end within 90 s\n%s", p.errText())
	}
	return -1
}

// stop sends sig and waits; nldump must end with status 0.
func (p *liveProc) stop(t *testing.T, sig os.Signal) {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	if rc := p.wait(t); rc != 0 {
		t.Fatalf("nldump exited %d after %v\n%s", rc, sig, p.errText())
	}
}

// sh runs a command; fail says whether it is expected to fail.
func sh(t *testing.T, fail bool, name string, args ...string) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if (err != nil) != fail {
		t.Fatalf("%s %s: %v (want failure: %v)\n%s", name, strings.Join(args, " "), err, fail, out)
	}
}

// linkState returns an interface's index and whether it is up, or 0.
func linkState(name string) (int, bool) {
	ifi, err := net.InterfaceByName(name)
	if err != nil {
		return 0, false
	}
	return ifi.Index, ifi.Flags&net.FlagUp != 0
}

// checkGone fails if nldump left its interface behind.
func checkGone(t *testing.T, iface string) {
	t.Helper()
	if idx, _ := linkState(iface); idx != 0 {
		t.Errorf("%s (created by nldump) still exists after nldump ended", iface)
	}
}

// checkNlmon0 fails if nlmon0, made by the VM's init, changed.
func checkNlmon0(t *testing.T, index int) {
	t.Helper()
	if idx, up := linkState("nlmon0"); idx != index || !up {
		t.Errorf("nlmon0 (not nldump's) changed: index %d up %v, want index %d up", idx, up, index)
	}
}

// decoded is one message of a capture file as the tests look at it.
type decoded struct {
	frame             int
	typ, dir, summary string
	errno             int32
	request           string // the request type an NLMSG_ERROR answers
	malformed         bool
}

// decodeFile decodes every message of a capture file, with summaries.
func decodeFile(t *testing.T, path string) []decoded { return decodeFileSum(t, path, true) }

// decodeFileSum decodes every message of a capture file; summaries cost time in
// the emulated VM, so the load test goes without.
func decodeFileSum(t *testing.T, path string, summaries bool) []decoded {
	t.Helper()
	src, err := capture.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dec := decode.NewDecoder()
	var out []decoded
	for {
		fr, err := src.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range dec.DecodeFrame(&fr, nil) {
			d := decoded{frame: fr.Number, typ: m.TypeName, dir: m.Direction.String(), malformed: m.Malformed}
			if summaries {
				d.summary = m.Summary()
			}
			if m.Error != nil {
				d.errno, d.request = m.Error.Errno, m.Error.RequestType
			}
			out = append(out, d)
		}
	}
}

// runCLI runs nldump in this process and returns its status, stdout and stderr.
func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	rc := run(args, strings.NewReader(""), &out, &errb)
	return rc, out.String(), errb.String()
}

// TestLiveVM is the end-to-end test of live capture: nldump -i auto creates
// nlmon1, captures rtnetlink and generic netlink traffic made by iproute2 while
// printing it and writing it, stops on SIGINT, removes nlmon1 and leaves nlmon0
// alone; the file decodes to the same text as the live output and holds every
// expected message.
func TestLiveVM(t *testing.T) {
	needVM(t, "NLDUMP_VM", *vmFlag)
	idx0, up0 := linkState("nlmon0")
	if idx0 == 0 || !up0 {
		t.Fatal("the VM has no nlmon0 up")
	}
	dir := t.TempDir()
	// pcapng keeps what a live capture adds to frames (comments), so that the
	// file decodes to the very text printed live.
	pcap := filepath.Join(dir, "live.pcapng")

	t.Run("SIGINT", func(t *testing.T) {
		p := startLive(t, "-i", "auto", "-w", pcap, "--print", "-t", "n")
		if p.iface != "nlmon1" {
			t.Errorf("-i auto with nlmon0 taken made %q, want nlmon1", p.iface)
		}
		if idx, up := linkState(p.iface); idx == 0 || !up {
			t.Fatalf("%s is not there and up while nldump runs", p.iface)
		}
		sh(t, false, "ip", "link", "add", "dummy0", "type", "dummy")
		sh(t, false, "ip", "link", "del", "dummy0")
		sh(t, false, "ip", "route", "show", "table", "all")
		sh(t, true, "ip", "link", "set", "nosuchdev", "up")
		sh(t, false, "genl", "ctrl", "list")
		p.stop(t, syscall.SIGINT)
		checkGone(t, p.iface)
		checkNlmon0(t, idx0)
		stderr := p.errText()
		t.Logf("stderr:\n%s", stderr)
		if !strings.Contains(stderr, ", 0 frames dropped by kernel") {
			t.Errorf("end summary without ', 0 frames dropped by kernel':\n%s", stderr)
		}
		if !regexp.MustCompile(`\d+ frames written to `).MatchString(stderr) {
			t.Errorf("end summary without the frames written:\n%s", stderr)
		}

		msgs := decodeFile(t, pcap)
		want := []struct {
			what string
			ok   func(d decoded) bool
		}{
			{"RTM_NEWLINK request for dummy0", func(d decoded) bool {
				return d.typ == "RTM_NEWLINK" && d.dir == "request" && strings.Contains(d.summary, "dummy0")
			}},
			{"RTM_DELLINK request", func(d decoded) bool { return d.typ == "RTM_DELLINK" && d.dir == "request" }},
			{"RTM_GETROUTE dump request", func(d decoded) bool { return d.typ == "RTM_GETROUTE" && d.dir == "request" }},
			{"RTM_NEWROUTE dump reply", func(d decoded) bool { return d.typ == "RTM_NEWROUTE" && d.dir == "reply" }},
			{"NLMSG_DONE", func(d decoded) bool { return d.typ == "NLMSG_DONE" }},
			{"NLMSG_ERROR ENODEV for RTM_NEWLINK", func(d decoded) bool {
				return d.typ == "NLMSG_ERROR" && d.errno == -int32(syscall.ENODEV) && strings.Contains(d.summary, "RTM_NEWLINK")
			}},
			{"nlctrl GETFAMILY dump request", func(d decoded) bool { return strings.Contains(d.typ, "GETFAMILY") && d.dir == "request" }},
			{"nlctrl NEWFAMILY reply", func(d decoded) bool {
				return strings.Contains(d.typ, "NEWFAMILY") && strings.Contains(d.summary, "nlctrl")
			}},
		}
		for _, w := range want {
			found := false
			for _, d := range msgs {
				if w.ok(d) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("no %s in the capture", w.what)
			}
		}
		for _, d := range msgs {
			if d.malformed {
				t.Errorf("frame %d: malformed %s: %s", d.frame, d.typ, d.summary)
			}
		}
		t.Logf("%d messages captured", len(msgs))
		// Each frame names its process (capture/owner): ip's RTM_NEWLINK
		// request, sent with port id 0, names ip[PID] once its ACK names the
		// port, or "?" when ip exited before the port was looked up (possible
		// under TCG; capture/owner's VM test measures how often).
		if live := p.stdout.String(); !regexp.MustCompile(`RTM_NEWLINK .*seq=\d+ pid=0 (ip\[\d+\]|\?) len=\d+ dev dummy0`).MatchString(live) {
			t.Errorf("the RTM_NEWLINK request for dummy0 names no process (ip[PID] or ?):\n%s", live)
		} else if !strings.Contains(live, " ip[") {
			t.Logf("no frame attributed to ip (it exited first every time):\n%s", live)
		}

		// The file decodes exactly as the live capture printed it.
		rc, fromFile, errText := runCLI("-r", pcap, "-t", "n")
		if rc != 0 {
			t.Fatalf("nldump -r %s: status %d\n%s", pcap, rc, errText)
		}
		if live := p.stdout.String(); live != fromFile {
			t.Errorf("live output and nldump -r of the written file differ\nlive:\n%s\nfile:\n%s", live, fromFile)
		}
	})

	t.Run("SIGTERM", func(t *testing.T) {
		p := startLive(t, "-i", "auto", "-q")
		sh(t, false, "ip", "link", "show")
		p.stop(t, syscall.SIGTERM)
		checkGone(t, p.iface)
		checkNlmon0(t, idx0)
		if !regexp.MustCompile(`[1-9]\d* frames?, [1-9]\d* messages?, 0 frames dropped by kernel`).MatchString(p.errText()) {
			t.Errorf("end summary:\n%s", p.errText())
		}
	})

	t.Run("count", func(t *testing.T) {
		p := startLive(t, "-i", "auto", "-c", "3", "-t", "n")
		sh(t, false, "ip", "link", "show")
		sh(t, false, "ip", "addr", "show")
		if rc := p.wait(t); rc != 0 {
			t.Fatalf("status %d\n%s", rc, p.errText())
		}
		checkGone(t, p.iface)
		n := 0
		for _, line := range strings.Split(strings.TrimSuffix(p.stdout.String(), "\n"), "\n") {
			if !strings.Contains(line, "[family map at capture start]") { // not traffic (owner_live.go)
				n++
			}
		}
		if n != 3 {
			t.Errorf("-c 3 printed %d lines:\n%s", n, p.stdout.String())
		}
	})

	t.Run("pipe", func(t *testing.T) {
		// nldump -i auto -l | head -1: once the reader is gone, the next write
		// fails and nldump ends (instead of capturing for nobody) and removes
		// its interface.
		pipeline := exec.Command("bash", "-c", "nldump -i auto -l -t n --proto route 2>/tmp/pipe.err | head -1 >/tmp/pipe.out")
		start := time.Now()
		if err := pipeline.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := start.Add(60 * time.Second)
		for {
			b, _ := os.ReadFile("/tmp/pipe.err")
			if strings.Contains(string(b), "listening on") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("not listening:\n%s", b)
			}
			time.Sleep(50 * time.Millisecond)
		}
		for range 5 { // head takes the first line and leaves; later writes fail
			exec.Command("ip", "link", "show").Run()
			time.Sleep(100 * time.Millisecond)
		}
		done := make(chan error, 1)
		go func() { done <- pipeline.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				b, _ := os.ReadFile("/tmp/pipe.err")
				t.Errorf("nldump | head: %v\n%s", err, b)
			}
		case <-time.After(60 * time.Second):
			pipeline.Process.Kill()
			t.Fatal("nldump kept running after head left")
		}
		if b, _ := os.ReadFile("/tmp/pipe.out"); strings.Count(string(b), "\n") != 1 {
			t.Errorf("head printed %q", b)
		}
		checkGone(t, "nlmon1")
	})

	t.Run("existing", func(t *testing.T) {
		// On nlmon0, which nldump did not create: it must stay after nldump ends,
		// and --proto generic keeps only generic netlink frames.
		p := startLive(t, "-i", "nlmon0", "-c", "1", "--proto", "generic", "-t", "n")
		sh(t, false, "ip", "link", "show")
		sh(t, false, "genl", "ctrl", "list")
		if rc := p.wait(t); rc != 0 {
			t.Fatalf("status %d\n%s", rc, p.errText())
		}
		if out := p.stdout.String(); !strings.Contains(out, "generic") || strings.Contains(out, " route ") {
			t.Errorf("--proto generic printed:\n%s", out)
		}
		checkNlmon0(t, idx0)
	})

	t.Run("errors", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"-i", "lo"}, "nldump: lo: not an nlmon interface: its link type is 772 (LOOPBACK), not 824 (NETLINK); nlmon interfaces here: nlmon0; or -i auto to create one\n"},
			{[]string{"-i", "nosuch0"}, "nldump: nosuch0: no such interface; nlmon interfaces here: nlmon0; or -i auto to create one\n"},
		} {
			rc, _, stderr := runCLI(tc.args...)
			if rc != exitInput || stderr != tc.want {
				t.Errorf("nldump %s: status %d, stderr\n%s\nwant status %d, stderr\n%s", strings.Join(tc.args, " "), rc, stderr, exitInput, tc.want)
			}
		}
		// Without root: the packet socket needs CAP_NET_RAW, creating needs
		// CAP_NET_ADMIN. This binary runs as nldump when called by that name.
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct{ iface, want string }{
			{"nlmon0", "nldump: nlmon0: opening a packet socket needs CAP_NET_RAW; run as root (sudo), or give the binary the capabilities once: setcap cap_net_admin,cap_net_raw+ep $(which nldump)\n"},
			{"auto", "nldump: nlmon0: cannot create the nlmon interface: this needs CAP_NET_ADMIN; run as root (sudo), or give the binary the capabilities once: setcap cap_net_admin,cap_net_raw+ep $(which nldump)\n"},
		} {
			cmd := &exec.Cmd{Path: exe, Args: []string{"nldump", "-i", tc.iface}}
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
			var errb bytes.Buffer
			cmd.Stderr = &errb
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitInput || errb.String() != tc.want {
				t.Errorf("nldump -i %s as uid 65534: %v, stderr\n%s\nwant status %d, stderr\n%s", tc.iface, err, errb.String(), exitInput, tc.want)
			}
		}

		sh(t, false, "ip", "link", "add", "dummy9", "type", "dummy")
		defer sh(t, false, "ip", "link", "del", "dummy9")
		rc, _, stderr := runCLI("-i", "dummy9")
		if want := "nldump: dummy9: not an nlmon interface: a dummy interface, link type 1 (ETHER), not 824 (NETLINK)"; rc != exitInput || !strings.HasPrefix(stderr, want) {
			t.Errorf("nldump -i dummy9: status %d, stderr %q, want prefix %q", rc, stderr, want)
		}
		sh(t, false, "ip", "link", "add", "nlmon9", "type", "nlmon")
		defer sh(t, false, "ip", "link", "del", "nlmon9")
		rc, _, stderr = runCLI("-i", "nlmon9")
		if want := "nldump: nlmon9: the nlmon interface is down and taps nothing; bring it up with: ip link set nlmon9 up\n"; rc != exitInput || stderr != want {
			t.Errorf("nldump -i nlmon9 (down): status %d, stderr %q, want %q", rc, stderr, want)
		}
	})
}

// TestLiveVMLoad captures a burst of 100,000 route additions (ip -batch) with
// nldump -i auto -w and checks that nothing was dropped and every request and
// its ACK is in the file. NLDUMP_VM_LOAD=1 or -nldump.vm-load (scripts/vm/e2e.sh --load) runs it.
func TestLiveVMLoad(t *testing.T) {
	needVM(t, "NLDUMP_VM_LOAD", *vmLoadFlag)
	n := *vmRoutes
	dir := t.TempDir()
	pcap := filepath.Join(dir, "load.pcap")
	batch := filepath.Join(dir, "routes.batch")
	baseline := filepath.Join(dir, "baseline.batch")
	for _, f := range []struct {
		path  string
		octet int
	}{{batch, 10}, {baseline, 11}} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "route add %d.%d.%d.%d/32 dev dummy0\n", f.octet, i>>16&255, i>>8&255, i&255)
		}
		if err := os.WriteFile(f.path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sh(t, false, "ip", "link", "add", "dummy0", "type", "dummy")
	defer exec.Command("ip", "link", "del", "dummy0").Run()
	sh(t, false, "ip", "link", "set", "dummy0", "up")

	// The same burst without any capture, for comparison (nlmon0 is up but
	// nobody reads it).
	start := time.Now()
	sh(t, false, "ip", "-batch", baseline)
	t.Logf("ip -batch of %d routes without capture: %v", n, time.Since(start).Round(time.Millisecond))

	p := startLive(t, "-i", "auto", "-w", pcap, "--proto", "route")
	start = time.Now()
	sh(t, false, "ip", "-batch", batch)
	batchTime := time.Since(start)
	p.stop(t, syscall.SIGINT)
	total := time.Since(start)
	checkGone(t, p.iface)
	stderr := p.errText()
	t.Logf("ip -batch of %d routes: %v; until nldump ended: %v\n%s", n, batchTime.Round(time.Millisecond), total.Round(time.Millisecond), stderr)
	if !strings.Contains(stderr, ", 0 frames dropped by kernel") {
		t.Errorf("drops reported:\n%s", stderr)
	}

	decStart := time.Now()
	msgs := decodeFileSum(t, pcap, false)
	requests, acks, malformed := 0, 0, 0
	for _, d := range msgs {
		switch {
		case d.malformed:
			malformed++
		case d.typ == "RTM_NEWROUTE" && d.dir == "request":
			requests++
		case d.typ == "NLMSG_ERROR" && d.errno == 0 && d.request == "RTM_NEWROUTE":
			acks++
		}
	}
	t.Logf("file: %d messages, %d RTM_NEWROUTE requests, %d ACKs, %d malformed; decoded in %v",
		len(msgs), requests, acks, malformed, time.Since(decStart).Round(time.Millisecond))
	if requests != n || acks != n || malformed != 0 {
		t.Errorf("got %d requests and %d ACKs (%d malformed), want %d and %d", requests, acks, malformed, n, n)
	}
}
