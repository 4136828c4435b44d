package netfilter

// Summaries of nflog and nfqueue messages, and of the small subsystems:
//
//	NFULNL_MSG_PACKET  group 5 prefix "nflog-test " hook output out lo udp 127.0.0.1:39891 -> 127.0.0.1:9999 len 30
//	NFQNL_MSG_VERDICT  queue 0 id 7 accept

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// resID returns the message's nfgenmsg res_id.
func resID(m *decode.Message) uint64 {
	p := m.Payload()
	if len(p) == 0 || len(p[0].Children) < 3 {
		return 0
	}
	return p[0].Children[2].Value
}

// ifName names an interface index from the session's links, or "if N".
func ifName(m *decode.Message, idx uint64) string {
	if s, ok := m.Info.(*decode.Session); ok && s != nil {
		if n, ok := s.Links[int32(idx)]; ok {
			return n
		}
	}
	return strconv.FormatUint(idx, 10)
}

// packetWords prints an IP packet's protocol, addresses and ports:
// "udp 127.0.0.1:39891 -> 127.0.0.1:9999 len 30".
func packetWords(b []byte) string {
	if len(b) < 1 {
		return ""
	}
	var src, dst netip.Addr
	var proto uint8
	var l4 []byte
	switch b[0] >> 4 {
	case 4:
		if len(b) < 20 {
			return ""
		}
		ihl := int(b[0]&0xf) * 4
		src, dst = netip.AddrFrom4([4]byte(b[12:16])), netip.AddrFrom4([4]byte(b[16:20]))
		proto = b[9]
		if ihl >= 20 && ihl <= len(b) {
			l4 = b[ihl:]
		}
	case 6:
		if len(b) < 40 {
			return ""
		}
		src, dst = netip.AddrFrom16([16]byte(b[8:24])), netip.AddrFrom16([16]byte(b[24:40]))
		proto = b[6]
		l4 = b[40:]
	default:
		return ""
	}
	name := ctProtoName(uint64(proto))
	withPorts := (proto == unix.IPPROTO_TCP || proto == unix.IPPROTO_UDP || proto == unix.IPPROTO_SCTP ||
		proto == unix.IPPROTO_UDPLITE || proto == unix.IPPROTO_DCCP) && len(l4) >= 4
	var sp, dp uint64
	if withPorts {
		sp, dp = uint64(binary.BigEndian.Uint16(l4)), uint64(binary.BigEndian.Uint16(l4[2:]))
	}
	return name + " " + endpoint(src, sp, withPorts) + " -> " + endpoint(dst, dp, withPorts) + " len " + strconv.Itoa(len(b))
}

// nflogSummary returns the summary function of an NFULNL_MSG_* type.
func nflogSummary(name string) func(*decode.Message) string {
	if name == "NFULNL_MSG_CONFIG" {
		return func(m *decode.Message) string {
			parts := []string{"group " + strconv.FormatUint(resID(m), 10)}
			if c := top(m, "nflog.cfg.cmd"); c != nil && len(c.Children) > 0 {
				parts = append(parts, strings.ToLower(ulogCmdEnum.Short(c.Children[0].Value)))
			}
			if md := top(m, "nflog.cfg.mode"); md != nil && len(md.Children) > 1 {
				parts = append(parts, "mode "+strings.ToLower(ulogCopyEnum.Short(md.Children[1].Value)),
					"range "+strconv.FormatUint(md.Children[0].Value, 10))
			}
			return strings.Join(parts, " ")
		}
	}
	return func(m *decode.Message) string {
		parts := []string{"group " + strconv.FormatUint(resID(m), 10)}
		if p := top(m, "nflog.prefix"); p != nil {
			parts = append(parts, "prefix "+strconv.Quote(strOf(p)))
		}
		parts = append(parts, packetMeta(m, "nflog")...)
		return strings.Join(parts, " ")
	}
}

// packetMeta prints what nflog and nfqueue tell about a packet: hook, devices,
// mark, the packet itself.
func packetMeta(m *decode.Message, pfx string) []string {
	var parts []string
	if h := top(m, pfx+".packet_hdr"); h != nil {
		if hk := h.Child(pfx + ".hdr.hook"); hk != nil {
			parts = append(parts, "hook "+hookName(msgFamily(m), hk.Value))
		}
	}
	if i := top(m, pfx+".ifindex_indev"); i != nil {
		parts = append(parts, "in "+ifName(m, i.Value))
	}
	if o := top(m, pfx+".ifindex_outdev"); o != nil {
		parts = append(parts, "out "+ifName(m, o.Value))
	}
	if mk := top(m, pfx+".mark"); mk != nil && mk.Value != 0 {
		parts = append(parts, "mark "+mk.ValueString())
	}
	if p := top(m, pfx+".payload"); p != nil {
		if w := packetWords(p.Bytes); w != "" {
			parts = append(parts, w)
		} else {
			parts = append(parts, "len "+strconv.Itoa(len(p.Bytes)))
		}
	}
	return parts
}

// nfqueueSummary returns the summary function of an NFQNL_MSG_* type.
func nfqueueSummary(name string) func(*decode.Message) string {
	return func(m *decode.Message) string {
		parts := []string{"queue " + strconv.FormatUint(resID(m), 10)}
		if h := top(m, "nfq.packet_hdr"); h != nil {
			if id := h.Child("nfq.hdr.packet_id"); id != nil {
				parts = append(parts, "id "+strconv.FormatUint(id.Value, 10))
			}
		}
		if v := top(m, "nfq.verdict_hdr"); v != nil && len(v.Children) > 1 {
			parts = append(parts, "id "+strconv.FormatUint(v.Children[1].Value, 10),
				strings.ToLower(nfVerdictEnum.Short(v.Children[0].Value)))
		}
		if c := top(m, "nfq.cfg.cmd"); c != nil && len(c.Children) > 0 {
			parts = append(parts, strings.ToLower(nfqCmdEnum.Short(c.Children[0].Value)))
		}
		if p := top(m, "nfq.cfg.params"); p != nil && len(p.Children) > 1 {
			parts = append(parts, "mode "+strings.ToLower(nfqCopyEnum.Short(p.Children[1].Value)),
				"range "+strconv.FormatUint(p.Children[0].Value, 10))
		}
		parts = append(parts, packetMeta(m, "nfq")...)
		return strings.Join(parts, " ")
	}
}

// nameSummary prints the string attributes named, then name=value integers of
// the rest, for ipset, acct, cttimeout and cthelper messages.
func nameSummary(strs ...string) func(string) func(*decode.Message) string {
	return func(string) func(*decode.Message) string {
		return func(m *decode.Message) string {
			var parts []string
			for _, s := range strs {
				if f := top(m, s); f != nil {
					parts = append(parts, strOf(f))
				}
			}
			return strings.Join(parts, " ")
		}
	}
}
