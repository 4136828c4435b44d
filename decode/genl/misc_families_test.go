package genl

import (
	"testing"

	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// decodeAs decodes one generic netlink message of family id 0x30 named name.
func decodeAs(name string, data []byte) *decode.Message {
	d := decode.NewDecoder()
	d.Session.GenlFamilies[0x30] = name
	return &d.DecodeFrame(frame(data), nil)[0]
}

// checkFields fails for every field missing or with another value.
func checkFields(t *testing.T, m *decode.Message, want map[string]string) {
	t.Helper()
	if m.Malformed || len(unknownAttrs(m)) > 0 {
		t.Errorf("%s: malformed %v unknown %v\n%s", m.TypeName, m.Malformed, unknownAttrs(m), treeText(m))
	}
	for name, v := range want {
		if f := m.Field(name); f == nil || f.ValueString() != v {
			t.Errorf("%s: %s = %v, want %q\n%s", m.TypeName, name, f, v, treeText(m))
		}
	}
}

func TestPsample(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			// A sampled packet as the kernel multicasts it to the "packets" group.
			data := w.msg(0x30, 0, 0, 0, genlhdr(psampleCmdSample, 1),
				w.Attr(psampleAttrIifindex, w.U16(2)),             // iif 2 (u16)
				w.Attr(psampleAttrSampleGroup, w.U32(7)),          // group 7
				w.Attr(psampleAttrGroupSeq, w.U32(3)),             // seq 3
				w.Attr(psampleAttrSampleRate, w.U32(100)),         // 1 in 100
				w.Attr(psampleAttrOrigsize, w.U32(98)),            // 98 bytes on the wire
				w.Attr(psampleAttrProto, w.U16(0x0800)),           // ETH_P_IP, host order
				w.Attr(psampleAttrData, []byte{0x45, 0, 0, 0x54}), // first bytes
				w.Nest(psampleAttrTunnel,
					w.Attr(psampleTunIPv4Src, []byte{192, 0, 2, 1}), // be32 address
					w.Attr(psampleTunTpDst, []byte{0x12, 0xb5}),     // be16 4789
					w.Attr(psampleTunCsum)),                         // flag
			)
			m := decodeAs(psampleGenlName, data)
			if m.TypeName != "psample SAMPLE" {
				t.Fatalf("type %q", m.TypeName)
			}
			checkFields(t, m, map[string]string{
				"psample.iifindex":        "2",
				"psample.sample_rate":     "100",
				"psample.tunnel.ipv4_src": "192.0.2.1",
				"psample.tunnel.tp_dst":   "4789",
			})
			if s := m.Summary(); s != "group 7 seq 3 rate 100 in 2 len 98 bytes" {
				t.Errorf("summary %q", s)
			}
			data = w.msg(0x30, 0, 1, 5, genlhdr(psampleCmdNewGroup, 1),
				w.Attr(psampleAttrSampleGroup, w.U32(7)), w.Attr(psampleAttrGroupRefcount, w.U32(1)))
			if m := decodeAs(psampleGenlName, data); m.TypeName != "psample NEW_GROUP" || m.Summary() != "group 7 refcount 1" {
				t.Errorf("%s %q", m.TypeName, m.Summary())
			}
		})
	}
}

func TestNetDM(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			// NET_DM_CMD_PACKET_ALERT (alert mode packet).
			data := w.msg(0x30, 0, 0, 0, genlhdr(netDMCmdPacketAlert, 2),
				w.Attr(netDMAttrOrigin, w.U16(0)),                          // NET_DM_ORIGIN_SW
				w.Attr(netDMAttrPC, w.U64(0xffffffff81a2b3c4)),             // program counter
				w.Attr(netDMAttrSymbol, str("kfree_skb_reason+0x1c/0x30")), // symbol
				w.Nest(netDMAttrInPort,
					w.Attr(netDMAttrPortNetdevIfindex, w.U32(2)), // type 0
					w.Attr(netDMAttrPortNetdevName, str("eth0"))),
				w.Attr(netDMAttrReason, str("NO_SOCKET")),
				w.Attr(netDMAttrPad), w.Attr(netDMAttrTimestamp, w.U64(1e9)),
				w.Attr(netDMAttrProto, w.U16(0x86dd)), // ETH_P_IPV6, host order
				w.Attr(netDMAttrOrigLen, w.U32(98)),
				w.Attr(netDMAttrPayload, []byte{0x60, 0, 0, 0}),
			)
			m := decodeAs(netDMGenlName, data)
			if m.TypeName != "NET_DM PACKET_ALERT" {
				t.Fatalf("type %q", m.TypeName)
			}
			checkFields(t, m, map[string]string{
				"net_dm.origin":                 "NET_DM_ORIGIN_SW (0)",
				"net_dm.in_port.netdev_ifindex": "2",
				"net_dm.timestamp":              "1000000000 ns",
			})
			if s := m.Summary(); s != "kfree_skb_reason+0x1c/0x30 reason NO_SOCKET dev eth0 len 98 bytes" {
				t.Errorf("summary %q", s)
			}

			// NET_DM_CMD_ALERT (summary mode): type-0 attribute holding
			// net_dm_alert_msg { entries 2, points[2] { pc[8], count } }.
			alert := cat(w.U32(2),
				w.U64(0xffffffff81000010), w.U32(5),
				w.U64(0xffffffff81000020), w.U32(1))
			m = decodeAs(netDMGenlName, w.msg(0x30, 0, 0, 0, genlhdr(netDMCmdAlert, 2), w.Attr(0, alert)))
			checkFields(t, m, map[string]string{
				"net_dm.alert.entries": "2",
			})
			if s := m.Summary(); s != "2 drop points" {
				t.Errorf("summary %q\n%s", s, treeText(m))
			}

			// Config and stats.
			m = decodeAs(netDMGenlName, w.msg(0x30, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 1, 0, genlhdr(netDMCmdConfig, 2),
				w.Attr(netDMAttrAlertMode, []byte{1}), w.Attr(netDMAttrTruncLen, w.U32(128))))
			if s := m.Summary(); s != "mode NET_DM_ALERT_MODE_PACKET (1)" {
				t.Errorf("summary %q\n%s", s, treeText(m))
			}
			m = decodeAs(netDMGenlName, w.msg(0x30, 0, 2, 9, genlhdr(netDMCmdStatsNew, 2),
				w.Nest(netDMAttrStats, w.Attr(netDMAttrStatsDropped, w.U64(42)))))
			checkFields(t, m, map[string]string{"net_dm.stats.dropped": "42"})
		})
	}
}
