package capture

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// These tests open packet sockets, so they need root (or CAP_NET_RAW and
// CAP_NET_ADMIN); they run on lo, which every host has, and need no nlmon.

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root (packet sockets, rtnetlink changes)")
	}
}

// loIndex returns lo's interface index.
func loIndex(t *testing.T) int {
	t.Helper()
	lo, err := net.InterfaceByName("lo")
	if err != nil {
		t.Skip("no lo:", err)
	}
	return lo.Index
}

// sendUDP sends n UDP datagrams holding payload over lo to a socket of its own
// (a closed port would answer with ICMP errors that fail later sends).
func sendUDP(t *testing.T, n int, payload []byte) {
	t.Helper()
	ln, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c, err := net.DialUDP("udp4", nil, ln.LocalAddr().(*net.UDPAddr))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for range n {
		if _, err := c.Write(payload); err != nil {
			t.Fatal(err)
		}
	}
}

// nextWithin runs src.Next with a deadline: Stop after d.
func nextMatching(t *testing.T, l *Live, d time.Duration, match func(*Frame) bool) (Frame, bool) {
	t.Helper()
	timer := time.AfterFunc(d, l.Stop)
	defer timer.Stop()
	for {
		fr, err := l.Next()
		if err == io.EOF {
			return Frame{}, false
		}
		if err != nil {
			t.Fatal(err)
		}
		if match(&fr) {
			return fr, true
		}
	}
}

// TestLiveLoopback captures a UDP datagram on lo and checks what the socket
// reports: the EtherType as Protocol (where nlmon puts the netlink protocol), the
// ARPHRD type, a kernel timestamp, and a Data slice of its own per frame.
func TestLiveLoopback(t *testing.T) {
	needRoot(t)
	l, err := openPacket("lo", loIndex(t), LiveConfig{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	marker := []byte("nldump-live-test-" + time.Now().Format(time.RFC3339Nano))
	before := time.Now()
	sendUDP(t, 2, marker)
	first, ok := nextMatching(t, l, 5*time.Second, func(f *Frame) bool { return bytes.Contains(f.Data, marker) })
	if !ok {
		t.Fatal("the datagram never arrived")
	}
	second, ok := nextMatching(t, l, 5*time.Second, func(f *Frame) bool { return bytes.Contains(f.Data, marker) })
	if !ok {
		t.Fatal("the second datagram never arrived")
	}
	if first.Protocol != unix.ETH_P_IP {
		t.Errorf("Protocol = %#x, want ETH_P_IP %#x (sll_protocol in host order)", first.Protocol, unix.ETH_P_IP)
	}
	if first.ARPHRD != unix.ARPHRD_LOOPBACK {
		t.Errorf("ARPHRD = %d, want %d", first.ARPHRD, unix.ARPHRD_LOOPBACK)
	}
	if first.PacketType != unix.PACKET_OUTGOING && first.PacketType != unix.PACKET_HOST {
		t.Errorf("PacketType = %d, want PACKET_OUTGOING or PACKET_HOST", first.PacketType)
	}
	// lo frames: 14-byte Ethernet header, 20-byte IPv4, 8-byte UDP, payload.
	if want := 14 + 20 + 8 + len(marker); first.Length != want || len(first.Data) != want {
		t.Errorf("Length %d, len(Data) %d, want %d", first.Length, len(first.Data), want)
	}
	if d := first.Time.Sub(before); d < -time.Second || d > 5*time.Second {
		t.Errorf("Time %v is %v after the send: not a kernel timestamp of now", first.Time, d)
	}
	if second.Number <= first.Number {
		t.Errorf("frame numbers %d then %d", first.Number, second.Number)
	}
	if &first.Data[0] == &second.Data[0] {
		t.Error("two frames share their Data")
	}
	if !bytes.Contains(first.Data, marker) {
		t.Error("the first frame's Data was overwritten by the second")
	}
	if got := l.BufferSize(); got != DefaultBufferSize {
		t.Errorf("BufferSize() = %d, want %d (SO_RCVBUFFORCE as root)", got, DefaultBufferSize)
	}
	st := l.Stats()
	if !st.Live || st.Frames < 2 || st.Dropped != 0 {
		t.Errorf("Stats = %+v", st)
	}
	if l.LinkType() != LinkTypeNetlink {
		t.Errorf("LinkType = %v", l.LinkType())
	}
}

// TestLiveDrops fills a tiny receive buffer without reading and checks that
// Stats counts the kernel's drops, accumulating across reads of
// PACKET_STATISTICS (which resets).
func TestLiveDrops(t *testing.T) {
	needRoot(t)
	l, err := openPacket("lo", loIndex(t), LiveConfig{BufferSize: 1}) // the kernel's minimum
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	sendUDP(t, 300, make([]byte, 1000))
	if got := l.BufferSize(); got <= 0 || got > 64<<10 {
		t.Errorf("BufferSize() = %d after asking for 1 byte: want the kernel's small minimum", got)
	}
	d1 := l.Stats().Dropped
	if d1 == 0 {
		t.Fatal("no drops counted after 300 datagrams into a minimal buffer")
	}
	sendUDP(t, 300, make([]byte, 1000))
	d2 := l.Stats().Dropped
	if d2 <= d1 {
		t.Errorf("drops %d then %d: not accumulated", d1, d2)
	}
	l.Close()
	if d3 := l.Stats().Dropped; d3 < d2 {
		t.Errorf("after Close, Dropped = %d, want >= %d", d3, d2)
	}
	if _, err := l.Next(); err != io.EOF {
		t.Errorf("Next after Close = %v, want io.EOF", err)
	}
}

// TestLiveStop checks that Stop wakes a Next waiting for a frame, which then
// returns io.EOF, and that Close from another goroutine does too.
func TestLiveStop(t *testing.T) {
	needRoot(t)
	// A filter that keeps nothing on lo (no frame has EtherType 0xfffe) makes
	// Next wait.
	for _, how := range []string{"Stop", "Close"} {
		t.Run(how, func(t *testing.T) {
			l, err := openPacket("lo", loIndex(t), LiveConfig{Protocols: []uint16{0xfffe}})
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			time.AfterFunc(200*time.Millisecond, func() {
				if how == "Stop" {
					l.Stop()
				} else {
					l.Close()
				}
			})
			start := time.Now()
			_, err = l.Next()
			if err != io.EOF {
				t.Errorf("Next = %v, want io.EOF", err)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("Next returned after %v", d)
			}
			if _, err := l.Next(); err != io.EOF {
				t.Errorf("second Next = %v, want io.EOF", err)
			}
		})
	}
}

// TestLiveProtocolFilter attaches the protocol filter in the kernel: a filter for
// IPv6 only lets no IPv4 datagram through, one for IPv4 does.
func TestLiveProtocolFilter(t *testing.T) {
	needRoot(t)
	for _, tc := range []struct {
		protos []uint16
		want   bool
	}{
		{[]uint16{unix.ETH_P_IPV6}, false},
		{[]uint16{unix.ETH_P_IPV6, unix.ETH_P_IP}, true},
	} {
		l, err := openPacket("lo", loIndex(t), LiveConfig{Protocols: tc.protos})
		if err != nil {
			t.Fatal(err)
		}
		marker := []byte("nldump-filter-test-" + time.Now().Format(time.RFC3339Nano))
		sendUDP(t, 1, marker)
		fr, got := nextMatching(t, l, time.Second, func(f *Frame) bool { return bytes.Contains(f.Data, marker) })
		if got != tc.want {
			t.Errorf("filter %#x: IPv4 datagram seen = %v, want %v", tc.protos, got, tc.want)
		}
		if got && fr.Protocol != unix.ETH_P_IP {
			t.Errorf("filter %#x let protocol %#x through", tc.protos, fr.Protocol)
		}
		l.Close()
	}
}

// TestOpenLiveErrors checks the errors for an interface that is not nlmon (lo),
// one that does not exist, and, on a kernel without nlmon, CreateNlmon's.
func TestOpenLiveErrors(t *testing.T) {
	needRoot(t)
	_, err := OpenLive(LiveConfig{Interface: "lo"})
	if !errors.Is(err, ErrNotNlmon) {
		t.Fatalf("OpenLive(lo) = %v, want ErrNotNlmon", err)
	}
	if want := "lo: not an nlmon interface: its link type is 772 (LOOPBACK), not 824 (NETLINK); "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q\nwant prefix %q", err, want)
	}
	_, err = OpenLive(LiveConfig{Interface: "nosuch0nldump"})
	if !errors.Is(err, ErrNoInterface) || !strings.HasPrefix(err.Error(), "nosuch0nldump: no such interface; ") {
		t.Errorf("OpenLive(nosuch0nldump) = %v, want ErrNoInterface", err)
	}
	names, err := NlmonInterfaces()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 && !strings.Contains(err2string(OpenLive(LiveConfig{Interface: "nosuch0nldump"})), "ip link add nlmon0 type nlmon") {
		t.Error("with no nlmon interface, the hint does not say how to create one")
	}
}

func err2string(_ *Live, err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestCreateNlmonUnsupported runs where the kernel has no nlmon (like the CI
// host): creating one fails with EOPNOTSUPP, the kernel's extended-ACK text and
// the modprobe hint. Where nlmon exists it creates and deletes one instead.
func TestCreateNlmonUnsupported(t *testing.T) {
	needRoot(t)
	n, err := CreateNlmon("nldumptest0")
	if err == nil {
		t.Logf("this kernel has nlmon: created %s (index %d)", n.Name, n.Index)
		if names, _ := NlmonInterfaces(); !contains(names, n.Name) {
			t.Errorf("NlmonInterfaces() = %v, without %s", names, n.Name)
		}
		if err := n.Delete(); err != nil {
			t.Fatal(err)
		}
		if names, _ := NlmonInterfaces(); contains(names, n.Name) {
			t.Errorf("%s still there after Delete", n.Name)
		}
		if err := n.Delete(); err != nil {
			t.Errorf("second Delete = %v, want nil (already gone)", err)
		}
		return
	}
	if !errors.Is(err, ErrNoNlmonSupport) || !errors.Is(err, unix.EOPNOTSUPP) {
		t.Fatalf("CreateNlmon = %v, want ErrNoNlmonSupport and EOPNOTSUPP", err)
	}
	want := `nldumptest0: cannot create the nlmon interface: operation not supported (kernel: "Unknown device type"); this kernel has no nlmon support; load the module with modprobe nlmon (the kernel needs CONFIG_NLMON=m or =y)`
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestLiveAllocs checks the hot path: one allocation per frame, its Data.
func TestLiveAllocs(t *testing.T) {
	needRoot(t)
	l, err := openPacket("lo", loIndex(t), LiveConfig{Protocols: []uint16{unix.ETH_P_IP}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	const n = 50
	sendUDP(t, 3*n, []byte("nldump-alloc-test")) // queued before reading: Next never waits
	l.Next()                                     // warm up
	allocs := testing.AllocsPerRun(n, func() {
		if _, err := l.Next(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 1 {
		t.Errorf("%.1f allocations per frame, want 1 (its Data)", allocs)
	}
}

// TestHtons checks the conversion to and from network order on this host.
func TestHtons(t *testing.T) {
	v := htons(unix.ETH_P_ALL) // 0x0003
	b := (*[2]byte)(unsafe.Pointer(&v))
	if b[0] != 0x00 || b[1] != 0x03 {
		t.Errorf("htons(ETH_P_ALL) is stored as % x, want 00 03", b[:])
	}
	if htons(v) != unix.ETH_P_ALL {
		t.Errorf("htons(htons(x)) = %#x", htons(v))
	}
}

// TestLiveStopDrains checks that Stop leaves no captured frame unread: the
// frames queued before it come out, however many, and then io.EOF, while frames
// arriving after it prolong the capture by stopSlack at most; a second Stop ends
// it at once.
func TestLiveStopDrains(t *testing.T) {
	needRoot(t)
	open := func() *Live {
		l, err := openPacket("lo", loIndex(t), LiveConfig{Protocols: []uint16{unix.ETH_P_IP}})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	before := []byte("nldump-before-stop")
	after := []byte("nldump-after-stop")

	l := open()
	defer l.Close()
	// The kernel turns timestamping on a moment after the socket asks for it
	// (a work item); frames before that are stamped when read.
	time.Sleep(50 * time.Millisecond)
	const n = 500
	sendUDP(t, n, before)
	time.Sleep(10 * time.Millisecond)
	l.Stop()
	time.Sleep(2 * stopSlack)
	sendUDP(t, 10, after)
	got := 0
	for {
		fr, err := l.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(fr.Data, after) {
			t.Fatal("a frame sent after Stop came out")
		}
		if bytes.Contains(fr.Data, before) {
			got++
		}
	}
	// lo shows each datagram twice (outgoing and incoming).
	if got < n {
		t.Errorf("%d frames of the %d datagrams sent before Stop came out", got, n)
	}

	l2 := open()
	defer l2.Close()
	sendUDP(t, n, before)
	l2.Stop()
	l2.Stop()
	if _, err := l2.Next(); err != io.EOF {
		t.Errorf("Next after two Stops = %v, want io.EOF at once", err)
	}
}
