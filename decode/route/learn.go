package route

import (
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
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
	for off := 0; off+unix.NLMSG_HDRLEN <= len(b); {
		l := int(readU32(b[off:], be))
		if l < unix.NLMSG_HDRLEN || l > len(b)-off {
			return
		}
		t := readU16(b[off+4:], be)
		flags := readU16(b[off+6:], be)
		p := off + unix.NLMSG_HDRLEN
		// Only the kernel's messages: a request's name may be a wish (ip link add,
		// a failing rename) and its index 0.
		if t == unix.RTM_NEWLINK && flags&unix.NLM_F_REQUEST == 0 && l-unix.NLMSG_HDRLEN >= ifinfomsgLen {
			idx := int32(readU32(b[p+ifinfomsgIndex:], be))
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

func readU16(b []byte, be bool) uint16 {
	if be {
		return uint16(b[0])<<8 | uint16(b[1])
	}
	return uint16(b[1])<<8 | uint16(b[0])
}

func readU32(b []byte, be bool) uint32 {
	if be {
		return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	}
	return uint32(b[3])<<24 | uint32(b[2])<<16 | uint32(b[1])<<8 | uint32(b[0])
}
