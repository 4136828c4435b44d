package xfrm

// NETLINK_USERSOCK (protocol 2) is reserved for user-mode socket protocols: the
// kernel only relays it between user sockets, and it has no defined message
// format. Its messages are named by number (type-N) and their payload walked as
// decode.RawProtocol does: the shortest 4-aligned fixed header after which the rest
// parses as attributes, else raw bytes.
//
//	+---------------------+------------------------------------------------+
//	| nlmsghdr (16 bytes) | application-defined payload                    |
//	+---------------------+------------------------------------------------+

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

func init() { decode.Register(unix.NETLINK_USERSOCK, UserSock{}) }

// usersockRaw is the raw decoder under the protocol's name.
var usersockRaw = decode.NewRawProtocol("usersock")

// UserSock is the NETLINK_USERSOCK decoder; init registers it for protocol 2.
type UserSock struct{}

// Name implements decode.Protocol.
func (UserSock) Name() string { return "usersock" }

// MessageType implements decode.Protocol: types are named by number (type-N).
func (UserSock) MessageType(c *decode.Context, t uint16) (string, decode.Op) {
	return usersockRaw.MessageType(c, t)
}

// DecodePayload implements decode.Protocol: a header and attributes when the
// payload parses so, else raw bytes.
func (UserSock) DecodePayload(c *decode.Context, off, end int) []decode.Field {
	return usersockRaw.DecodePayload(c, off, end)
}

// Summary implements decode.Protocol: nothing to say about an unknown format.
func (UserSock) Summary(m *decode.Message) string { return "" }
