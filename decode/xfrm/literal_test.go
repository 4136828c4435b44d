package xfrm

import (
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// key is a 16-byte AES key that must never appear in a summary.
var key = []byte{0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xed, 0xfa, 0xce}

// newSA is an XFRM_MSG_NEWSA request: 10.0.0.1 -> 10.0.0.2 esp spi 0x1000 reqid 1
// tunnel, enc cbc(aes) with a 128-bit key, a mark and an SPI-less ESP-in-UDP encap.
func newSA(w wire) []byte {
	return w.msg(xfrmMsgNewSA, unix.NLM_F_REQUEST|unix.NLM_F_ACK|unix.NLM_F_CREATE|unix.NLM_F_EXCL,
		w.usersaInfo("10.0.0.1", "10.0.0.2", 0x1000, 1),
		w.Attr(xfrmaAlgCrypt, algo("cbc(aes)", key, w.U32(128))), // XFRMA_ALG_CRYPT
		w.Attr(xfrmaEncap, w.U16(unix.UDP_ENCAP_ESPINUDP), be16(4500), be16(4500), zero(2), xaddr("0.0.0.0")),
		w.Attr(xfrmaMark, w.U32(5), w.U32(0xff)), // XFRMA_MARK v=5 m=0xff
		w.Attr(xfrmaSADir, u8(xfrmSADirOut)),     // XFRMA_SA_DIR out
	)
}

func TestNewSALiteral(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			msgs := decodeBytes(t, unix.NETLINK_XFRM, newSA(o.w), o.w.BE)
			if len(msgs) != 1 {
				t.Fatalf("%d messages", len(msgs))
			}
			m := &msgs[0]
			if m.TypeName != "XFRM_MSG_NEWSA" || m.Malformed {
				t.Fatalf("type %s malformed %v\n%s", m.TypeName, m.Malformed, tree(&m.Root))
			}
			want := "src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00001000 reqid 1 mode tunnel enc cbc(aes) 128-bit encap espinudp 4500->4500 mark 0x5/0xff"
			if got := m.Summary(); got != want {
				t.Errorf("summary\n got %q\nwant %q", got, want)
			}
			for name, v := range map[string]string{
				"xfrm.id.spi":              "0x00001000",
				"xfrm.sa.family":           "AF_INET (2)",
				"xfrm.sa.mode":             "XFRM_MODE_TUNNEL (1)",
				"xfrm.sa.replay_window":    "32",
				"xfrm.sel.daddr":           "0.0.0.0",
				"xfrm.sa.saddr":            "10.0.0.1",
				"xfrm.lft.hard_byte_limit": "inf (18446744073709551615)",
				"xfrm.curlft.add_time":     "1795807658 s",
				"xfrm.alg.name":            "cbc(aes)",
				"xfrm.alg.key_len":         "128 bits",
				"xfrm.alg.key":             "16 bytes (key not shown)",
				"xfrm.encap.type":          "UDP_ENCAP_ESPINUDP (2)",
				"xfrm.encap.dport":         "4500",
				"xfrm.encap.oa":            "0.0.0.0",
				"xfrm.mark.value":          "0x00000005",
				"xfrm.mark.mask":           "0x000000ff",
				"xfrma.sa_dir":             "XFRM_SA_DIR_OUT (2)",
			} {
				f := m.Field(name)
				if f == nil {
					t.Errorf("%s missing", name)
					continue
				}
				if got := f.ValueString(); got != v {
					t.Errorf("%s = %q, want %q", name, got, v)
				}
			}
			// The key field locates the key bytes but no value shows them.
			k := m.Field("xfrm.alg.key")
			if k == nil || string(k.Bytes) != string(key) || k.Length != 16 {
				t.Fatalf("key field %+v", k)
			}
			if got := m.Root.Children[0].Children[2].ValueString(); !strings.Contains(got, "EXCL|CREATE") {
				t.Errorf("flags read as %q, want the NEW reading (EXCL|CREATE)", got)
			}
			assertNoKey(t, m, key)
		})
	}
}

// TestTruncatedSA cuts an xfrm_usersa_info in the middle of its lifetimes: the
// members that fit are decoded, the rest shown raw with a note; no panic.
func TestTruncatedSA(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			info := w.usersaInfo("10.0.0.1", "10.0.0.2", 0x1000, 1)[:120] // sel, id, saddr, 24 bytes of lft
			data := w.msg(xfrmMsgNewSA, unix.NLM_F_REQUEST, info)
			m := &decodeBytes(t, unix.NETLINK_XFRM, data, w.BE)[0]
			if !m.Malformed {
				t.Fatalf("cut struct not noted\n%s", tree(&m.Root))
			}
			h := &m.Root.Children[1]
			if !strings.Contains(h.Note, "xfrm_usersa_info needs 224 bytes, 120 left") {
				t.Errorf("struct note %q", h.Note)
			}
			if got := m.Field("xfrm.id.spi"); got == nil || got.Value != 0x1000 {
				t.Errorf("spi before the cut not decoded: %+v", got)
			}
			if got := m.Field("xfrm.sa.saddr"); got == nil || got.ValueString() != "10.0.0.1" {
				t.Errorf("saddr before the cut not decoded")
			}
			last := &h.Children[len(h.Children)-1]
			if last.Offset != 16+96 || last.Length != 24 || !strings.Contains(last.Note, "cut short at member lft") {
				t.Errorf("rest: offset %d length %d note %q", last.Offset, last.Length, last.Note)
			}
			_ = m.Summary()
		})
	}
}

// TestAlgoKeyShort: an alg_key_len larger than the key bytes present is noted.
func TestAlgoKeyShort(t *testing.T) {
	w := wire{}
	data := w.msg(xfrmMsgNewSA, unix.NLM_F_REQUEST, w.usersaInfo("10.0.0.1", "10.0.0.2", 1, 1),
		w.Attr(xfrmaAlgAuth, algo("hmac(sha256)", key, w.U32(256)))) // 256 bits, 16 bytes
	m := &decodeBytes(t, unix.NETLINK_XFRM, data, false)[0]
	k := m.Field("xfrm.alg.key")
	if k == nil || !strings.Contains(k.Note, "needs 32 key bytes") || k.Value != 16 {
		t.Fatalf("short key not noted\n%s", tree(&m.Root))
	}
}

// TestPolicyLiteral: an XFRM_MSG_NEWPOLICY with an IPv6 selector and two
// templates (XFRMA_TMPL array), in both byte orders.
func TestPolicyLiteral(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			tmpl := func(src, dst string, proto, mode uint8, reqid uint32) []byte {
				return cat(
					xaddr(dst), be32(0), u8(proto), zero(3), // id: daddr, spi (any), proto, padding
					w.U16(unix.AF_INET6), zero(2), // family, padding
					xaddr(src),                      // saddr
					w.U32(reqid),                    // reqid
					u8(mode), u8(0), u8(0), zero(1), // mode, share, optional, padding
					w.U32(0xffffffff), w.U32(0xffffffff), w.U32(0xffffffff), // aalgos, ealgos, calgos
				)
			}
			pol := cat(
				w.selector("2001:db8:2::", "2001:db8:1::", 48, 48, unix.IPPROTO_UDP, 53, unix.AF_INET6), // sel
				w.lifetimes(),
				w.U32(7),            // priority
				w.U32(0x88),         // index
				u8(xfrmPolicyFwd),   // dir
				u8(0), u8(0), u8(0), // action allow, flags, share
				zero(4), // padding to 168
			)
			data := w.msg(xfrmMsgUpdPolicy, unix.NLM_F_REQUEST, pol,
				w.Attr(xfrmaTmpl, tmpl("2001:db8::1", "2001:db8::2", unix.IPPROTO_COMP, xfrmModeTunnel, 0),
					tmpl("2001:db8::1", "2001:db8::2", unix.IPPROTO_ESP, xfrmModeTunnel, 9)),
				w.Attr(xfrmaPolicyType, u8(xfrmPolicyTypeSub), zero(5)))
			m := &decodeBytes(t, unix.NETLINK_XFRM, data, w.BE)[0]
			if m.Malformed || m.TypeName != "XFRM_MSG_UPDPOLICY" {
				t.Fatalf("%s\n%s", m.TypeName, tree(&m.Root))
			}
			want := "src 2001:db8:1::/48 dst 2001:db8:2::/48 proto udp dport 53 dir fwd priority 7 ptype sub " +
				"tmpl comp tunnel 2001:db8::1->2001:db8::2 tmpl esp tunnel 2001:db8::1->2001:db8::2 reqid 9"
			if got := m.Summary(); got != want {
				t.Errorf("summary\n got %q\nwant %q", got, want)
			}
			tm := m.Field("xfrma.tmpl")
			if len(tm.Children) != 2 || tm.Children[1].Child("xfrm.tmpl.reqid").Value != 9 {
				t.Errorf("templates\n%s", tree(tm))
			}
			if got := m.Field("xfrm.pol.index").ValueString(); got != "0x00000088" {
				t.Errorf("index %s", got)
			}
		})
	}
}

// TestSmallMessages: the short fixed structs (flush, SAD info, default policy,
// expire, mapping) and a dump request's attributes.
func TestSmallMessages(t *testing.T) {
	for _, o := range orders {
		w := o.w
		cases := []struct {
			name, typ, summary string
			data               []byte
		}{
			{"flushsa", "XFRM_MSG_FLUSHSA", "proto esp",
				w.msg(xfrmMsgFlushSA, unix.NLM_F_REQUEST, u8(unix.IPPROTO_ESP))},
			{"sadinfo", "XFRM_MSG_NEWSADINFO", "count 4 hash 8/1048576",
				w.msg(xfrmMsgNewSADInfo, 0, w.U32(0xffffffff),
					w.Attr(xfrmaSADCnt, w.U32(4)), w.Attr(xfrmaSADHInfo, w.U32(8), w.U32(1048576)))},
			{"setdefault", "XFRM_MSG_SETDEFAULT", "in block fwd accept out unspec",
				w.msg(xfrmMsgSetDefault, unix.NLM_F_REQUEST, u8(1), u8(2), u8(0))},
			{"expire", "XFRM_MSG_EXPIRE", "src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x00000abc reqid 4 mode tunnel hard",
				w.msg(xfrmMsgExpire, 0, w.usersaInfo("10.0.0.1", "10.0.0.2", 0xabc, 4), u8(1), zero(7))},
			{"mapping", "XFRM_MSG_MAPPING", "dst 10.0.0.2 proto esp spi 0x00000abc reqid 4 old 192.0.2.1:4500 new 192.0.2.9:1025",
				w.msg(xfrmMsgMapping, 0,
					xaddr("10.0.0.2"), be32(0xabc), w.U16(unix.AF_INET), u8(unix.IPPROTO_ESP), zero(1), // id
					w.U32(4), xaddr("192.0.2.1"), xaddr("192.0.2.9"), be16(4500), be16(1025))},
			{"dump", "XFRM_MSG_GETSA", "src 10.0.0.0/8 dst 0.0.0.0/0 proto esp",
				w.msg(xfrmMsgGetSA, unix.NLM_F_REQUEST|unix.NLM_F_DUMP,
					w.Attr(xfrmaAddressFilter, xaddr("10.0.0.0"), xaddr("0.0.0.0"), w.U16(unix.AF_INET), u8(8), u8(0)),
					w.Attr(xfrmaProto, u8(unix.IPPROTO_ESP)))},
			{"dump with a zeroed header", "XFRM_MSG_GETPOLICY", "src 0.0.0.0/0 dst 0.0.0.0/0 dir in",
				w.msg(xfrmMsgGetPolicy, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, zero(64))}, // xfrm_userpolicy_id, all 0
			{"delsa", "XFRM_MSG_DELSA", "src 2001:db8::1 dst 2001:db8::2 proto ah spi 0x00000001",
				w.msg(xfrmMsgDelSA, unix.NLM_F_REQUEST,
					xaddr("2001:db8::2"), be32(1), w.U16(unix.AF_INET6), u8(unix.IPPROTO_AH), zero(1),
					w.Attr(xfrmaSrcAddr, xaddr("2001:db8::1")))},
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
			})
		}
	}
}

// TestTemplateCutShort: an XFRMA_TMPL whose last template is cut keeps the whole
// ones and notes the rest.
func TestTemplateCutShort(t *testing.T) {
	w := wire{}
	tmpl := cat(xaddr("10.0.0.2"), be32(0), u8(unix.IPPROTO_ESP), zero(3), w.U16(unix.AF_INET), zero(2),
		xaddr("10.0.0.1"), w.U32(1), u8(xfrmModeTunnel), zero(3), zero(12))
	pol := cat(w.selector("10.2.0.0", "10.1.0.0", 24, 24, 0, 0, unix.AF_INET), w.lifetimes(),
		w.U32(0), w.U32(0), u8(xfrmPolicyOut), zero(3), zero(4))
	data := w.msg(xfrmMsgNewPolicy, unix.NLM_F_REQUEST, pol, w.Attr(xfrmaTmpl, tmpl, tmpl[:40]))
	m := &decodeBytes(t, unix.NETLINK_XFRM, data, false)[0]
	tm := m.Field("xfrma.tmpl")
	if tm == nil || len(tm.Children) != 2 || tm.Children[1].Note == "" || !m.Malformed {
		t.Fatalf("cut template not noted\n%s", tree(&m.Root))
	}
	if got := m.Summary(); !strings.HasSuffix(got, "tmpl esp tunnel 10.0.0.1->10.0.0.2 reqid 1 tmpl esp") {
		t.Errorf("summary %q", got)
	}
}
