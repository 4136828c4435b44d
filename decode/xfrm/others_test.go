package xfrm

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// TestFIBLookup decodes a NETLINK_FIB_LOOKUP question and the kernel's answer
// (struct fib_result_nl) in both byte orders.
func TestFIBLookup(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			frn := func(tbID, plen, typ, scope uint8, err int32) []byte {
				return cat(
					[]byte{192, 0, 2, 77},                                     // fl_addr 192.0.2.77 (be32)
					w.U32(0x10),                                               // fl_mark
					u8(0), u8(unix.RT_SCOPE_UNIVERSE), u8(unix.RT_TABLE_MAIN), // fl_tos, fl_scope, tb_id_in
					u8(tbID), u8(plen), u8(0), u8(typ), u8(scope), // tb_id, prefixlen, nh_sel, type, scope
					w.U32(uint32(err)), // err
				)
			}
			cases := []struct {
				name, summary string
				data          []byte
			}{
				{"question", "192.0.2.77 table main mark 0x10",
					w.msg(0x20, unix.NLM_F_REQUEST, frn(0, 0, 0, 0, 0))},
				{"answer", "192.0.2.77 table main mark 0x10 -> 192.0.2.0/24 unicast scope link table main",
					w.msg(0x20, unix.NLM_F_REQUEST, frn(unix.RT_TABLE_MAIN, 24, unix.RTN_UNICAST, unix.RT_SCOPE_LINK, 0))},
				{"no route", "192.0.2.77 table main mark 0x10 -> error -2",
					w.msg(0x20, unix.NLM_F_REQUEST, frn(0, 0, 0, 0, -int32(unix.ENOENT)))},
			}
			for _, c := range cases {
				m := &decodeBytes(t, unix.NETLINK_FIB_LOOKUP, c.data, w.BE)[0]
				if m.TypeName != "type-32" || m.Malformed {
					t.Fatalf("%s: %s malformed=%v\n%s", c.name, m.TypeName, m.Malformed, tree(&m.Root))
				}
				if got := m.Summary(); got != c.summary {
					t.Errorf("%s: summary %q, want %q", c.name, got, c.summary)
				}
			}
			m := &decodeBytes(t, unix.NETLINK_FIB_LOOKUP, cases[2].data, w.BE)[0]
			if got := m.Field("fib_lookup.err").ValueString(); got != "-2" {
				t.Errorf("err %s", got)
			}
			if got := m.Field("fib_lookup.fl_addr").ValueString(); got != "192.0.2.77" {
				t.Errorf("fl_addr %s", got)
			}
			// A short struct is noted, bytes after it are kept.
			short := w.msg(0x20, unix.NLM_F_REQUEST, frn(0, 0, 0, 0, 0)[:10])
			if m := &decodeBytes(t, unix.NETLINK_FIB_LOOKUP, short, w.BE)[0]; !m.Malformed {
				t.Errorf("short fib_result_nl not noted\n%s", tree(&m.Root))
			}
			long := w.msg(0x20, unix.NLM_F_REQUEST, frn(0, 0, 0, 0, 0), w.U32(0xabcdef))
			m = &decodeBytes(t, unix.NETLINK_FIB_LOOKUP, long, w.BE)[0]
			if x := m.Field("fib_lookup.extra"); x == nil || x.Length != 4 {
				t.Errorf("bytes after fib_result_nl dropped\n%s", tree(&m.Root))
			}
		})
	}
}

// TestUserSock: NETLINK_USERSOCK has no format; the decoder names the protocol and
// the type by number and walks a payload that parses as attributes after a header.
func TestUserSock(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			data := w.msg(0x1234, unix.NLM_F_REQUEST,
				w.U32(0xcafe),              // an 4-byte application header
				w.Attr(1, []byte("hello")), // attribute 1, "hello"
				w.Attr(2, w.U32(42)))       // attribute 2, 42
			m := &decodeBytes(t, unix.NETLINK_USERSOCK, data, w.BE)[0]
			if m.Protocol.Name() != "usersock" || m.TypeName != "type-4660" || m.Malformed {
				t.Fatalf("%s %s\n%s", m.Protocol.Name(), m.TypeName, tree(&m.Root))
			}
			p := m.Payload()
			if len(p) != 3 || p[0].Def.Name != "usersock.header" || p[0].Length != 4 ||
				p[1].Type != 1 || string(p[1].Bytes) != "hello" || p[2].Type != 2 {
				t.Errorf("payload\n%s", tree(&m.Root))
			}
			odd := w.msg(0x10, 0, []byte{1, 2, 3, 4, 5, 6, 7})
			m = &decodeBytes(t, unix.NETLINK_USERSOCK, odd, w.BE)[0]
			if p := m.Payload(); len(p) != 1 || p[0].Def.Name != "usersock.payload" || p[0].Length != 7 {
				t.Errorf("opaque payload\n%s", tree(&m.Root))
			}
		})
	}
}

// TestNFLog: NETLINK_NFLOG (legacy ULOG) names ULOG_NL_EVENT and keeps the payload
// (struct ulog_packet_msg of an old kernel) raw.
func TestNFLog(t *testing.T) {
	w := wire{}
	// ulog_packet_msg as a 64-bit kernel laid it out, cut after the prefix: mark,
	// timestamp_sec, timestamp_usec (longs), hook, indev_name[16], outdev_name[16],
	// data_len (size_t), prefix[32].
	ulog := cat(w.U64(0), w.U64(1700000000), w.U64(5), w.U32(1), zero(4), str("eth0", 16), str("", 16), w.U64(84), str("ulog: ", 32))
	data := w.msg(ulogNLEvent, 0, ulog)
	m := &decodeBytes(t, unix.NETLINK_NFLOG, data, false)[0]
	if m.Protocol.Name() != "nflog" || m.TypeName != "ULOG_NL_EVENT" {
		t.Fatalf("%s %s", m.Protocol.Name(), m.TypeName)
	}
	n := 0
	for _, f := range m.Payload() {
		n += f.Length
	}
	if n != len(ulog) {
		t.Errorf("payload fields cover %d of %d bytes\n%s", n, len(ulog), tree(&m.Root))
	}
	if name, _ := (NFLog{}).MessageType(nil, 112); name != "type-112" {
		t.Errorf("type 112 named %s", name)
	}
}

// TestEventMessages covers the kernel's notifications and the rarer requests:
// acquire, policy expire, async events, report, migrate, SPI allocation, default
// policy.
func TestEventMessages(t *testing.T) {
	for _, o := range orders {
		w := o.w
		pol := cat(
			w.selector("10.2.0.0", "10.1.0.0", 24, 24, 0, 0, unix.AF_INET),
			w.lifetimes(),
			w.U32(0), w.U32(8), u8(xfrmPolicyOut), u8(0), u8(0), u8(0), zero(4), // priority, index, dir, action, flags, share
		)
		said := cat(xaddr("10.0.0.2"), be32(0x1000), w.U16(unix.AF_INET), u8(unix.IPPROTO_ESP), zero(1))
		polid := cat(w.selector("10.2.0.0", "10.1.0.0", 24, 24, 0, 0, unix.AF_INET), w.U32(0), u8(xfrmPolicyOut), zero(3))
		cases := []struct {
			name, typ, summary string
			data               []byte
		}{
			{"acquire", "XFRM_MSG_ACQUIRE",
				"src 10.0.0.1 dst 10.0.0.2 proto esp sel src 10.1.0.5/32 dst 10.2.0.9/32 proto icmp dir out seq 12",
				w.msg(xfrmMsgAcquire, 0,
					xaddr("10.0.0.2"), be32(0), u8(unix.IPPROTO_ESP), zero(3), // id
					xaddr("10.0.0.1"), // saddr
					w.selector("10.2.0.9", "10.1.0.5", 32, 32, unix.IPPROTO_ICMP, 0, unix.AF_INET),
					pol,
					w.U32(0xffffffff), w.U32(0xffffffff), w.U32(0xffffffff), w.U32(12))}, // aalgos, ealgos, calgos, seq
			// IPv6 addresses whose last 12 bytes are zero: the acquire has no family
			// member of its own, the selector's says AF_INET6.
			{"acquire6", "XFRM_MSG_ACQUIRE",
				"src 2001:db8:1:: dst 2001:db8:2:: proto esp sel src 2001:db8:1::/64 dst 2001:db8:2::/64 dir out seq 1",
				w.msg(xfrmMsgAcquire, 0,
					xaddr("2001:db8:2::"), be32(0), u8(unix.IPPROTO_ESP), zero(3), // id
					xaddr("2001:db8:1::"), // saddr
					w.selector("2001:db8:2::", "2001:db8:1::", 64, 64, 0, 0, unix.AF_INET6),
					pol,
					w.U32(0), w.U32(0), w.U32(0), w.U32(1))}, // aalgos, ealgos, calgos, seq
			{"polexpire", "XFRM_MSG_POLEXPIRE", "src 10.1.0.0/24 dst 10.2.0.0/24 dir out priority 0 soft",
				w.msg(xfrmMsgPolExpire, 0, pol, u8(0), zero(7))},
			{"newae", "XFRM_MSG_NEWAE",
				"src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001000 reqid 1 flags RVAL|LVAL|CR seq 77 oseq 3 bytes 1000 packets 10",
				w.msg(xfrmMsgNewAE, 0, said, xaddr("10.0.0.1"), w.U32(xfrmAERval|xfrmAELval|xfrmAECR), w.U32(1),
					w.Attr(xfrmaReplayVal, w.U32(3), w.U32(77), w.U32(0xff)),
					w.Attr(xfrmaLtimeVal, w.U64(1000), w.U64(10), w.U64(0), w.U64(0)))},
			{"report", "XFRM_MSG_REPORT", "proto route2 sel src 2001:db8::1/128 dst 2001:db8::2/128 coa 2001:db8::99",
				w.msg(xfrmMsgReport, 0, u8(unix.IPPROTO_ROUTING), zero(3),
					w.selector("2001:db8::2", "2001:db8::1", 128, 128, 0, 0, unix.AF_INET6),
					w.Attr(xfrmaCoAddr, xaddr("2001:db8::99")))},
			{"migrate", "XFRM_MSG_MIGRATE",
				"src 10.1.0.0/24 dst 10.2.0.0/24 dir out migrate proto esp mode tunnel 10.0.0.1->10.0.0.2 => 10.0.9.1->10.0.0.2",
				w.msg(xfrmMsgMigrate, unix.NLM_F_REQUEST, polid,
					w.Attr(xfrmaMigrate, xaddr("10.0.0.2"), xaddr("10.0.0.1"), xaddr("10.0.0.2"), xaddr("10.0.9.1"),
						u8(unix.IPPROTO_ESP), u8(xfrmModeTunnel), w.U16(0), w.U32(1), w.U16(unix.AF_INET), w.U16(unix.AF_INET)),
					w.Attr(xfrmaKMAddress, xaddr("10.0.9.1"), xaddr("10.0.0.2"), w.U32(0), w.U16(unix.AF_INET), zero(2)))},
			{"allocspi", "XFRM_MSG_ALLOCSPI",
				"src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001000 reqid 1 mode tunnel min 0x00000100 max 0x0000ffff",
				w.msg(xfrmMsgAllocSPI, unix.NLM_F_REQUEST, w.usersaInfo("10.0.0.1", "10.0.0.2", 0x1000, 1), w.U32(0x100), w.U32(0xffff))},
			{"getdefault", "XFRM_MSG_GETDEFAULT", "in accept fwd accept out block",
				w.msg(xfrmMsgGetDefault, 0, u8(2), u8(2), u8(1))},
			{"sec_ctx", "XFRM_MSG_DELPOLICY", "src 10.1.0.0/24 dst 10.2.0.0/24 dir out",
				w.msg(xfrmMsgDelPolicy, unix.NLM_F_REQUEST, polid,
					w.Attr(xfrmaSecCtx, w.U16(8+20), w.U16(xfrmaSecCtx), u8(xfrmSCAlgSELinux), u8(xfrmSCDOILSM), w.U16(20),
						[]byte("system_u:object_r:x\x00")))},
		}
		for _, c := range cases {
			t.Run(o.name+"/"+c.name, func(t *testing.T) {
				m := &decodeBytes(t, unix.NETLINK_XFRM, c.data, w.BE)[0]
				if m.TypeName != c.typ || m.Malformed {
					t.Fatalf("%s malformed=%v\n%s", m.TypeName, m.Malformed, tree(&m.Root))
				}
				if got := m.Summary(); got != c.summary {
					t.Errorf("summary\n got %q\nwant %q", got, c.summary)
				}
				m.Root.Walk(func(f *decode.Field, _ int) bool {
					if f.Unknown || strings.HasSuffix(f.Def.Name, ".extra") {
						t.Errorf("undecoded %s\n%s", f.Def.Name, tree(&m.Root))
					}
					return true
				})
			})
		}
		m := &decodeBytes(t, unix.NETLINK_XFRM, cases[len(cases)-1].data, w.BE)[0]
		if got := m.Field("xfrm.secctx.ctx_str").ValueString(); got != "system_u:object_r:x" {
			t.Errorf("%s: ctx_str %q", o.name, got)
		}
		m = &decodeBytes(t, unix.NETLINK_XFRM, cases[5].data, w.BE)[0]
		if got := m.Field("xfrm.kmaddr.local").ValueString(); got != "10.0.9.1" {
			t.Errorf("%s: kmaddress local %q", o.name, got)
		}
	}
}
