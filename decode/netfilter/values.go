package netfilter

// Rendering of register and data values the way nft and conntrack print them.

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// valType says how a value loaded into a register reads.
type valType uint8

const (
	tRaw       valType = iota // hex bytes
	tPort                     // be16 decimal
	tProto                    // u8 IP protocol: tcp, udp ...
	tNfproto                  // u8 NFPROTO: ipv4, ipv6
	tIP4                      // IPv4 address
	tIP6                      // IPv6 address
	tMAC                      // link-layer address
	tEtherType                // be16 ETH_P_*
	tIfname                   // NUL-padded interface name
	tMark                     // host-order u32, hex
	tCtState                  // host-order u32 bitmask of ct states
	tCtStatus                 // host-order u32 IPS_* bitmask
	tCtDir                    // u8 original/reply
	tIntHost                  // host-order integer, decimal
	tIntBE                    // big-endian integer, decimal
	tTCPFlags                 // u8 TCP flags
	tVerdict                  // a verdict (maps)
)

// nftDataTypes names nft's own datatype ids of NFTA_SET_KEY_TYPE and
// NFTA_SET_DATA_TYPE: userspace's enum datatypes (nftables include/datatype.h), not
// a kernel enum; 6 bits per field of a concatenation.
var nftDataTypes = []struct {
	name string
	typ  valType
}{
	0: {"invalid", tRaw}, 1: {"verdict", tVerdict}, 2: {"nf_proto", tNfproto}, 3: {"bitmask", tRaw},
	4: {"integer", tIntHost}, 5: {"string", tIfname}, 6: {"ll_addr", tMAC}, 7: {"ipv4_addr", tIP4},
	8: {"ipv6_addr", tIP6}, 9: {"ether_addr", tMAC}, 10: {"ether_type", tEtherType}, 11: {"arp_op", tIntBE},
	12: {"inet_proto", tProto}, 13: {"inet_service", tPort}, 14: {"icmp_type", tIntHost}, 15: {"tcp_flag", tTCPFlags},
	16: {"dccp_pkttype", tIntHost}, 17: {"mh_type", tIntHost}, 18: {"time", tIntHost}, 19: {"mark", tMark},
	20: {"iface_index", tIntHost}, 21: {"iface_type", tIntHost}, 22: {"realm", tIntHost}, 23: {"classid", tIntHost},
	24: {"uid", tIntHost}, 25: {"gid", tIntHost}, 26: {"ct_state", tCtState}, 27: {"ct_dir", tCtDir},
	28: {"ct_status", tCtStatus}, 29: {"icmpv6_type", tIntHost}, 30: {"ct_label", tRaw}, 31: {"pkt_type", tIntHost},
	32: {"icmp_code", tIntHost}, 33: {"icmpv6_code", tIntHost}, 34: {"icmpx_code", tIntHost}, 35: {"devgroup", tIntHost},
	36: {"dscp", tIntHost}, 37: {"ecn", tIntHost}, 38: {"fib_addrtype", tIntHost}, 39: {"boolean", tIntHost},
	40: {"ct_event", tIntHost}, 41: {"ifname", tIfname}, 42: {"igmp_type", tIntHost}, 43: {"time", tIntHost},
	44: {"hour", tIntHost}, 45: {"day", tIntHost}, 46: {"cgroupsv2", tIntHost},
}

// nftTypeBits is nft's TYPE_BITS: bits per field of a concatenated type id.
const nftTypeBits = 6

// dataTypeName returns nft's name of a set's key or data type ("ipv4_addr",
// "ipv4_addr . inet_service") and the value type of its first field.
func dataTypeName(t uint32) (string, valType) {
	if t == uint32(num("NFT_DATA_VERDICT")) {
		return "verdict", tVerdict
	}
	var parts []string
	var first valType
	for t != 0 {
		id := t & (1<<nftTypeBits - 1)
		t >>= nftTypeBits
		if int(id) < len(nftDataTypes) {
			parts = append(parts, nftDataTypes[id].name)
			first = nftDataTypes[id].typ
		} else {
			parts = append(parts, strconv.Itoa(int(id)))
			first = tRaw
		}
	}
	if len(parts) == 0 {
		return "invalid", tRaw
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	if len(parts) > 1 {
		first = tRaw
	}
	return strings.Join(parts, " . "), first
}

// protoNames are nft's names of IP protocols.
var protoNames = map[uint64]string{
	unix.IPPROTO_ICMP: "icmp", unix.IPPROTO_IGMP: "igmp", unix.IPPROTO_TCP: "tcp", unix.IPPROTO_UDP: "udp",
	unix.IPPROTO_DCCP: "dccp", unix.IPPROTO_GRE: "gre", unix.IPPROTO_ESP: "esp", unix.IPPROTO_AH: "ah",
	unix.IPPROTO_ICMPV6: "ipv6-icmp", unix.IPPROTO_SCTP: "sctp", unix.IPPROTO_UDPLITE: "udplite",
	unix.IPPROTO_IPIP: "ipip", unix.IPPROTO_IPV6: "ipv6",
}

// ctProtoNames are conntrack's names of layer-4 protocols.
func ctProtoName(p uint64) string {
	if p == unix.IPPROTO_ICMPV6 {
		return "icmpv6"
	}
	if n, ok := protoNames[p]; ok {
		return n
	}
	return strconv.FormatUint(p, 10)
}

// ctStateBits are nft's ct state bits: NF_CT_STATE_BIT(ctinfo) = 1 << (ctinfo + 1)
// (include/uapi/linux/netfilter/nf_conntrack_common.h), invalid and untracked apart.
var ctStateBits = []struct {
	bit  uint64
	name string
}{
	{uint64(num("NF_CT_STATE_INVALID_BIT")), "invalid"},
	{1 << (num("IP_CT_ESTABLISHED") + 1), "established"},
	{1 << (num("IP_CT_RELATED") + 1), "related"},
	{1 << (num("IP_CT_NEW") + 1), "new"},
	{uint64(num("NF_CT_STATE_UNTRACKED_BIT")), "untracked"},
}

// tcpFlagNames are nft's TCP flag names, bit 0 first.
var tcpFlagNames = []string{"fin", "syn", "rst", "psh", "ack", "urg", "ecn", "cwr"}

// hostUint reads b (up to 8 bytes) as an integer in the capture's byte order.
func hostUint(b []byte, be bool) uint64 {
	var v uint64
	if be {
		for _, x := range b {
			v = v<<8 | uint64(x)
		}
		return v
	}
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// beUint reads b (up to 8 bytes) big-endian.
func beUint(b []byte) uint64 { return hostUint(b, true) }

// renderValue prints b as nft prints a value of type t; be is the capture's byte
// order (registers hold host-order integers).
func renderValue(b []byte, t valType, be bool) string {
	if len(b) > 8 && t != tIP6 && t != tIfname && t != tMAC {
		t = tRaw
	}
	switch t {
	case tPort, tIntBE:
		return strconv.FormatUint(beUint(b), 10)
	case tEtherType:
		v := beUint(b)
		switch v {
		case unix.ETH_P_IP:
			return "ip"
		case unix.ETH_P_IPV6:
			return "ip6"
		case unix.ETH_P_ARP:
			return "arp"
		case unix.ETH_P_8021Q:
			return "8021q"
		}
		return "0x" + strconv.FormatUint(v, 16)
	case tProto:
		v := hostUint(b, be)
		if n, ok := protoNames[v]; ok {
			return n
		}
		return strconv.FormatUint(v, 10)
	case tNfproto:
		switch hostUint(b, be) {
		case unix.NFPROTO_IPV4:
			return "ipv4"
		case unix.NFPROTO_IPV6:
			return "ipv6"
		}
	case tIP4:
		if len(b) == 4 {
			return netip.AddrFrom4([4]byte(b)).String()
		}
	case tIP6:
		if len(b) == 16 {
			return netip.AddrFrom16([16]byte(b)).String()
		}
	case tMAC:
		var sb strings.Builder
		for i, x := range b {
			if i > 0 {
				sb.WriteByte(':')
			}
			sb.WriteString(hex2(x))
		}
		return sb.String()
	case tIfname:
		return strconv.Quote(string(decode.TrimNUL(b)))
	case tMark:
		s := strconv.FormatUint(hostUint(b, be), 16)
		return "0x" + strings.Repeat("0", max(0, 8-len(s))) + s
	case tCtState:
		return bitNames(hostUint(b, be), func(v uint64) []string {
			var out []string
			for _, s := range ctStateBits {
				if v&s.bit != 0 {
					out = append(out, s.name)
				}
			}
			return out
		})
	case tCtStatus:
		names, _ := ctStatusFlags.Names(hostUint(b, be))
		for i := range names {
			names[i] = strings.ToLower(names[i])
		}
		if len(names) > 0 {
			return strings.Join(names, ",")
		}
	case tCtDir:
		if hostUint(b, be) == 0 {
			return "original"
		}
		return "reply"
	case tTCPFlags:
		return bitNames(hostUint(b, be), func(v uint64) []string {
			var out []string
			for i, n := range tcpFlagNames {
				if v&(1<<i) != 0 {
					out = append(out, n)
				}
			}
			return out
		})
	case tIntHost:
		return strconv.FormatUint(hostUint(b, be), 10)
	}
	return hexBytes(b)
}

func bitNames(v uint64, names func(uint64) []string) string {
	n := names(v)
	if len(n) == 0 {
		return "0x" + strconv.FormatUint(v, 16)
	}
	return strings.Join(n, ",")
}

func hex2(x byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[x>>4], digits[x&15]})
}

// hexBytes prints bytes as 0x-prefixed hex.
func hexBytes(b []byte) string {
	var sb strings.Builder
	sb.WriteString("0x")
	for _, x := range b {
		sb.WriteString(hex2(x))
	}
	return sb.String()
}

// debugWords prints data as nft --debug=netlink does: 32-bit words read in host
// order, zero-padded.
func debugWords(b []byte, be bool) string {
	var sb strings.Builder
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		var v uint32
		if be {
			v = binary.BigEndian.Uint32(w[:])
		} else {
			v = binary.LittleEndian.Uint32(w[:])
		}
		if i > 0 {
			sb.WriteByte(' ')
		}
		s := strconv.FormatUint(uint64(v), 16)
		sb.WriteString("0x" + strings.Repeat("0", 8-len(s)) + s)
	}
	return sb.String()
}

// str returns a string field's value without its NUL, or "".
func strOf(f *decode.Field) string {
	if f == nil {
		return ""
	}
	return string(decode.TrimNUL(f.Bytes))
}
