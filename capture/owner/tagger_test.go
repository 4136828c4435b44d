package owner

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/nldump/nldump/capture"
	"golang.org/x/sys/unix"
)

// fakeLookup owns port 100 (ip[100]), 200 (nldump[200], the capturing process)
// and knows no other port.
type fakeLookup struct{ prefetched []uint16 }

func (f *fakeLookup) Lookup(proto uint16, port uint32) (Process, bool) {
	switch port {
	case 100:
		return Process{PID: 100, Comm: "ip"}, true
	case 200:
		return Process{PID: 200, Comm: "nldump"}, true
	}
	return Process{}, false
}

func (f *fakeLookup) Prefetch(proto uint16, _ time.Time) {
	f.prefetched = append(f.prefetched, proto)
}

// frame builds a NETLINK_ROUTE frame holding one 16-byte nlmsghdr in host order.
func frame(typ, flags uint16, seq, pid uint32) capture.Frame {
	b := make([]byte, 16)
	ne := binary.NativeEndian
	ne.PutUint32(b, 16)
	ne.PutUint16(b[4:], typ)
	ne.PutUint16(b[6:], flags)
	ne.PutUint32(b[8:], seq)
	ne.PutUint32(b[12:], pid)
	return capture.Frame{Protocol: unix.NETLINK_ROUTE, Data: b, Length: 16}
}

const (
	req  = unix.NLM_F_REQUEST | unix.NLM_F_ACK
	ipC  = "nldump: process ip[100] port 100"
	unkC = "nldump: process ? port 300"
)

func TestTagger(t *testing.T) {
	t0 := time.Unix(1000, 0)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	type push struct {
		f    capture.Frame
		at   time.Time
		want []string // comments of the frames handed out by this push
	}
	for _, tc := range []struct {
		name   string
		pushes []push
		flush  []string
	}{
		{"request with port 0 waits for its ACK", []push{
			{frame(unix.RTM_NEWLINK, req, 7, 0), ms(0), nil},
			{frame(unix.RTM_NEWLINK, 0, 0, 0), ms(1), nil}, // kernel notification behind it waits too
			{frame(unix.NLMSG_ERROR, 0, 7, 100), ms(2), []string{ipC, "", ipC}},
		}, nil},
		{"request with its port is tagged at once", []push{
			{frame(unix.RTM_GETLINK, req, 1, 100), ms(0), []string{ipC}},
		}, nil},
		{"answer to another seq leaves the request waiting; Hold expires it", []push{
			{frame(unix.RTM_NEWLINK, req, 7, 0), ms(0), nil},
			{frame(unix.NLMSG_ERROR, 0, 8, 100), ms(1), nil},
			{frame(unix.RTM_NEWLINK, 0, 0, 0), ms(250), []string{"", ipC, ""}},
		}, nil},
		{"unknown owner is ?", []push{
			{frame(unix.NLMSG_ERROR, 0, 3, 300), ms(0), []string{unkC}},
		}, nil},
		{"own traffic is dropped and the rest renumbered", []push{
			{frame(unix.SOCK_DIAG_BY_FAMILY, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 1, 200), ms(0), nil},
			{frame(unix.NLMSG_DONE, unix.NLM_F_MULTI, 1, 200), ms(0), nil},
			{frame(unix.NLMSG_ERROR, 0, 3, 100), ms(1), []string{ipC}},
		}, nil},
		{"the oldest waiting request of a seq takes the answer; flush hands out the rest", []push{
			{frame(unix.RTM_NEWLINK, req, 5, 0), ms(0), nil},
			{frame(unix.RTM_NEWLINK, req, 5, 0), ms(0), nil},
			{frame(unix.NLMSG_ERROR, 0, 5, 100), ms(1), []string{ipC}},
		}, []string{"", ipC}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fl := &fakeLookup{}
			tg := NewTagger(fl, 200)
			number := 0
			check := func(out []capture.Frame, want []string, what string) {
				if len(out) != len(want) {
					t.Fatalf("%s: handed out %d frames, want %d", what, len(out), len(want))
				}
				for i, f := range out {
					number++
					if f.Comment != want[i] || f.Number != number {
						t.Errorf("%s: frame %d: comment %q number %d; want %q, %d", what, i, f.Comment, f.Number, want[i], number)
					}
				}
			}
			for i, p := range tc.pushes {
				check(tg.Push(p.f, p.at), p.want, "push "+string(rune('1'+i)))
			}
			check(tg.Flush(), tc.flush, "flush")
			if tg.Waiting() {
				t.Error("frames still held after Flush")
			}
		})
	}
}

func TestTaggerPrefetchesOnAnonymousRequest(t *testing.T) {
	fl := &fakeLookup{}
	tg := NewTagger(fl, 200)
	tg.Push(frame(unix.RTM_GETLINK, req, 1, 100), time.Unix(0, 0))
	tg.Push(frame(unix.RTM_NEWLINK, req, 2, 0), time.Unix(0, 0))
	if len(fl.prefetched) != 1 || fl.prefetched[0] != unix.NETLINK_ROUTE {
		t.Errorf("prefetched %v, want one NETLINK_ROUTE prefetch for the request with port 0", fl.prefetched)
	}
}

func TestTaggerIgnore(t *testing.T) {
	tg := NewTagger(&fakeLookup{}, 200)
	tg.Ignore(unix.NETLINK_ROUTE, 300)
	var out []capture.Frame
	out = append(out, tg.Push(frame(unix.RTM_GETLINK, req, 1, 300), time.Unix(0, 0))...)
	out = append(out, tg.Push(frame(unix.NLMSG_ERROR, 0, 1, 300), time.Unix(0, 0))...)
	out = append(out, tg.Push(frame(unix.NLMSG_ERROR, 0, 1, 100), time.Unix(0, 0))...)
	if len(out) != 1 || out[0].Comment != ipC || out[0].Number != 1 || tg.Dropped != 2 {
		t.Errorf("got %d frames (%+v), dropped %d; want the ip frame alone, numbered 1, 2 dropped", len(out), out, tg.Dropped)
	}
	// Another protocol's port 300 is not ignored.
	g := frame(unix.NLMSG_ERROR, 0, 1, 300)
	g.Protocol = unix.NETLINK_GENERIC
	if out := tg.Push(g, time.Unix(0, 0)); len(out) != 1 {
		t.Errorf("port 300 of another protocol: %d frames", len(out))
	}
}

func TestTaggerKeepsExistingComment(t *testing.T) {
	tg := NewTagger(&fakeLookup{}, 200)
	f := frame(unix.NLMSG_ERROR, 0, 1, 100)
	f.Comment = "nldump: generic netlink families at capture start"
	out := tg.Push(f, time.Unix(0, 0))
	if len(out) != 1 || out[0].Comment != f.Comment {
		t.Errorf("got %+v", out)
	}
}
