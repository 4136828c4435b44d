package sockdiag

// An inet_diag reply does not say its IP protocol (INET_DIAG_PROTOCOL comes only
// for some): TCP and UDP sockets look alike, and INET_DIAG_INFO is a struct
// tcp_info only for TCP and DCCP. The protocol is in the request, so the decoder
// remembers the sdiag_protocol of the last few requests by sequence number (ss
// numbers all its requests 123456 and sends them one after another, so the last
// request with the reply's sequence number is its request) in the session's
// per-protocol state.

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// protoUnknown is the protocol of a reply whose request was not seen.
const protoUnknown = 0xffff

// recentRequests remembers the protocol of the last requests (a fixed ring: no
// allocation per message).
type recentRequests struct {
	seq   [8]uint32
	proto [8]uint16
	n     int
}

// state returns the session's sock_diag state, or nil without a session.
func state(c *decode.Context) *recentRequests {
	d := c.Decoder()
	if d == nil || d.Session == nil {
		return nil
	}
	s := d.Session
	if r, ok := s.Protocols[unix.NETLINK_SOCK_DIAG].(*recentRequests); ok {
		return r
	}
	if s.Protocols == nil {
		s.Protocols = make(map[uint16]any)
	}
	r := new(recentRequests)
	s.Protocols[unix.NETLINK_SOCK_DIAG] = r
	return r
}

// noteRequest remembers an inet request's protocol; echoed requests (inside
// NLMSG_ERROR) are not requests of their own.
func noteRequest(c *decode.Context, proto uint16) {
	setProtocol(c, proto)
	if c.Echoed {
		return
	}
	r := state(c)
	if r == nil {
		return
	}
	seq := c.Header.Seq
	for i := 0; i < len(r.seq) && i < r.n; i++ {
		if r.seq[i] == seq {
			r.proto[i] = proto
			return
		}
	}
	i := r.n % len(r.seq)
	r.seq[i], r.proto[i] = seq, proto
	r.n++
}

// replyProtocol returns the protocol of the request with the reply's sequence
// number, or protoUnknown.
func replyProtocol(c *decode.Context) uint16 {
	if r := state(c); r != nil {
		seq := c.Header.Seq
		for i := 0; i < len(r.seq) && i < r.n; i++ {
			if r.seq[i] == seq {
				return r.proto[i]
			}
		}
	}
	return protoUnknown
}

// info is what a message's summary needs beyond its fields, kept in
// decode.Message.Info: the inet protocol.
type info uint16

// unknownInfo and mptcpInfo are info values above 255 boxed once: boxing them
// per message would allocate (smaller ones are boxed without allocation).
var (
	unknownInfo any = info(protoUnknown)
	mptcpInfo   any = info(unix.IPPROTO_MPTCP)
)

// setProtocol records the inet protocol of the message being decoded, for
// INET_DIAG_INFO and the summary.
func setProtocol(c *decode.Context, p uint16) {
	var v any
	switch {
	case p < 256:
		v = info(p)
	case p == unix.IPPROTO_MPTCP:
		v = mptcpInfo
	default:
		v = unknownInfo
	}
	if c.Msg != nil && !c.Echoed {
		c.Msg.Info = v
	}
	c.Selector = v
}

// protocolOf returns the protocol set for the message being decoded.
func protocolOf(c *decode.Context) uint16 {
	if p, ok := c.Selector.(info); ok {
		return uint16(p)
	}
	return protoUnknown
}
