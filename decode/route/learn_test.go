package route

import (
	"encoding/binary"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

func TestLearnLinkNames(t *testing.T) {
	for _, be := range []bool{false, true} {
		var o binary.AppendByteOrder = binary.LittleEndian
		if be {
			o = binary.BigEndian
		}
		newlink := func(idx uint32, name string) []byte {
			attr := o.AppendUint16(nil, uint16(4+len(name)+1)) // nla_len
			attr = o.AppendUint16(attr, unix.IFLA_IFNAME)      // nla_type
			attr = append(attr, name...)
			attr = append(attr, 0)
			for len(attr)%4 != 0 {
				attr = append(attr, 0)
			}
			hdr := o.AppendUint32(make([]byte, 4), idx)       // ifinfomsg: family, pad, type, then ifi_index
			hdr = append(hdr, make([]byte, 8)...)             // ifi_flags, ifi_change
			b := o.AppendUint32(nil, uint32(16+16+len(attr))) // nlmsg_len
			b = o.AppendUint16(b, unix.RTM_NEWLINK)           // nlmsg_type
			b = o.AppendUint16(b, unix.NLM_F_MULTI)           // nlmsg_flags
			b = o.AppendUint32(b, 1)                          // nlmsg_seq
			b = o.AppendUint32(b, 100)                        // nlmsg_pid
			return append(append(b, hdr...), attr...)
		}
		data := append(newlink(11, "vrf-blue"), newlink(4, "dummy1")...)
		data = append(data, newlink(11, "renamed")...) // the first name seen wins
		s := decode.NewSession()
		Learn(s, &capture.Frame{Protocol: unix.NETLINK_ROUTE, Data: data, Length: len(data)})
		if s.Links[11] != "vrf-blue" || s.Links[4] != "dummy1" || len(s.Links) != 2 {
			t.Errorf("big=%v: learned %v", be, s.Links)
		}
		// Other protocols and malformed frames are ignored without a panic.
		Learn(s, &capture.Frame{Protocol: unix.NETLINK_GENERIC, Data: data})
		Learn(s, &capture.Frame{Protocol: unix.NETLINK_ROUTE, Data: data[:20]})
	}
}
