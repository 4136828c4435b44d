package genl

// WireGuard (family "wireguard"; include/uapi/linux/wireguard.h). No fixed header:
//
//	genlmsghdr { cmd = WG_CMD_GET_DEVICE (0) | WG_CMD_SET_DEVICE (1), version 1 }
//	WGDEVICE_A_IFINDEX u32, WGDEVICE_A_IFNAME string, WGDEVICE_A_*_KEY [32]byte,
//	WGDEVICE_A_FLAGS u32, WGDEVICE_A_LISTEN_PORT u16, WGDEVICE_A_FWMARK u32,
//	WGDEVICE_A_PEERS [ { WGPEER_A_PUBLIC_KEY, WGPEER_A_ENDPOINT sockaddr_in(6),
//	                     WGPEER_A_LAST_HANDSHAKE_TIME __kernel_timespec, ...,
//	                     WGPEER_A_ALLOWEDIPS [ { WGALLOWEDIP_A_FAMILY u16,
//	                       WGALLOWEDIP_A_IPADDR, WGALLOWEDIP_A_CIDR_MASK u8 } ] } ]

import (
	"strconv"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

var (
	wgDeviceFlags = decode.NewFlagSet("wgdevice_flag", "WGDEVICE_F_", map[uint64]string{
		unix.WGDEVICE_F_REPLACE_PEERS: "WGDEVICE_F_REPLACE_PEERS"})
	wgPeerFlags = decode.NewFlagSet("wgpeer_flag", "WGPEER_F_", map[uint64]string{
		unix.WGPEER_F_REMOVE_ME: "WGPEER_F_REMOVE_ME", unix.WGPEER_F_REPLACE_ALLOWEDIPS: "WGPEER_F_REPLACE_ALLOWEDIPS",
		unix.WGPEER_F_UPDATE_ONLY: "WGPEER_F_UPDATE_ONLY"})
	addrFamily = decode.NewEnum("address family", "AF_", map[uint64]string{
		unix.AF_INET: "AF_INET", unix.AF_INET6: "AF_INET6"})

	sockaddrIn = decode.NewStruct("sockaddr_in", "sin",
		decode.Member{CName: "sin_family", Kind: decode.KindU16, Enum: addrFamily},
		decode.Member{CName: "sin_port", Kind: decode.KindU16, BigEndian: true},
		decode.Member{CName: "sin_addr", Kind: decode.KindAddr, Size: 4},
		decode.Member{Kind: decode.KindPad, Size: 8})
	sockaddrIn6 = decode.NewStruct("sockaddr_in6", "sin6",
		decode.Member{CName: "sin6_family", Kind: decode.KindU16, Enum: addrFamily},
		decode.Member{CName: "sin6_port", Kind: decode.KindU16, BigEndian: true},
		decode.Member{CName: "sin6_flowinfo", Kind: decode.KindU32, BigEndian: true},
		decode.Member{CName: "sin6_addr", Kind: decode.KindAddr, Size: 16},
		decode.Member{CName: "sin6_scope_id", Kind: decode.KindU32})
	kernelTimespec = decode.NewStruct("__kernel_timespec", "timespec",
		decode.Member{CName: "tv_sec", Kind: decode.KindS64, Unit: "s"},
		decode.Member{CName: "tv_nsec", Kind: decode.KindS64, Unit: "ns"})
)

// sockaddrCustom decodes a struct sockaddr_in or sockaddr_in6 by its length.
func sockaddrCustom(c *decode.Context, f *decode.Field) {
	vs, ve := f.Offset+4, f.Offset+f.Length
	s := sockaddrIn
	if ve-vs >= sockaddrIn6.Size {
		s = sockaddrIn6
	}
	f.Children, _ = c.StructMembers(s, vs, ve)
}

var wgAllowedIPAttrs = decode.NewAttrSet("WGALLOWEDIP_A", "wireguard.allowedip",
	decode.Attr{Type: unix.WGALLOWEDIP_A_FAMILY, CName: "WGALLOWEDIP_A_FAMILY", Kind: decode.KindU16, Enum: addrFamily},
	decode.Attr{Type: unix.WGALLOWEDIP_A_IPADDR, CName: "WGALLOWEDIP_A_IPADDR", Kind: decode.KindAddr},
	decode.Attr{Type: unix.WGALLOWEDIP_A_CIDR_MASK, CName: "WGALLOWEDIP_A_CIDR_MASK", Kind: decode.KindU8},
)

var wgPeerAttrs = decode.NewAttrSet("WGPEER_A", "wireguard.peer",
	decode.Attr{Type: unix.WGPEER_A_PUBLIC_KEY, CName: "WGPEER_A_PUBLIC_KEY", Kind: decode.KindBinary},
	decode.Attr{Type: unix.WGPEER_A_PRESHARED_KEY, CName: "WGPEER_A_PRESHARED_KEY", Kind: decode.KindBinary},
	decode.Attr{Type: unix.WGPEER_A_FLAGS, CName: "WGPEER_A_FLAGS", Kind: decode.KindU32, Flags: wgPeerFlags},
	decode.Attr{Type: unix.WGPEER_A_ENDPOINT, CName: "WGPEER_A_ENDPOINT", Kind: decode.KindBinary, Custom: sockaddrCustom},
	decode.Attr{Type: unix.WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL, CName: "WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL", Kind: decode.KindU16, Unit: "s"},
	decode.Attr{Type: unix.WGPEER_A_LAST_HANDSHAKE_TIME, CName: "WGPEER_A_LAST_HANDSHAKE_TIME", Struct: kernelTimespec},
	decode.Attr{Type: unix.WGPEER_A_RX_BYTES, CName: "WGPEER_A_RX_BYTES", Kind: decode.KindU64, Unit: "bytes"},
	decode.Attr{Type: unix.WGPEER_A_TX_BYTES, CName: "WGPEER_A_TX_BYTES", Kind: decode.KindU64, Unit: "bytes"},
	decode.Attr{Type: unix.WGPEER_A_ALLOWEDIPS, CName: "WGPEER_A_ALLOWEDIPS", Array: true, Elem: &decode.Attr{Nested: wgAllowedIPAttrs}},
	decode.Attr{Type: unix.WGPEER_A_PROTOCOL_VERSION, CName: "WGPEER_A_PROTOCOL_VERSION", Kind: decode.KindU32},
)

var wgDeviceAttrs = decode.NewAttrSet("WGDEVICE_A", "wireguard",
	decode.Attr{Type: unix.WGDEVICE_A_IFINDEX, CName: "WGDEVICE_A_IFINDEX", Kind: decode.KindU32},
	decode.Attr{Type: unix.WGDEVICE_A_IFNAME, CName: "WGDEVICE_A_IFNAME", Kind: decode.KindString},
	decode.Attr{Type: unix.WGDEVICE_A_PRIVATE_KEY, CName: "WGDEVICE_A_PRIVATE_KEY", Kind: decode.KindBinary},
	decode.Attr{Type: unix.WGDEVICE_A_PUBLIC_KEY, CName: "WGDEVICE_A_PUBLIC_KEY", Kind: decode.KindBinary},
	decode.Attr{Type: unix.WGDEVICE_A_FLAGS, CName: "WGDEVICE_A_FLAGS", Kind: decode.KindU32, Flags: wgDeviceFlags},
	decode.Attr{Type: unix.WGDEVICE_A_LISTEN_PORT, CName: "WGDEVICE_A_LISTEN_PORT", Kind: decode.KindU16},
	decode.Attr{Type: unix.WGDEVICE_A_FWMARK, CName: "WGDEVICE_A_FWMARK", Kind: decode.KindU32, Display: decode.DisplayHex},
	decode.Attr{Type: unix.WGDEVICE_A_PEERS, CName: "WGDEVICE_A_PEERS", Array: true, Elem: &decode.Attr{Nested: wgPeerAttrs}},
)

func init() {
	RegisterFamily(unix.WG_GENL_NAME, &Family{
		Prefix: "WG_CMD_",
		Attrs:  wgDeviceAttrs,
		Commands: []Command{
			{Cmd: unix.WG_CMD_GET_DEVICE, CName: "WG_CMD_GET_DEVICE"},
			{Cmd: unix.WG_CMD_SET_DEVICE, CName: "WG_CMD_SET_DEVICE"},
		},
		Summary: wgSummary,
	})
}

// wgSummary: "dev wg0 port 51820 (2 peers)".
func wgSummary(m *decode.Message, cmd uint8, reply bool) string {
	s := deviceSummary(m, cmd, reply)
	if f := m.Field("wireguard.listen_port"); f != nil {
		s += " port " + f.ValueString()
	}
	if f := m.Field("wireguard.peers"); f != nil {
		s += " (" + plural(len(f.Children), "peer") + ")"
	}
	return s
}

var _ = strconv.Itoa
