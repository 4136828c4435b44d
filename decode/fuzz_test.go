package decode

import (
	"testing"

	"golang.org/x/sys/unix"
)

// checkTree verifies the invariants every decoded message must keep: every field's
// bytes lie inside the frame, and its Bytes slice is the frame's bytes.
func checkTree(t *testing.T, data []byte, m *Message) {
	t.Helper()
	m.Root.Walk(func(f *Field, _ int) bool {
		if f.Def == nil {
			t.Fatalf("field without definition in message %d", m.Index)
		}
		if f.Offset < 0 || f.Length < 0 || f.Offset+f.Length > len(data) {
			t.Fatalf("%s at %d+%d outside the %d-byte frame", f.Def.Name, f.Offset, f.Length, len(data))
		}
		if len(f.Bytes) > 0 && &f.Bytes[0] != &data[f.Offset+f.Length-len(f.Bytes)] && &f.Bytes[0] != &data[f.Offset] {
			t.Fatalf("%s: Bytes is not a slice of the frame at its offset", f.Def.Name)
		}
		_ = f.ValueString()
		return true
	})
	_ = m.Summary()
}

// FuzzDecodeFrame feeds arbitrary frames to the decoder for the test protocol and
// for a protocol without a decoder, in both byte orders: it must never panic, and
// every field must lie inside the frame.
func FuzzDecodeFrame(f *testing.F) {
	for _, o := range orders {
		w := o.w
		f.Add(w.msg(17, unix.NLM_F_REQUEST, 1, 0, []byte{2, 0, 0, 0}, w.U32(1), w.Attr(1, []byte("eth0\x00")),
			w.Attr(4|unix.NLA_F_NESTED, w.Attr(1, []byte("vlan\x00")), w.Attr(2, w.Attr(1, w.U16(5))))), uint8(0))
		f.Add(w.msg(unix.NLMSG_ERROR, unix.NLM_F_ACK_TLVS, 1, 1, w.U32(0xffffffea),
			w.msg(17, unix.NLM_F_REQUEST, 1, 0, []byte{0, 0, 0, 0}, w.U32(0), w.Attr(2, w.U32(9000))),
			w.Attr(1, []byte("bad\x00")), w.Attr(2, w.U32(24))), uint8(1))
		f.Add(w.msg(unix.NLMSG_DONE, unix.NLM_F_MULTI, 1, 1, w.U32(0)), uint8(2))
	}
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		d := testDecoder()
		d.Order = ByteOrderMode(mode % 3)
		d.Reuse = mode&4 != 0
		proto := uint16(unix.NETLINK_ROUTE)
		if mode&8 != 0 {
			proto = unix.NETLINK_USERSOCK
		}
		msgs := d.DecodeFrame(frame(proto, data), nil)
		if len(data) >= 16 && len(msgs) == 0 && !allZero(data) {
			t.Fatalf("no message from %d bytes", len(data))
		}
		for i := range msgs {
			checkTree(t, data, &msgs[i])
		}
	})
}
