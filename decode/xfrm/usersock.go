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
	"golang.org/x/sys/unix"
)

func init() { decode.Register(unix.NETLINK_USERSOCK, UserSock{decode.NewRawProtocol("usersock")}) }

// UserSock is the NETLINK_USERSOCK decoder; init registers it for protocol 2. It
// is the raw decoder under the protocol's name.
type UserSock struct{ *decode.RawProtocol }
