package owner

import (
	"encoding/binary"
	"time"

	"github.com/nldump/nldump/capture"
	unix "github.com/nldump/nldump/internal/abi"
)

// Lookuper resolves port ids; *Resolver is one.
type Lookuper interface {
	Lookup(proto uint16, port uint32) (Process, bool)
	Prefetch(proto uint16, sent time.Time)
}

// DefaultHold is how long a Tagger holds a request with port id 0 waiting for the
// answer that names its port; iproute2's answers come within milliseconds, but deleting a link waits for
// RCU grace periods (tens of milliseconds on a slow machine). Holding is timed in
// capture time, so it delays output only when the answer is that late.
const DefaultHold = 200 * time.Millisecond

// Tagger writes the owning process into the Comment of live frames (format in the
// package comment), in capture order:
//
//   - a frame from the kernel (reply, ACK, error, notification) is tagged with
//     the owner of its first message's nlmsg_pid (none when it is 0);
//   - a request with a non-zero nlmsg_pid is tagged with that port's owner;
//   - a request with nlmsg_pid 0 is held (with every frame after it, to keep
//     the order) until an answer with its protocol and sequence number names the
//     port, or for Hold at most; meanwhile the resolver learns the protocol's
//     sockets, so that a process gone by the answer's time is still known.
//
// Frames that already have a comment (the family map) pass untouched. Frames of
// the process itself (the resolver's own socket dumps) are dropped when
// HideSelf is set. Frames handed out are numbered again from 1, in order.
type Tagger struct {
	// Hold bounds how long a request waits for its answer (DefaultHold if 0).
	Hold time.Duration
	// HideSelf drops the frames of SelfPID's sockets.
	HideSelf bool
	// SelfPID is the capturing process (os.Getpid()).
	SelfPID int

	r      Lookuper
	ignore map[portKey]bool
	queue  []held
	number int
	// Dropped counts the frames dropped by HideSelf.
	Dropped int
}

type held struct {
	f       capture.Frame
	waiting bool // a request with port 0 whose answer has not come
	seq     uint32
	since   time.Time
}

// NewTagger returns a Tagger resolving with r; with r nil it only numbers the
// frames (no process attribution).
func NewTagger(r Lookuper, selfPID int) *Tagger {
	return &Tagger{r: r, SelfPID: selfPID, HideSelf: true}
}

// Ignore drops the frames whose first message carries port id port of protocol
// proto in nlmsg_pid: the capturing process's own exchanges (its family map
// query, its resolver's dumps), known by port even after their socket is closed.
func (t *Tagger) Ignore(proto uint16, port uint32) {
	if t.ignore == nil {
		t.ignore = make(map[portKey]bool)
	}
	t.ignore[portKey{proto, port}] = true
}

// Push takes the next captured frame and returns the frames ready to hand on
// (possibly none, possibly several held ones), in capture order. Holding is
// timed by the frames' capture times; now stands in for a frame without one.
func (t *Tagger) Push(f capture.Frame, now time.Time) []capture.Frame {
	// A request waits Hold in capture time: the frames behind it may have
	// queued up while the resolver worked, and its answer may be among them.
	if !f.Time.IsZero() {
		now = f.Time
	}
	h := held{f: f, since: now}
	if hdr, ok := firstHeader(f.Data); ok && f.Comment == "" && hdr.pid != 0 && t.ignore[portKey{f.Protocol, hdr.pid}] {
		t.Dropped++
		return t.release(now, false)
	}
	if f.Comment == "" {
		t.tag(&h)
	}
	t.queue = append(t.queue, h)
	return t.release(now, false)
}

// Expire hands on the frames held longer than Hold by now (their requests stay
// without a process): call it when the capture is idle, with no frame waiting
// to be pushed (one may be the answer).
func (t *Tagger) Expire(now time.Time) []capture.Frame { return t.release(now, false) }

// Flush hands on every frame still held, at the end of the capture.
func (t *Tagger) Flush() []capture.Frame { return t.release(time.Time{}, true) }

// Waiting reports whether frames are held: the caller should call Expire after
// Hold even if no frame comes.
func (t *Tagger) Waiting() bool { return len(t.queue) > 0 }

func (h *held) drop(t *Tagger) bool {
	if !t.HideSelf || t.SelfPID <= 0 {
		return false
	}
	p, _, ok := ParseComment(h.f.Comment)
	return ok && p.PID == t.SelfPID
}

func (t *Tagger) hold() time.Duration {
	if t.Hold > 0 {
		return t.Hold
	}
	return DefaultHold
}

// tag sets the comment of a frame from its first message, or marks a request
// with port 0 as waiting (tagging it later from its answer).
func (t *Tagger) tag(h *held) {
	hdr, ok := firstHeader(h.f.Data)
	if !ok || t.r == nil {
		return
	}
	proto := h.f.Protocol
	if hdr.flags&unix.NLM_F_REQUEST != 0 && hdr.typ >= unix.NLMSG_MIN_TYPE {
		if hdr.pid == 0 {
			h.waiting, h.seq = true, hdr.seq
			t.r.Prefetch(proto, h.f.Time)
			return
		}
		t.comment(&h.f, hdr.pid)
		return
	}
	if hdr.pid == 0 {
		return // the kernel's own notification: no process
	}
	t.comment(&h.f, hdr.pid)
	// An answer names the port of the oldest request of its protocol and
	// sequence number still waiting.
	for i := range t.queue {
		q := &t.queue[i]
		if q.waiting && q.seq == hdr.seq && q.f.Protocol == proto {
			q.waiting = false
			q.f.Comment = h.f.Comment
			break
		}
	}
}

func (t *Tagger) comment(f *capture.Frame, port uint32) {
	p, _ := t.r.Lookup(f.Protocol, port)
	f.Comment = Comment(p, port)
}

// release hands on the frames at the head of the queue that wait for nothing, or
// waited Hold (all with force).
func (t *Tagger) release(now time.Time, force bool) []capture.Frame {
	n := 0
	for n < len(t.queue) {
		q := &t.queue[n]
		if q.waiting && !force && now.Sub(q.since) < t.hold() {
			break
		}
		n++
	}
	if n == 0 {
		return nil
	}
	var out []capture.Frame
	for i := 0; i < n; i++ {
		if t.queue[i].drop(t) {
			t.Dropped++
			continue
		}
		f := t.queue[i].f
		t.number++
		f.Number = t.number
		out = append(out, f)
	}
	t.queue = append(t.queue[:0], t.queue[n:]...)
	return out
}

type nlHeader struct {
	typ, flags uint16
	seq, pid   uint32
}

// firstHeader reads the first nlmsghdr of a live frame (host byte order: the
// capture is of this host).
func firstHeader(b []byte) (nlHeader, bool) {
	if len(b) < unix.NLMSG_HDRLEN {
		return nlHeader{}, false
	}
	ne := binary.NativeEndian
	return nlHeader{typ: ne.Uint16(b[4:]), flags: ne.Uint16(b[6:]), seq: ne.Uint32(b[8:]), pid: ne.Uint32(b[12:])}, true
}

// portKey names a netlink socket: its protocol and port id.
type portKey struct {
	proto uint16
	port  uint32
}
