package decode

import (
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// testProto is a tiny protocol for the engine tests: type 16 GET, 17 NEW, 18 DEL,
// payload = u32 family header then attributes of testSet.
type testProto struct{}

var testHdr = NewStruct("testhdr", "th", Member{CName: "th_family", Kind: KindU8},
	Member{Kind: KindPad, Size: 3}, Member{CName: "th_index", Kind: KindS32})

var testInner = NewAttrSet("TI", "ti",
	Attr{Type: 1, CName: "TI_KIND", Kind: KindString},
	Attr{Type: 2, CName: "TI_DATA", Sub: &SubMessage{Selector: 1, Variants: map[string]*Attr{
		"vlan": {Nested: NewAttrSet("VLAN", "ti.vlan", Attr{Type: 1, CName: "VLAN_ID", Kind: KindU16})},
	}}},
)

var testSet = NewAttrSet("TA", "ta",
	Attr{Type: 1, CName: "TA_NAME", Kind: KindString},
	Attr{Type: 2, CName: "TA_MTU", Kind: KindU32},
	Attr{Type: 3, CName: "TA_ADDR", Kind: KindAddr},
	Attr{Type: 4, CName: "TA_INFO", Nested: testInner},
	Attr{Type: 5, CName: "TA_PORT", Kind: KindU16, BigEndian: true},
	Attr{Type: 6, CName: "TA_LIST", Array: true, Elem: &Attr{Kind: KindU32}},
	Attr{Type: 7, CName: "TA_FLAG", Kind: KindFlag},
	Attr{Type: 8, CName: "TA_S8", Kind: KindS8},
)

func (testProto) Name() string { return "route" }
func (testProto) MessageType(c *Context, t uint16) (string, Op) {
	switch t {
	case 16:
		return "T_GET", OpGet
	case 17:
		return "T_NEW", OpNew
	case 18:
		return "T_DEL", OpDel
	}
	return "T_" + itoa(int(t)), OpOther
}
func (testProto) DecodePayload(c *Context, off, end int) []Field {
	h := c.Struct(testHdr, off, end)
	attrs := c.Attrs(testSet, off+testHdr.Size, end)
	f := c.Alloc(1 + len(attrs))
	f[0] = h
	copy(f[1:], attrs)
	return f
}
func (testProto) Summary(m *Message) string {
	if n := m.Field("ta.name"); n != nil {
		return n.ValueString()
	}
	return ""
}

func testDecoder() *Decoder {
	r := NewRegistry()
	r.Register(unix.NETLINK_ROUTE, testProto{})
	d := NewDecoder()
	d.Registry = r
	return d
}

// treeText renders a message tree as "name=value" lines, indented by depth.
func treeText(m *Message) string {
	var b strings.Builder
	m.Root.Walk(func(f *Field, depth int) bool {
		b.WriteString(strings.Repeat(" ", depth))
		b.WriteString(f.Def.Name)
		if v := f.ValueString(); v != "" {
			b.WriteString("=" + v)
		}
		if f.Unknown {
			b.WriteString(" unknown type " + itoa(int(f.Type)))
		}
		if f.Note != "" {
			b.WriteString(" !" + f.Note)
		}
		b.WriteString("\n")
		return true
	})
	return b.String()
}

func TestDecodeFrameBothOrders(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			data := cat(
				// message 1: a NEW request with attributes
				w.msg(17, unix.NLM_F_REQUEST|unix.NLM_F_ACK|unix.NLM_F_CREATE|unix.NLM_F_EXCL, 7, 0,
					[]byte{2, 0, 0, 0}, w.U32(0xfffffffd), // th_family=2, pad, th_index=-3
					w.Attr(1, []byte("veth0\x00")), // TA_NAME "veth0"
					w.Attr(2, w.U32(1500)),         // TA_MTU 1500
					w.Attr(3, []byte{10, 0, 0, 1}), // TA_ADDR 10.0.0.1
					w.Attr(4|unix.NLA_F_NESTED, // TA_INFO
						w.Attr(1, []byte("vlan\x00")),                    // TI_KIND "vlan"
						w.Attr(2|unix.NLA_F_NESTED, w.Attr(1, w.U16(5))), // TI_DATA { VLAN_ID 5 }
					),
					w.Attr(5, []byte{0x1f, 0x90}),                         // TA_PORT 8080, network order always
					w.Attr(6, w.Attr(0, w.U32(11)), w.Attr(1, w.U32(12))), // TA_LIST [11, 12]
					w.Attr(7),                 // TA_FLAG
					w.Attr(8, []byte{0xff}),   // TA_S8 -1
					w.Attr(99, w.U32(0xabcd)), // unknown type 99
				),
				// message 2: a dump request
				w.msg(16, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 8, 0, []byte{0, 0, 0, 0}, w.U32(0)),
			)
			d := testDecoder()
			msgs := d.DecodeFrame(frame(unix.NETLINK_ROUTE, data), nil)
			if len(msgs) != 2 {
				t.Fatalf("got %d messages, want 2", len(msgs))
			}
			m := &msgs[0]
			if m.BigEndian != w.BE {
				t.Errorf("byte order detected big=%v, want %v", m.BigEndian, w.BE)
			}
			got := treeText(m)
			want := `nlmsg
 nlmsg.hdr
  nlmsg.len=128 bytes
  nlmsg.type=T_NEW (17)
  nlmsg.flags=0x0605 (REQUEST|ACK|EXCL|CREATE)
  nlmsg.seq=7
  nlmsg.pid=0
 th
  th.family=2
  th.pad=000000
  th.index=-3
 ta.name=veth0
 ta.mtu=1500
 ta.addr=10.0.0.1
 ta.info
  ti.kind=vlan
  ti.data
   ti.vlan.id=5
 ta.port=8080
 ta.list
  ta.list.elem=11
  ta.list.elem=12
 ta.flag=true
 ta.s8=-1
 ta.unknown=0000abcd unknown type 99
`
			if w.BE {
				want = strings.Replace(want, "=0000abcd", "=0000abcd", 1)
			} else {
				want = strings.Replace(want, "=0000abcd", "=cdab0000", 1)
			}
			if got != want {
				t.Errorf("tree:\n%s\nwant:\n%s", got, want)
			}
			if m.Direction != DirRequest || m.Malformed {
				t.Errorf("direction %v malformed %v", m.Direction, m.Malformed)
			}
			if s := m.Summary(); s != "veth0" {
				t.Errorf("summary %q", s)
			}
			if f := msgs[1].Field("nlmsg.flags"); f.ValueString() != "0x0301 (REQUEST|DUMP)" {
				t.Errorf("dump flags: %s", f.ValueString())
			}
			// Offsets: TA_MTU's attribute starts after hdr(16)+testhdr(8)+TA_NAME(12).
			if f := m.Field("ta.mtu"); f.Offset != 36 || f.Length != 8 {
				t.Errorf("ta.mtu at %d+%d, want 36+8", f.Offset, f.Length)
			}
			if msgs[1].Offset != 128 || msgs[1].Index != 1 {
				t.Errorf("second message at %d index %d", msgs[1].Offset, msgs[1].Index)
			}
		})
	}
}

func TestErrorExtAck(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			req := w.msg(17, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 42, 0,
				[]byte{0, 0, 0, 0}, w.U32(3), // testhdr
				w.Attr(1, []byte("dummy0\x00")), // TA_NAME at request offset 24
				w.Attr(2, w.U32(100000)),        // TA_MTU at request offset 36
			)
			data := w.msg(unix.NLMSG_ERROR, unix.NLM_F_ACK_TLVS, 42, 1234,
				w.U32(uint32(0xffffffea)), // error -22 EINVAL
				req,                       // echoed request, not capped
				w.Attr(unix.NLMSGERR_ATTR_MSG, []byte("mtu greater than device maximum\x00")),
				w.Attr(unix.NLMSGERR_ATTR_OFFS, w.U32(36)),
			)
			d := testDecoder()
			msgs := d.DecodeFrame(frame(unix.NETLINK_ROUTE, data), nil)
			if len(msgs) != 1 {
				t.Fatalf("%d messages", len(msgs))
			}
			m := &msgs[0]
			if m.Direction != DirError || m.Malformed {
				t.Fatalf("direction %v malformed %v\n%s", m.Direction, m.Malformed, treeText(m))
			}
			want := `error -22 EINVAL (Invalid argument) for T_NEW seq 42: "mtu greater than device maximum" at TA_MTU`
			if s := m.Summary(); s != want {
				t.Errorf("summary\n got %s\nwant %s", s, want)
			}
			if f := m.Field("nlmsgerr.error"); f == nil || f.ValueString() != "EINVAL (-22)" {
				t.Errorf("nlmsgerr.error = %v", f)
			}
			if f := m.Field("nlmsgerr.msg"); f == nil || f.ValueString() != "mtu greater than device maximum" {
				t.Errorf("nlmsgerr.msg = %v", f)
			}
			tg := m.Field("nlmsgerr.attr")
			if tg == nil || tg.Def.Label != "Points at TA_MTU" || tg.ValueString() != "100000" {
				t.Fatalf("target: %+v\n%s", tg, treeText(m))
			}
			if echoed := m.Field("nlmsgerr.request"); echoed == nil || echoed.Find("ta.name").ValueString() != "dummy0" {
				t.Errorf("echoed request not decoded:\n%s", treeText(m))
			}
		})
	}
}

func TestAckCappedAndDone(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			data := cat(
				w.msg(unix.NLMSG_ERROR, unix.NLM_F_CAPPED, 5, 99,
					w.U32(0),                                                                            // ACK
					w.U32(40), w.U16(17), w.U16(unix.NLM_F_REQUEST|unix.NLM_F_ACK), w.U32(5), w.U32(0)), // echoed header only
				w.msg(unix.NLMSG_DONE, unix.NLM_F_MULTI|unix.NLM_F_ACK_TLVS, 6, 99,
					w.U32(uint32(0xfffffffc)), // -4 EINTR
					w.Attr(unix.NLMSGERR_ATTR_MSG, []byte("dump interrupted\x00"))),
			)
			msgs := testDecoder().DecodeFrame(frame(unix.NETLINK_ROUTE, data), nil)
			if len(msgs) != 2 {
				t.Fatalf("%d messages", len(msgs))
			}
			if s := msgs[0].Summary(); s != "ACK for T_NEW seq 5" || msgs[0].Direction != DirAck {
				t.Errorf("ack: %q %v", s, msgs[0].Direction)
			}
			if f := msgs[0].Field("nlmsg.flags"); f.ValueString() != "0x0100 (CAPPED)" {
				t.Errorf("ack flags %s", f.ValueString())
			}
			if s := msgs[1].Summary(); s != `dump failed: -4 EINTR (Interrupted system call): "dump interrupted"` {
				t.Errorf("done: %q", s)
			}
			if msgs[1].Direction != DirReply {
				t.Errorf("done direction %v", msgs[1].Direction)
			}
		})
	}
}

func TestMalformed(t *testing.T) {
	w := wire{}
	good := w.msg(16, unix.NLM_F_REQUEST, 1, 0, []byte{0, 0, 0, 0}, w.U32(0))
	cases := []struct {
		name     string
		data     []byte
		msgs     int
		noteHas  string
		malfIdx  int
		wantType string
	}{
		{"len below header", cat(good, w.U32(8), w.U16(16), w.U16(0), w.U32(0), w.U32(0)), 2, "below the 16-byte header", 1, "T_GET"},
		{"len past frame", cat(good, w.U32(200), w.U16(16), w.U16(0), w.U32(0), w.U32(0), []byte{1, 2, 3, 4}), 2, "exceeds the 20 bytes left", 1, "T_GET"},
		{"attr longer than parent", w.msg(17, 0, 1, 0, []byte{0, 0, 0, 0}, w.U32(0), w.U16(40), w.U16(1), []byte("ab")), 1, "attribute length 40 exceeds the 6 bytes left", 0, "T_NEW"},
		{"zero-length attr", w.msg(17, 0, 1, 0, []byte{0, 0, 0, 0}, w.U32(0), w.U16(0), w.U16(1), w.U32(5)), 1, "below the 4-byte header", 0, "T_NEW"},
		{"short trailer", cat(good, []byte{1, 2, 3}), 2, "too short for a 16-byte nlmsghdr", 1, "(malformed)"},
		{"int wrong size", w.msg(17, 0, 1, 0, []byte{0, 0, 0, 0}, w.U32(0), w.Attr(2, []byte{1, 2, 3})), 1, "is 3 bytes, expected 4", 0, "T_NEW"},
		{"short struct", w.msg(17, 0, 1, 0, []byte{0, 0}), 1, "struct testhdr needs 8 bytes", 0, "T_NEW"},
		{"nest overflow", w.msg(17, 0, 1, 0, []byte{0, 0, 0, 0}, w.U32(0), w.Attr(4|unix.NLA_F_NESTED, w.U16(30), w.U16(1), w.U32(0))), 1, "exceeds the 8 bytes left", 0, "T_NEW"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msgs := testDecoder().DecodeFrame(frame(unix.NETLINK_ROUTE, tc.data), nil)
			if len(msgs) != tc.msgs {
				t.Fatalf("%d messages, want %d", len(msgs), tc.msgs)
			}
			m := &msgs[tc.malfIdx]
			if !m.Malformed {
				t.Errorf("not marked malformed:\n%s", treeText(m))
			}
			if m.TypeName != tc.wantType {
				t.Errorf("type %q want %q", m.TypeName, tc.wantType)
			}
			if txt := treeText(m); !strings.Contains(txt, tc.noteHas) {
				t.Errorf("no note %q in\n%s", tc.noteHas, txt)
			}
			// Every byte of the frame is covered by some message.
			end := 0
			for i := range msgs {
				if msgs[i].Offset != end && !(msgs[i].Offset > end && allZero(tc.data[end:msgs[i].Offset])) {
					t.Errorf("message %d starts at %d, previous ended at %d", i, msgs[i].Offset, end)
				}
				end = msgs[i].Root.Offset + msgs[i].Root.Length
				if end < len(tc.data) && i == len(msgs)-1 {
					// The rest must be padding or the last message's length note.
					end = align4(end)
				}
			}
		})
	}
}

func TestFramePadding(t *testing.T) {
	w := wire{}
	// iproute2 sends a 36-byte dump request from a fixed buffer: the frame ends in zeros.
	data := cat(w.msg(16, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, 1, 0, []byte{0, 0, 0, 0}, w.U32(0)), make([]byte, 120))
	msgs := testDecoder().DecodeFrame(frame(unix.NETLINK_ROUTE, data), nil)
	if len(msgs) != 1 || msgs[0].Malformed {
		t.Fatalf("%d messages malformed=%v", len(msgs), len(msgs) > 0 && msgs[0].Malformed)
	}
	p := msgs[0].Field("nlmsg.padding")
	if p == nil || p.Offset != 24 || p.Length != 120 {
		t.Fatalf("padding field %+v", p)
	}
}

func TestByteOrderDetection(t *testing.T) {
	// 0x00000100 is 256 little-endian and 65536 big-endian: only one fits.
	for _, o := range orders {
		w := o.w
		data := w.msg(16, unix.NLM_F_REQUEST, 1, 0, make([]byte, 240))
		d := testDecoder()
		msgs := d.DecodeFrame(frame(unix.NETLINK_ROUTE, data), nil)
		if len(msgs) != 1 || msgs[0].BigEndian != w.BE || msgs[0].Header.Len != 256 {
			t.Errorf("%s: detected be=%v len=%d", o.name, msgs[0].BigEndian, msgs[0].Header.Len)
		}
		// Forced order.
		d.Order = LittleEndian
		if m := d.DecodeFrame(frame(unix.NETLINK_ROUTE, data), nil); m[0].BigEndian {
			t.Errorf("forced little decoded big")
		}
	}
}

func TestUnknownProtocolRawWalk(t *testing.T) {
	w := wire{}
	data := w.msg(20, 0, 0, 0, w.Attr(1, w.U32(7)), w.Attr(2, []byte("x\x00")))
	msgs := NewDecoder().DecodeFrame(frame(2, data), nil) // NETLINK_USERSOCK: no decoder
	if len(msgs) != 1 {
		t.Fatal(len(msgs))
	}
	m := &msgs[0]
	if m.TypeName != "type-20" || m.Protocol.Name() != "usersock" {
		t.Errorf("type %q proto %q", m.TypeName, m.Protocol.Name())
	}
	if got := len(m.Payload()); got != 2 || !m.Payload()[0].Unknown {
		t.Errorf("raw walk: %s", treeText(m))
	}
}

func TestEscape(t *testing.T) {
	cases := map[string]string{
		"eth0":          "eth0",
		"a\x1b[31mred":  `a\x1b[31mred`,
		"tab\there":     `tab\there`,
		"naïve":         "naïve",
		"\xff\xfe":      `\xff\xfe`,
		"c1\u009bx":     `c1\xc2\x9bx`,
		"back\\slash":   `back\\slash`,
		"del\x7f":       `del\x7f`,
		"nul\x00inside": `nul\x00inside`,
	}
	for in, want := range cases {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// An integer selector whose little-endian bytes end in 0 (RTA_ENCAP_TYPE 5 is
// "05 00") selects by its number, not as a string.
func TestSubMessageIntegerSelector(t *testing.T) {
	inner := NewAttrSet("IN", "in", Attr{Type: 1, CName: "IN_X", Kind: KindU32})
	set := NewAttrSet("SEL", "sel",
		Attr{Type: 1, CName: "SEL_TYPE", Kind: KindU16},
		Attr{Type: 2, CName: "SEL_DATA", Sub: &SubMessage{Selector: 1, Variants: map[string]*Attr{"5": {Nested: inner}}}},
	)
	for _, o := range orders {
		w := o.w
		data := cat(w.Attr(1, w.U16(5)), w.Attr(2|unix.NLA_F_NESTED, w.Attr(1, w.U32(7))))
		c := &Context{Data: data, BigEndian: w.BE}
		fs := c.Attrs(set, 0, len(data))
		if len(fs) != 2 || len(fs[1].Children) != 1 || fs[1].Children[0].Def.Name != "in.x" || fs[1].Children[0].Value != 7 {
			t.Errorf("%s: selector 5 did not select the variant: %+v", o.name, fs)
		}
	}
}

// A variant shared by two attributes keeps each attribute's name.
func TestSharedVariantNames(t *testing.T) {
	shared := &Attr{Kind: KindU32}
	sub := func() *SubMessage { return &SubMessage{Selector: 1, Variants: map[string]*Attr{"k": shared}} }
	a := NewAttrSet("A", "a", Attr{Type: 1, CName: "A_KIND", Kind: KindString}, Attr{Type: 2, CName: "A_DATA", Sub: sub()})
	b := NewAttrSet("B", "b", Attr{Type: 1, CName: "B_KIND", Kind: KindString}, Attr{Type: 2, CName: "B_OPTS", Sub: sub()})
	if n := a.Lookup(2).Sub.Variants["k"].Def().Name; n != "a.data" {
		t.Errorf("a's variant is named %q", n)
	}
	if n := b.Lookup(2).Sub.Variants["k"].Def().Name; n != "b.opts" {
		t.Errorf("b's variant is named %q", n)
	}
}

// A protocol without a decoder: the fixed header before the attributes is found
// (here a 4-byte nfgenmsg-like header) and the attributes after it are walked.
func TestRawProtocolFixedHeader(t *testing.T) {
	for _, o := range orders {
		w := o.w
		data := w.msg(0x0a00, unix.NLM_F_REQUEST, 1, 0,
			[]byte{2, 0, 0, 0},              // family 2, version 0, res_id 0
			w.Attr(1, []byte("filter\x00")), // attribute type 1
			w.Attr(2, w.U32(7)),             // attribute type 2
		)
		msgs := NewDecoder().DecodeFrame(frame(unix.NETLINK_NETFILTER, data), nil)
		p := msgs[0].Payload()
		if len(p) != 3 || p[0].Def.Name != "netfilter.header" || p[0].Length != 4 ||
			!p[1].Unknown || p[1].Type != 1 || p[2].Type != 2 || msgs[0].Malformed {
			t.Errorf("%s:\n%s", o.name, treeText(&msgs[0]))
		}
	}
}

func TestDirection(t *testing.T) {
	for _, tt := range []struct {
		name string
		h    Header
		want Direction
	}{
		{"request", Header{Type: 17, Flags: unix.NLM_F_REQUEST, Seq: 1}, DirRequest},
		{"dump part to a port", Header{Type: 17, Flags: unix.NLM_F_MULTI, Seq: 1, Pid: 4242}, DirReply},
		{"dump part, seq 0 (nft)", Header{Type: 17, Flags: unix.NLM_F_MULTI, Pid: 4242}, DirReply},
		{"multicast with NLM_F_MULTI (psample)", Header{Type: 17, Flags: unix.NLM_F_MULTI}, DirNotify},
		{"done", Header{Type: unix.NLMSG_DONE, Flags: unix.NLM_F_MULTI, Seq: 1, Pid: 4242}, DirReply},
		{"error", Header{Type: unix.NLMSG_ERROR, Seq: 1, Pid: 4242}, DirAck},
		{"notification", Header{Type: 17}, DirNotify},
	} {
		if got := direction(tt.h); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestHugeLength: an nlmsg_len above 2 GiB (negative as a 32-bit int) is a
// length past the frame like any other, on 32-bit hosts too (GOARCH=386 in CI).
func TestHugeLength(t *testing.T) {
	for _, o := range orders {
		data := o.w.Msg(tNew, 0, 1, 0, []byte{0, 0, 0, 0, 0, 0, 0, 0})
		copy(data, o.w.U32(0xc0000000))
		d := testDecoder()
		d.Order = LittleEndian
		if o.w.BE {
			d.Order = BigEndian
		}
		msgs := d.DecodeFrame(frame(unix.NETLINK_ROUTE, data), nil)
		if len(msgs) != 1 || !msgs[0].Malformed || !strings.Contains(msgs[0].Root.Note, "nlmsg_len 3221225472 at offset 0 exceeds the 24 bytes left") {
			t.Errorf("%s: %d messages, note %q", o.name, len(msgs), msgs[0].Root.Note)
		}
	}
}
