package decode

// Netlink message header (struct nlmsghdr, include/uapi/linux/netlink.h), in the byte
// order of the capturing host:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|                          nlmsg_len                            |
//	+---------------+---------------+---------------+---------------+
//	|          nlmsg_type           |          nlmsg_flags          |
//	+---------------+---------------+---------------+---------------+
//	|                          nlmsg_seq                            |
//	+---------------+---------------+---------------+---------------+
//	|                          nlmsg_pid                            |
//	+---------------+---------------+---------------+---------------+
//	|   payload (nlmsg_len - 16 bytes) ...          |  pad to 4     |
//	+---------------+---------------+---------------+---------------+

import (
	"time"

	"github.com/nldump/nldump/capture"
	unix "github.com/nldump/nldump/internal/abi"
)

// Header is a decoded nlmsghdr.
type Header struct {
	Len   uint32
	Type  uint16
	Flags uint16
	Seq   uint32
	Pid   uint32
}

// Direction says which way a message went, judged from the message itself (the
// pseudo-header's packet type is 4 on every real capture).
type Direction uint8

// Directions.
const (
	// DirUnknown is a message too malformed to judge.
	DirUnknown Direction = iota
	// DirRequest is a message with NLM_F_REQUEST: user space to the kernel.
	DirRequest
	// DirReply is a reply to a request: a dump part (NLM_F_MULTI), NLMSG_DONE, or a
	// reply the session paired with a request.
	DirReply
	// DirNotify is a message from the kernel that no request asked for directly:
	// a multicast notification.
	DirNotify
	// DirAck is an NLMSG_ERROR with error 0.
	DirAck
	// DirError is an NLMSG_ERROR with a negative errno.
	DirError
)

var dirNames = [...]string{"unknown", "request", "reply", "notification", "ack", "error"}

// String returns the direction's name ("request", "reply", ...).
func (d Direction) String() string {
	if int(d) < len(dirNames) {
		return dirNames[d]
	}
	return "unknown"
}

// ToKernel reports whether the message went from user space to the kernel.
func (d Direction) ToKernel() bool { return d == DirRequest }

// Message is one decoded netlink message.
type Message struct {
	// Frame is the frame the message came from.
	Frame *capture.Frame
	// Index is the message's 0-based position in its frame.
	Index int
	// Offset is where the message starts in Frame.Data.
	Offset int
	// Data is the message's bytes (nlmsg_len of them, or fewer if the frame ends).
	Data []byte
	// Header is the decoded nlmsghdr.
	Header Header
	// BigEndian is the byte order the frame was decoded in.
	BigEndian bool
	// Direction is which way the message went.
	Direction Direction
	// Protocol is the netlink protocol's decoder.
	Protocol Protocol
	// TypeName is the message type's name (RTM_NEWLINK, NLMSG_ERROR, nlctrl ...).
	TypeName string
	// Op is the kind of request the type is (GET, NEW, DEL), for flag names.
	Op Op
	// Root is the message's field tree: the nlmsghdr node, then the payload.
	Root Field
	// Error is set for NLMSG_ERROR and NLMSG_DONE messages.
	Error *ErrorInfo
	// Malformed is set when any part of the message could not be decoded; the
	// field tree carries notes saying where.
	Malformed bool
	// Family is a protocol-specific sub-family name (the genl family), if any.
	Family string
	// Info is protocol-specific state for summaries (set by the protocol).
	Info any
}

// Time returns the capture time of the message's frame.
func (m *Message) Time() time.Time {
	if m.Frame == nil {
		return time.Time{}
	}
	return m.Frame.Time
}

// ProtoNum returns the netlink protocol number.
func (m *Message) ProtoNum() uint16 {
	if m.Frame == nil {
		return 0
	}
	return m.Frame.Protocol
}

// Field returns the first field in the message's tree with the filter name, or nil.
func (m *Message) Field(name string) *Field { return m.Root.Find(name) }

// Payload returns the message's payload fields (everything after the nlmsghdr node).
func (m *Message) Payload() []Field {
	if len(m.Root.Children) == 0 {
		return nil
	}
	return m.Root.Children[1:]
}

// Summary returns the one-line description of the message's payload.
func (m *Message) Summary() string {
	if m.Error != nil {
		return m.Error.summary(m)
	}
	if m.Protocol == nil {
		return ""
	}
	return m.Protocol.Summary(m)
}

// Op is the kind of operation a message type is, which decides how the
// nlmsg_flags bits 0x100-0x800 read.
type Op uint8

// Operation kinds.
const (
	// OpOther is a type whose upper flag bits have no fixed reading.
	OpOther Op = iota
	// OpGet: ROOT, MATCH (DUMP = both), ATOMIC.
	OpGet
	// OpNew: REPLACE, EXCL, CREATE, APPEND.
	OpNew
	// OpDel: NONREC, BULK.
	OpDel
	// OpAck: NLMSG_ERROR and NLMSG_DONE: CAPPED, ACK_TLVS.
	OpAck
)

// Protocol decodes the messages of one netlink protocol (NETLINK_ROUTE, ...).
type Protocol interface {
	// Name is the protocol's short name ("route", "generic").
	Name() string
	// MessageType names message type t (>= NLMSG_MIN_TYPE) and says its kind.
	MessageType(c *Context, t uint16) (name string, op Op)
	// DecodePayload decodes a message's payload, c.Data[off:end], into fields.
	DecodePayload(c *Context, off, end int) []Field
	// Summary returns a one-line description of m (without type name).
	Summary(m *Message) string
}

// protocolNames names the netlink protocols nlmon taps.
var protocolNames = map[uint16]string{
	unix.NETLINK_ROUTE:          "route",
	unix.NETLINK_USERSOCK:       "usersock",
	unix.NETLINK_SOCK_DIAG:      "sock_diag",
	unix.NETLINK_NFLOG:          "nflog",
	unix.NETLINK_XFRM:           "xfrm",
	unix.NETLINK_SELINUX:        "selinux",
	unix.NETLINK_ISCSI:          "iscsi",
	unix.NETLINK_AUDIT:          "audit",
	unix.NETLINK_FIB_LOOKUP:     "fib_lookup",
	unix.NETLINK_CONNECTOR:      "connector",
	unix.NETLINK_NETFILTER:      "netfilter",
	unix.NETLINK_DNRTMSG:        "dnrtmsg",
	unix.NETLINK_KOBJECT_UEVENT: "uevent",
	unix.NETLINK_GENERIC:        "generic",
	unix.NETLINK_SCSITRANSPORT:  "scsitransport",
	unix.NETLINK_ECRYPTFS:       "ecryptfs",
	unix.NETLINK_RDMA:           "rdma",
	unix.NETLINK_CRYPTO:         "crypto",
	unix.NETLINK_SMC:            "smc",
}

// ProtocolName returns the short name of netlink protocol p ("route", "generic"),
// or "proto-N".
func ProtocolName(p uint16) string {
	if n, ok := protocolNames[p]; ok {
		return n
	}
	return "proto-" + itoa(int(p))
}

// ProtocolNumber returns the number of a protocol named as ProtocolName names it.
func ProtocolNumber(name string) (uint16, bool) {
	for n, s := range protocolNames {
		if s == name {
			return n, true
		}
	}
	return 0, false
}
