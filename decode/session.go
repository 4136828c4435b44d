package decode

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
}

// NewSession returns an empty session.
func NewSession() *Session {
	return &Session{
		GenlFamilies: make(map[uint16]string),
		GenlGroups:   make(map[uint32]string),
		Links:        make(map[int32]string),
	}
}
