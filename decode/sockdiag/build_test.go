package sockdiag

import (
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nlwire"
	"golang.org/x/sys/unix"
)

// wire builds netlink bytes in one byte order, so that each table test runs in both.
type wire struct{ nlwire.Wire }

var (
	cat  = nlwire.Cat
	be16 = nlwire.BE16
)

func zeros(n int) []byte { return make([]byte, n) }

// msg builds a message with sequence number seq from port 0.
func (w wire) msg(typ, flags uint16, seq uint32, payload ...[]byte) []byte {
	return w.Msg(typ, flags, seq, 0, payload...)
}

// sockid builds struct inet_diag_sockid: ports and addresses in network order,
// the interface and the cookie words in host order.
func (w wire) sockid(sport, dport uint16, src, dst []byte, ifindex uint32, cookie uint64) []byte {
	a := func(b []byte) []byte { return cat(b, zeros(16-len(b))) }
	return cat(be16(sport), be16(dport), a(src), a(dst), w.U32(ifindex), w.U32(uint32(cookie)), w.U32(uint32(cookie>>32)))
}

var orders = []struct {
	name string
	w    wire
}{{"little", wire{}}, {"big", wire{nlwire.Wire{BE: true}}}}

// decodeFrames decodes frames (NETLINK_SOCK_DIAG) with one decoder in the given
// order and returns the messages of the last frame.
func decodeFrames(t testing.TB, be bool, frames ...[]byte) []decode.Message {
	t.Helper()
	d := decode.NewDecoder()
	d.Order = decode.LittleEndian
	if be {
		d.Order = decode.BigEndian
	}
	var msgs []decode.Message
	for i, data := range frames {
		fr := &capture.Frame{Number: i + 1, Protocol: unix.NETLINK_SOCK_DIAG, Data: data, Length: len(data)}
		msgs = d.DecodeFrame(fr, nil)
	}
	return msgs
}
