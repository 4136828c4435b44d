package owner

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// newResolver returns a resolver, or skips when the kernel has no netlink socket
// diagnostics.
func newResolver(t *testing.T) *Resolver {
	t.Helper()
	r, err := NewResolver()
	if errors.Is(err, errNoNetlinkDiag) || errors.Is(err, unix.EPROTONOSUPPORT) || errors.Is(err, unix.EPERM) {
		t.Skipf("cannot dump netlink sockets here: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// openNetlink opens and binds a netlink socket of proto and returns its port id.
func openNetlink(t *testing.T, proto int) uint32 {
	t.Helper()
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, proto)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unix.Close(fd) })
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		t.Fatal(err)
	}
	sa, err := unix.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	return sa.(*unix.SockaddrNetlink).Pid
}

func selfComm(t *testing.T) string {
	b, err := os.ReadFile("/proc/self/comm")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// TestResolveOwnSockets opens netlink sockets in the test process after the
// resolver started (so a lookup must dump and scan again) and resolves their
// port ids to this process.
func TestResolveOwnSockets(t *testing.T) {
	r := newResolver(t)
	comm := selfComm(t)
	for _, proto := range []int{unix.NETLINK_ROUTE, unix.NETLINK_GENERIC, unix.NETLINK_ROUTE} {
		port := openNetlink(t, proto)
		time.Sleep(MinScanInterval) // let the rate limit pass: a port never seen must be found
		p, ok := r.Lookup(uint16(proto), port)
		if !ok || p.PID != os.Getpid() || p.Comm != comm {
			t.Errorf("Lookup(%d, %d) = %+v, %v; want pid %d comm %q", proto, port, p, ok, os.Getpid(), comm)
		}
	}
	if p, ok := r.Lookup(unix.NETLINK_SOCK_DIAG, r.Port()); !ok || p.PID != os.Getpid() {
		t.Errorf("the resolver's own port: %+v, %v", p, ok)
	}
	if _, ok := r.Lookup(unix.NETLINK_ROUTE, 0); ok {
		t.Error("port 0 (the kernel) resolved to a process")
	}
	st := r.Stats()
	t.Logf("stats %+v", st)
	if st.Dumps < 2 || st.Found < 4 {
		t.Errorf("stats %+v: want a dump per new port and 4 found", st)
	}
}

// TestResolvePrefetchKeepsGoneSocket: a socket learned by Prefetch is still
// resolved after it is closed (its process may exit before its answer is read).
func TestResolvePrefetchKeepsGoneSocket(t *testing.T) {
	r := newResolver(t)
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
	if err != nil {
		t.Fatal(err)
	}
	unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK})
	sa, _ := unix.Getsockname(fd)
	port := sa.(*unix.SockaddrNetlink).Pid
	time.Sleep(MinScanInterval)
	r.Prefetch(unix.NETLINK_ROUTE, time.Now())
	unix.Close(fd)
	p, ok := r.Lookup(unix.NETLINK_ROUTE, port)
	if !ok || p.PID != os.Getpid() {
		t.Errorf("closed socket's port %d: %+v, %v; want this process", port, p, ok)
	}
	// A port no socket ever had is unknown, not guessed.
	if p, ok := r.Lookup(unix.NETLINK_ROUTE, 0x7ffffff0); ok {
		t.Errorf("made-up port resolved to %+v", p)
	}
}
