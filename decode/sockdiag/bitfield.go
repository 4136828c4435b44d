package sockdiag

// C bit fields: a compiler allocates them from the low bit of their storage unit
// on little-endian hosts and from the high bit on big-endian ones. A bitField
// names one field by its position counted the little-endian way; bitFields turns
// it into a child field holding the field's value, right in both byte orders.

import (
	"strings"

	"github.com/nldump/nldump/decode"
)

// bitField is one C bit field of an integer member.
type bitField struct {
	def          decode.FieldDef
	shift, width uint // position on a little-endian host
}

// newBitFields describes the bit fields of one storage unit, in declaration order.
func newBitFields(prefix string, fields ...struct {
	cname string
	width uint
	desc  string
}) []bitField {
	out := make([]bitField, len(fields))
	shift := uint(0)
	for i, f := range fields {
		out[i] = bitField{
			def:   decode.FieldDef{Name: prefix + "." + strings.TrimPrefix(f.cname, "tcpi_"), Label: f.cname, CName: f.cname, Kind: decode.KindU8, Desc: f.desc},
			shift: shift, width: f.width,
		}
		if f.width > 8 {
			out[i].def.Kind = decode.KindU32
		}
		shift += f.width
	}
	return out
}

type bf = struct {
	cname string
	width uint
	desc  string
}

// setBitFields gives the integer field f (size bytes) one child per bit field.
func setBitFields(c *decode.Context, f *decode.Field, size uint, fields []bitField) {
	kids := c.Alloc(len(fields))
	for i := range fields {
		bfd := &fields[i]
		shift := bfd.shift
		if c.BigEndian {
			shift = size*8 - bfd.shift - bfd.width
		}
		k := &kids[i]
		k.Def, k.Offset, k.Length, k.Bytes = &bfd.def, f.Offset, f.Length, f.Bytes
		k.Value = f.Value >> shift & (1<<bfd.width - 1)
	}
	f.Children = kids
}

// The bit fields of struct tcp_info (include/uapi/linux/tcp.h).
var (
	tcpiWscaleBits = newBitFields("tcpi",
		bf{"tcpi_snd_wscale", 4, "Window scale shift of what we send (the peer's receive window)."},
		bf{"tcpi_rcv_wscale", 4, "Window scale shift of what we receive (our advertised window)."},
	)
	tcpiByte7Bits = newBitFields("tcpi",
		bf{"tcpi_delivery_rate_app_limited", 1, "The delivery rate sample was limited by the application."},
		bf{"tcpi_fastopen_client_fail", 2, "Why a TCP Fast Open client fell back (TFO_STATUS_*: 1 cookie unavailable, 2 data not acked, 3 SYN retransmitted)."},
	)
	tcpiECNBits = newBitFields("tcpi",
		bf{"tcpi_ecn_mode", 2, "ECN mode: 0 disabled, 1 RFC 3168, 2 AccECN, 3 pending."},
		bf{"tcpi_accecn_opt_seen", 2, "AccECN option seen: 0 none, 1 empty, 2 counters, 3 failed."},
		bf{"tcpi_accecn_fail_mode", 4, "AccECN failures (TCP_ACCECN_*_FAIL_* bits)."},
		bf{"tcpi_options2", 24, "More option bits (none defined yet)."},
	)
)

// The bit fields of struct inet_diag_sockopt (include/uapi/linux/inet_diag.h), two
// __u8 storage units.
var (
	sockoptBits1 = newBitFields("inet_diag.sockopt",
		bf{"recverr", 1, "IP_RECVERR is set."}, bf{"is_icsk", 1, "A connection-oriented socket (inet_connection_sock)."},
		bf{"freebind", 1, "IP_FREEBIND is set."}, bf{"hdrincl", 1, "IP_HDRINCL is set (raw sockets)."},
		bf{"mc_loop", 1, "IP_MULTICAST_LOOP is set."}, bf{"transparent", 1, "IP_TRANSPARENT is set."},
		bf{"mc_all", 1, "IP_MULTICAST_ALL is set."}, bf{"nodefrag", 1, "IP_NODEFRAG is set."},
	)
	sockoptBits2 = newBitFields("inet_diag.sockopt",
		bf{"bind_address_no_port", 1, "IP_BIND_ADDRESS_NO_PORT is set."}, bf{"recverr_rfc4884", 1, "IP_RECVERR_RFC4884 is set."},
		bf{"defer_connect", 1, "TCP Fast Open connect is deferred (TCP_FASTOPEN_CONNECT)."}, bf{"unused", 5, "Unused bits."},
	)
)

// tcpInfoBitFields adds the bit-field children to a decoded struct tcp_info.
func tcpInfoBitFields(c *decode.Context, f *decode.Field) {
	for i := range f.Children {
		k := &f.Children[i]
		switch k.Def.Name {
		case "tcpi.wscale":
			setBitFields(c, k, 1, tcpiWscaleBits)
		case "tcpi.app_limited":
			setBitFields(c, k, 1, tcpiByte7Bits)
		case "tcpi.ecn_bits":
			setBitFields(c, k, 4, tcpiECNBits)
		}
	}
}

// bitFieldDefs lists the bit fields' definitions for --fields.
func bitFieldDefs() []*decode.FieldDef {
	var out []*decode.FieldDef
	for _, set := range [][]bitField{tcpiWscaleBits, tcpiByte7Bits, tcpiECNBits, sockoptBits1, sockoptBits2} {
		for i := range set {
			out = append(out, &set[i].def)
		}
	}
	return out
}
