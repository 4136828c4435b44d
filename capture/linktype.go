package capture

import (
	"strconv"

	"github.com/gopacket/gopacket/layers"
	unix "github.com/nldump/nldump/internal/abi"
)

// LinkTypeNetlink is LINKTYPE_NETLINK (DLT_NETLINK), the link type of captures made
// on an nlmon interface: every record starts with the 16-byte netlink pseudo-header.
// gopacket's layers package has no constant for it; the number is from the tcpdump
// link-type list, https://www.tcpdump.org/linktypes/LINKTYPE_NETLINK.html.
const LinkTypeNetlink layers.LinkType = 253

// Pseudo-header lengths of the link types that can carry netlink frames.
const (
	netlinkHeaderLen = 16 // LINKTYPE_NETLINK and LINKTYPE_LINUX_SLL
	sll2HeaderLen    = 20 // LINKTYPE_LINUX_SLL2
)

// carriesNetlink reports whether records of link type lt can hold netlink frames.
func carriesNetlink(lt layers.LinkType) bool {
	switch lt {
	case LinkTypeNetlink, layers.LinkTypeLinuxSLL, layers.LinkTypeLinuxSLL2:
		return true
	}
	return false
}

// linkTypeNames are the tcpdump LINKTYPE_ names of the link types a user is likely to
// hand us by mistake, from https://www.tcpdump.org/linktypes.html.
var linkTypeNames = map[layers.LinkType]string{
	layers.LinkTypeNull:           "NULL",
	layers.LinkTypeEthernet:       "ETHERNET",
	layers.LinkTypePPP:            "PPP",
	layers.LinkTypeRaw:            "RAW",
	layers.LinkTypeIEEE802_11:     "IEEE802_11",
	layers.LinkTypeLoop:           "LOOP",
	layers.LinkTypeLinuxSLL:       "LINUX_SLL",
	layers.LinkTypeIEEE80211Radio: "IEEE802_11_RADIOTAP",
	layers.LinkTypeLinuxUSB:       "USB_LINUX",
	layers.LinkTypeIPv4:           "IPV4",
	layers.LinkTypeIPv6:           "IPV6",
	LinkTypeNetlink:               "NETLINK",
	layers.LinkTypeLinuxSLL2:      "LINUX_SLL2",
}

// linkTypeString names a link type as "1 (ETHERNET)".
func linkTypeString(lt layers.LinkType) string {
	n := strconv.Itoa(int(lt))
	if name, ok := linkTypeNames[lt]; ok {
		return n + " (" + name + ")"
	}
	return n
}

// arphrdNames are the ARPHRD_ names of the device types seen in LINUX_SLL captures
// made on the "any" device.
var arphrdNames = map[uint16]string{
	unix.ARPHRD_ETHER:              "ETHER",
	unix.ARPHRD_INFINIBAND:         "INFINIBAND",
	unix.ARPHRD_CAN:                "CAN",
	unix.ARPHRD_PPP:                "PPP",
	unix.ARPHRD_RAWIP:              "RAWIP",
	unix.ARPHRD_TUNNEL:             "TUNNEL",
	unix.ARPHRD_TUNNEL6:            "TUNNEL6",
	unix.ARPHRD_LOOPBACK:           "LOOPBACK",
	unix.ARPHRD_SIT:                "SIT",
	unix.ARPHRD_IPGRE:              "IPGRE",
	unix.ARPHRD_IEEE80211_RADIOTAP: "IEEE80211_RADIOTAP",
	unix.ARPHRD_IEEE802154:         "IEEE802154",
	unix.ARPHRD_IP6GRE:             "IP6GRE",
	unix.ARPHRD_NETLINK:            "NETLINK",
	unix.ARPHRD_NONE:               "NONE",
	unix.ARPHRD_VOID:               "VOID",
}

// arphrdString names a device type as "1 (ETHER)".
func arphrdString(t uint16) string {
	n := strconv.Itoa(int(t))
	if name, ok := arphrdNames[t]; ok {
		return n + " (" + name + ")"
	}
	return n
}
