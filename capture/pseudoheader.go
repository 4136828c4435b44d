package capture

import (
	"encoding/binary"

	"github.com/gopacket/gopacket/layers"
	unix "github.com/nldump/nldump/internal/abi"
)

// pseudoHeader is the link-layer header in front of the netlink bytes of a record.
//
// LINKTYPE_NETLINK (253) and LINKTYPE_LINUX_SLL (113) share one 16-byte layout, all
// fields big-endian (https://www.tcpdump.org/linktypes/LINKTYPE_NETLINK.html,
// https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html):
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|          packet type          |          ARPHRD type          |  0
//	+---------------+---------------+---------------+---------------+
//	|        address length         |                               |  4
//	+---------------+---------------+                               +
//	|                    address (8 bytes, padded)                  |  8
//	+                               +---------------+---------------+
//	|                               |           protocol            | 12
//	+---------------+---------------+---------------+---------------+
//
// LINKTYPE_LINUX_SLL2 (276) is 20 bytes
// (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html):
//
//	+---------------+---------------+---------------+---------------+
//	|           protocol            |           reserved            |  0
//	+---------------+---------------+---------------+---------------+
//	|                       interface index                        |  4
//	+---------------+---------------+---------------+---------------+
//	|          ARPHRD type          |  packet type  |  addr length  |  8
//	+---------------+---------------+---------------+---------------+
//	|                    address (8 bytes, padded)                  | 12
//	+                                                               +
//	|                                                               | 16
//	+---------------+---------------+---------------+---------------+
type pseudoHeader struct {
	packetType uint16
	arphrd     uint16
	protocol   uint16
	len        int  // bytes the header takes in front of the netlink bytes
	netlink    bool // the record is a netlink frame
}

// parsePseudoHeader reads the pseudo-header of a record of link type lt. It reports
// false when the record is too short to hold it, or lt carries no netlink frames.
func parsePseudoHeader(lt layers.LinkType, b []byte) (pseudoHeader, bool) {
	switch lt {
	case LinkTypeNetlink:
		if len(b) < netlinkHeaderLen {
			return pseudoHeader{}, false
		}
		return pseudoHeader{
			packetType: binary.BigEndian.Uint16(b[0:2]),
			arphrd:     binary.BigEndian.Uint16(b[2:4]),
			protocol:   binary.BigEndian.Uint16(b[14:16]),
			len:        netlinkHeaderLen,
			netlink:    true, // whatever the ARPHRD field says
		}, true
	case layers.LinkTypeLinuxSLL:
		if len(b) < netlinkHeaderLen {
			return pseudoHeader{}, false
		}
		arphrd := binary.BigEndian.Uint16(b[2:4])
		return pseudoHeader{
			packetType: binary.BigEndian.Uint16(b[0:2]),
			arphrd:     arphrd,
			protocol:   binary.BigEndian.Uint16(b[14:16]),
			len:        netlinkHeaderLen,
			netlink:    arphrd == unix.ARPHRD_NETLINK,
		}, true
	case layers.LinkTypeLinuxSLL2:
		if len(b) < sll2HeaderLen {
			return pseudoHeader{}, false
		}
		arphrd := binary.BigEndian.Uint16(b[8:10])
		return pseudoHeader{
			protocol:   binary.BigEndian.Uint16(b[0:2]),
			arphrd:     arphrd,
			packetType: uint16(b[10]),
			len:        sll2HeaderLen,
			netlink:    arphrd == unix.ARPHRD_NETLINK,
		}, true
	}
	return pseudoHeader{}, false
}

// appendNetlinkHeader appends the LINKTYPE_NETLINK pseudo-header of f to b.
func appendNetlinkHeader(b []byte, f *Frame) []byte {
	b = binary.BigEndian.AppendUint16(b, f.PacketType)
	b = binary.BigEndian.AppendUint16(b, f.ARPHRD)
	b = binary.BigEndian.AppendUint16(b, 0) // address length
	b = append(b, 0, 0, 0, 0, 0, 0, 0, 0)   // address
	return binary.BigEndian.AppendUint16(b, f.Protocol)
}
