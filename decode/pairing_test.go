package decode

import (
	"strings"
	"testing"
	"time"

	"github.com/nldump/nldump/capture"
	"golang.org/x/sys/unix"
)

// The pairing tests use testProto (decoder_test.go) on NETLINK_ROUTE: type 16
// T_GET, 17 T_NEW, 18 T_DEL, payload = 8-byte testhdr then attributes.

const (
	tGet = 16
	tNew = 17
)

// pairStep is one captured frame: its time in milliseconds after the first and
// its netlink bytes (one message per frame).
type pairStep struct {
	ms   int
	data func(w wire) []byte
}

// req builds a request of type typ with an empty testhdr payload.
func req(typ, flags uint16, seq, pid uint32) func(w wire) []byte {
	return func(w wire) []byte {
		return w.msg(typ, unix.NLM_F_REQUEST|flags, seq, pid,
			w.U32(0), // th_family, pad
			w.U32(0)) // th_index
	}
}

// kmsg builds a kernel message (no NLM_F_REQUEST) of type typ.
func kmsg(typ, flags uint16, seq, pid uint32) func(w wire) []byte {
	return func(w wire) []byte {
		return w.msg(typ, flags, seq, pid,
			w.U32(0),                      // th_family, pad
			w.U32(0),                      // th_index
			w.Attr(1, []byte("eth0\x00"))) // TA_NAME
	}
}

// done builds an NLMSG_DONE with error 0.
func done(flags uint16, seq, pid uint32) func(w wire) []byte {
	return func(w wire) []byte {
		return w.msg(unix.NLMSG_DONE, unix.NLM_F_MULTI|flags, seq, pid,
			w.U32(0)) // error 0
	}
}

// nlerr builds an NLMSG_ERROR (errno 0: an ACK) echoing only the header of a
// request of type typ and flags rflags (NLM_F_CAPPED).
func nlerr(errno int32, typ, rflags uint16, seq, pid uint32) func(w wire) []byte {
	return func(w wire) []byte {
		return w.msg(unix.NLMSG_ERROR, unix.NLM_F_CAPPED, seq, pid,
			w.U32(uint32(errno)), // error
			w.U32(24),            // echoed nlmsg_len
			w.U16(typ),           // echoed nlmsg_type
			w.U16(rflags),        // echoed nlmsg_flags
			w.U32(seq),           // echoed nlmsg_seq
			w.U32(0))             // echoed nlmsg_pid
	}
}

// runPairer decodes the steps with the two-pass file protocol (Observe, Finish,
// Replay, Annotate) and returns, per frame, the "nl" fields as "name=value"
// joined by spaces, prefixed by "hidden " when Annotate says not to show it.
func runPairer(t *testing.T, w wire, steps []pairStep) []string {
	t.Helper()
	d := testDecoder()
	base := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var msgs []*Message
	for i, s := range steps {
		fr := &capture.Frame{Number: i + 1, Time: base.Add(time.Duration(s.ms) * time.Millisecond),
			Protocol: unix.NETLINK_ROUTE, Data: s.data(w)}
		fr.Length = len(fr.Data)
		out := d.DecodeFrame(fr, nil)
		if len(out) != 1 {
			t.Fatalf("frame %d: %d messages", i+1, len(out))
		}
		msgs = append(msgs, &out[0])
	}
	p := NewPairer()
	for _, m := range msgs {
		p.Observe(m)
	}
	p.Finish()
	p.Replay()
	got := make([]string, len(msgs))
	for i, m := range msgs {
		var parts []string
		if !p.Annotate(m) {
			parts = append(parts, "hidden")
		}
		if n := ConversationNode(m); n != nil {
			for _, f := range n.Children {
				parts = append(parts, strings.TrimPrefix(f.Def.Name, "nl.")+"="+f.ValueString())
			}
		}
		got[i] = strings.Join(parts, " ")
	}
	return got
}

func TestPairer(t *testing.T) {
	const (
		intr    = unix.NLM_F_DUMP_INTR
		multi   = unix.NLM_F_MULTI
		dump    = unix.NLM_F_DUMP
		ack     = unix.NLM_F_ACK
		echo    = unix.NLM_F_ECHO
		eexist  = -int32(unix.EEXIST)
		noDone  = `problem=dump without NLMSG_DONE`
		never   = `problem=request never answered`
		noAck   = `problem=ACK requested (NLM_F_ACK) but missing`
		intrMsg = `problem=dump interrupted (NLM_F_DUMP_INTR): the data changed during the dump`
	)
	tests := []struct {
		name  string
		steps []pairStep
		want  []string // per frame
	}{{
		name: "get and reply",
		steps: []pairStep{
			{0, req(tGet, 0, 1, 0)},
			{2, kmsg(tNew, 0, 1, 100)},
		},
		want: []string{
			"response_in=2 latency=2000 us",
			"request_in=1 latency=2000 us",
		},
	}, {
		name: "dump with parts and done",
		steps: []pairStep{
			{0, req(tGet, dump, 2, 0)},
			{1, kmsg(tNew, multi, 2, 100)},
			{2, kmsg(tNew, multi, 2, 100)},
			{3, done(0, 2, 100)},
		},
		want: []string{
			"response_in=2 latency=3000 us dump_parts=2",
			"request_in=1 latency=1000 us",
			"request_in=1 latency=2000 us",
			"request_in=1 latency=3000 us dump_parts=2",
		},
	}, {
		name: "dump without done",
		steps: []pairStep{
			{0, req(tGet, dump, 3, 0)},
			{1, kmsg(tNew, multi, 3, 100)},
		},
		want: []string{
			"response_in=2 latency=1000 us dump_parts=1 " + noDone,
			"request_in=1 latency=1000 us",
		},
	}, {
		name: "dump interrupted",
		steps: []pairStep{
			{0, req(tGet, dump, 4, 0)},
			{1, kmsg(tNew, multi, 4, 100)},
			{2, kmsg(tNew, multi|intr, 4, 100)},
			{3, done(intr, 4, 100)},
		},
		want: []string{
			"response_in=2 latency=3000 us dump_parts=2 " + intrMsg,
			"request_in=1 latency=1000 us",
			"request_in=1 latency=2000 us",
			"request_in=1 latency=3000 us dump_parts=2",
		},
	}, {
		name: "ack requested and received",
		steps: []pairStep{
			{0, req(tNew, ack, 5, 0)},
			{1, nlerr(0, tNew, unix.NLM_F_REQUEST|ack, 5, 100)},
		},
		want: []string{
			"response_in=2 latency=1000 us",
			"request_in=1 latency=1000 us",
		},
	}, {
		name: "ack requested but missing",
		steps: []pairStep{
			{0, req(tNew, ack|echo, 6, 100)},
			{1, kmsg(tNew, 0, 6, 100)}, // the echo, then no ACK
		},
		want: []string{
			"response_in=2 latency=1000 us " + noAck,
			"request_in=1 latency=1000 us",
		},
	}, {
		name: "never answered",
		steps: []pairStep{
			{0, req(tGet, 0, 7, 0)},
			{5, req(tNew, ack, 8, 0)},
			{9, nlerr(0, tNew, unix.NLM_F_REQUEST|ack, 8, 100)},
		},
		want: []string{
			never,
			"response_in=3 latency=4000 us",
			"request_in=2 latency=4000 us",
		},
	}, {
		name: "two processes same seq",
		steps: []pairStep{
			{0, req(tGet, dump, 9, 0)},     // process A (port 200)
			{1, req(tGet, dump, 9, 0)},     // process B (port 300)
			{2, kmsg(tNew, multi, 9, 200)}, // A's first part: oldest waiting
			{3, kmsg(tNew, multi, 9, 300)}, // B's first part: A's port is known
			{4, kmsg(tNew, multi, 9, 200)}, // A by port
			{5, done(0, 9, 300)},           // B by port
			{6, done(0, 9, 200)},           // A by port
		},
		want: []string{
			"response_in=3 latency=6000 us dump_parts=2",
			"response_in=4 latency=4000 us dump_parts=1",
			"request_in=1 latency=2000 us",
			"request_in=2 latency=2000 us",
			"request_in=1 latency=4000 us",
			"request_in=2 latency=4000 us dump_parts=1",
			"request_in=1 latency=6000 us dump_parts=2",
		},
	}, {
		name: "seq 0",
		steps: []pairStep{
			{0, req(tGet, 0, 0, 0)},
			{1, kmsg(tNew, 0, 0, 0)},   // multicast (port 0): a notification
			{2, kmsg(tNew, 0, 0, 100)}, // addressed to a port, fitting: the GET's reply (nft's GETGEN)
			{3, kmsg(tNew, 0, 0, 100)}, // the GET is answered: a notification
			{4, req(tNew, ack, 0, 0)},
			{5, nlerr(eexist, tNew, unix.NLM_F_REQUEST|ack, 0, 100)}, // errors pair by the echoed type
		},
		want: []string{
			"response_in=3 latency=2000 us",
			"",
			"request_in=1 latency=2000 us",
			"",
			"response_in=6 latency=1000 us",
			"request_in=5 latency=1000 us",
		},
	}, {
		name: "echo of a request sent from port 0",
		steps: []pairStep{
			{0, req(tNew, echo, 4, 0)},
			{1, kmsg(tNew, 0, 4, 300)}, // the echo: same type and seq, to the port the kernel chose
			{2, kmsg(tNew, 0, 4, 300)}, // a further delivery: a notification
		},
		want: []string{
			"response_in=2 latency=1000 us",
			"request_in=1 latency=1000 us",
			"",
		},
	}, {
		name: "seq 0 dump not taken by an unanswered get",
		steps: []pairStep{
			{0, req(tGet, 0, 0, 0)},          // its reply went unseen
			{200, req(tGet, dump, 0, 0)},     // a dump 200 ms later
			{201, kmsg(tNew, multi, 0, 100)}, // a part: the dump's, not the older GET's
			{202, done(0, 0, 100)},
		},
		want: []string{
			never,
			"response_in=3 latency=2000 us dump_parts=1",
			"request_in=2 latency=1000 us",
			"request_in=2 latency=2000 us dump_parts=1",
		},
	}, {
		name: "notification copies",
		steps: []pairStep{
			{0, kmsg(tNew, 0, 0, 0)},
			{10, kmsg(tNew, 0, 0, 0)},  // a copy: within 50 ms of the last
			{59, kmsg(tNew, 0, 0, 0)},  // still a copy: 49 ms after the last
			{110, kmsg(tNew, 0, 0, 0)}, // 51 ms: a new notification
			{111, kmsg(tGet, 0, 0, 0)}, // other bytes: not a copy
		},
		want: []string{
			"copies=3",
			"hidden copies=3",
			"hidden copies=3",
			"",
			"",
		},
	}}
	for _, tt := range tests {
		for _, o := range orders {
			t.Run(tt.name+"/"+o.name, func(t *testing.T) {
				got := runPairer(t, o.w, tt.steps)
				for i := range tt.want {
					if got[i] != tt.want[i] {
						t.Errorf("frame %d: got %q, want %q", i+1, got[i], tt.want[i])
					}
				}
			})
		}
	}
}
