package xfrm

// NETLINK_NFLOG (protocol 5) is the protocol of the legacy ipt_ULOG and ebt_ulog
// targets (not nfnetlink_log, which is NETLINK_NETFILTER, protocol 12). Linux
// 3.17 removed both targets, and with them struct ulog_packet_msg (include/uapi/
// linux/netfilter_ipv4/ipt_ULOG.h), whose layout was architecture-dependent
// (unsigned long, size_t). A capture from an old kernel shows ULOG_NL_EVENT
// messages, named here; their payload is walked raw.
//
//	+---------------------+------------------------------------------------+
//	| nlmsghdr (16 bytes) | struct ulog_packet_msg (old kernels) ...       |
//	+---------------------+------------------------------------------------+

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// ulogNLEvent is ULOG_NL_EVENT (include/uapi/linux/netfilter_ipv4/ipt_ULOG.h,
// removed in Linux 3.17): the type of every ULOG packet message.
const ulogNLEvent = 111

func init() { decode.Register(unix.NETLINK_NFLOG, NFLog{}) }

// nflogRaw is the raw decoder under the protocol's name.
var nflogRaw = decode.NewRawProtocol("nflog")

// NFLog is the NETLINK_NFLOG (legacy ULOG) decoder; init registers it for
// protocol 5.
type NFLog struct{}

// Name implements decode.Protocol.
func (NFLog) Name() string { return "nflog" }

// MessageType implements decode.Protocol: ULOG_NL_EVENT by name, others by number.
func (NFLog) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	if t == ulogNLEvent {
		return "ULOG_NL_EVENT", decode.OpOther
	}
	return nflogRaw.MessageType(c, t)
}

// DecodePayload implements decode.Protocol: the payload walked raw.
func (NFLog) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	return nflogRaw.DecodePayload(c, off, end)
}

// Summary implements decode.Protocol: nothing (the payload is not decoded).
func (NFLog) Summary(m *decode.Message) string { return "" }
