package decode

import unix "github.com/nldump/nldump/internal/abi"

// Session is the state of one capture that decoding a message may need from the
// messages before it: generic netlink family ids learned from the controller, and
// names of interfaces learned from link messages. Protocol decoders read and fill it
// through Context.Decoder().Session.
type Session struct {
	// GenlFamilies maps a generic netlink family id to its name.
	GenlFamilies map[uint16]string
	// GenlGroups maps a generic netlink multicast group id to "family/group".
	GenlGroups map[uint32]string
	// Links maps an interface index to its name.
	Links map[int32]string
	// Protocols holds state a protocol decoder keeps across the messages of a
	// capture, by netlink protocol number (sock_diag: the protocol of recent
	// requests, which their replies do not repeat). Decoders create their entry.
	Protocols map[uint16]any

	// pendingGet holds the (protocol, seq) of GET requests (not dumps) whose reply
	// has not been seen yet: the reply looks like a notification otherwise.
	pendingGet map[pendingKey]struct{}
}

type pendingKey struct {
	proto uint16
	seq   uint32
}

// maxPending bounds pendingGet; requests never answered are forgotten past it.
const maxPending = 4096

// refineDirection tells a reply to a GET request from a notification: both come
// from the kernel without NLM_F_REQUEST or NLM_F_MULTI, but the reply carries the
// sequence number of a GET request still waiting for its answer.
func (s *Session) refineDirection(proto uint16, h Header, op Op, dir Direction) Direction {
	k := pendingKey{proto, h.Seq}
	switch dir {
	case DirRequest:
		if op == OpGet && h.Flags&unix.NLM_F_DUMP != unix.NLM_F_DUMP {
			if s.pendingGet == nil || len(s.pendingGet) >= maxPending {
				s.pendingGet = make(map[pendingKey]struct{})
			}
			s.pendingGet[k] = struct{}{}
		}
	case DirNotify:
		if _, ok := s.pendingGet[k]; ok && h.Seq != 0 {
			delete(s.pendingGet, k)
			return DirReply
		}
	case DirAck:
		delete(s.pendingGet, k)
	}
	return dir
}

// NewSession returns an empty session.
func NewSession() *Session {
	return &Session{
		GenlFamilies: make(map[uint16]string),
		GenlGroups:   make(map[uint32]string),
		Links:        make(map[int32]string),
	}
}
