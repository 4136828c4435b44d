package route

import (
	"encoding/binary"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// ifinfomsg offsets (struct ifinfomsg, include/uapi/linux/rtnetlink.h): ifi_index
// is the s32 at byte 4 of the 16-byte header.
const (
	ifinfomsgLen   = 16
	ifinfomsgIndex = 4
)

// Learn records in sess the interface names that the RTM_NEWLINK messages of fr
// announce, keeping the first name seen for an index. A command reading a file
// calls it for every frame in a first pass, so that a message naming an interface
// by index before the capture shows that interface's RTM_NEWLINK (a route dump
// taken before the link dump, a master listed after its ports) prints the name.
// Decoding itself updates the names as it goes, so later renames still show.
func Learn(sess *decode.Session, fr *capture.Frame) {
	if fr.Protocol != unix.NETLINK_ROUTE {
		return
	}
	b := fr.Data
	be := decode.DetectBigEndian(b)
	o := order(be)
	for off := 0; off+unix.NLMSG_HDRLEN <= len(b); {
		l := int(o.Uint32(b[off:]))
		if l < unix.NLMSG_HDRLEN || l > len(b)-off {
			return
		}
		t := o.Uint16(b[off+4:])
		flags := o.Uint16(b[off+6:])
		p := off + unix.NLMSG_HDRLEN
		// Only the kernel's messages: a request's name may be a wish (ip link add,
		// a failing rename) and its index 0.
		if t == unix.RTM_NEWLINK && flags&unix.NLM_F_REQUEST == 0 && l-unix.NLMSG_HDRLEN >= ifinfomsgLen {
			idx := int32(o.Uint32(b[p+ifinfomsgIndex:]))
			it := decode.NewAttrIter(b, p+ifinfomsgLen, off+l, be)
			for it.Next() {
				if it.Type == unix.IFLA_IFNAME {
					vs, ve := it.Value()
					if _, known := sess.Links[idx]; !known && ve > vs {
						sess.Links[idx] = string(decode.TrimNUL(b[vs:ve]))
					}
					break
				}
			}
		}
		off += (l + 3) &^ 3
	}
}

// order returns the byte order DetectBigEndian chose.
func order(be bool) binary.ByteOrder {
	if be {
		return binary.BigEndian
	}
	return binary.LittleEndian
}
