package decode

import (
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/internal/nlwire"
)

// wire builds netlink bytes in one byte order, for tests that run in both orders.
type wire struct{ nlwire.Wire }

var (
	cat = nlwire.Cat
)

// msg builds an nlmsghdr (nlmsg_len computed) followed by the payload, padded.
func (w wire) msg(typ, flags uint16, seq, pid uint32, payload ...[]byte) []byte {
	return w.Msg(typ, flags, seq, pid, payload...)
}

func frame(proto uint16, data []byte) *capture.Frame {
	return &capture.Frame{Number: 1, Protocol: proto, Data: data, Length: len(data)}
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{}}, {"big", wire{nlwire.Wire{BE: true}}}}
