package sockdiag

// INET_DIAG_LOCALS and INET_DIAG_PEERS (SCTP associations, net/sctp/diag.c) hold
// the addresses of an association as an array of struct sockaddr_storage, 128
// bytes each, holding a struct sockaddr_in or sockaddr_in6 and zeros:
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|     sa_family (host order)    |        port (network order)   |
//	+---------------+---------------+---------------+---------------+
//	|  sin_addr (4 bytes)  |  or  sin6_flowinfo, sin6_addr (16), sin6_scope_id
//	+---------------+---------------+---------------+---------------+
//	|  zeros up to 128 bytes                                        |

import (
	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// sockaddrStorageSize is sizeof(struct sockaddr_storage): _K_SS_MAXSIZE in
// include/uapi/linux/socket.h (x/sys's RawSockaddrAny is shorter, 112 bytes).
const sockaddrStorageSize = 128

func sockaddrStruct(cname string, members ...decode.Member) *decode.Struct {
	m := []decode.Member{{CName: "sa_family", Name: "sockaddr.family", Kind: decode.KindU16, Enum: familyEnum, Desc: "Address family."}}
	m = append(m, members...)
	size := 0
	for _, x := range m {
		if s := x.Kind.Size(); s > 0 {
			size += s
		} else {
			size += x.Size
		}
	}
	m = append(m, padm(sockaddrStorageSize-size))
	return decode.NewStruct(cname, "sockaddr", m...)
}

var (
	sockaddrIn = sockaddrStruct("sockaddr_in",
		decode.Member{CName: "sin_port", Name: "sockaddr.port", Kind: decode.KindU16, BigEndian: true, Desc: "Port."},
		decode.Member{CName: "sin_addr", Name: "sockaddr.addr", Kind: decode.KindAddr, Size: 4, Desc: "IPv4 address."},
	)
	sockaddrIn6 = sockaddrStruct("sockaddr_in6",
		decode.Member{CName: "sin6_port", Name: "sockaddr.port", Kind: decode.KindU16, BigEndian: true, Desc: "Port."},
		decode.Member{CName: "sin6_flowinfo", Name: "sockaddr.flowinfo", Kind: decode.KindU32, BigEndian: true, Display: decode.DisplayHex, Desc: "IPv6 flow information."},
		decode.Member{CName: "sin6_addr", Name: "sockaddr.addr", Kind: decode.KindAddr, Size: 16, Desc: "IPv6 address."},
		decode.Member{CName: "sin6_scope_id", Name: "sockaddr.scope_id", Kind: decode.KindU32, Desc: "Scope (interface index of a link-local address)."},
	)
	sockaddrOther = sockaddrStruct("sockaddr_storage")
)

// sockaddrArray is the Custom hook of INET_DIAG_LOCALS and INET_DIAG_PEERS: one
// struct per 128-byte slot, laid out by the slot's family.
func sockaddrArray(c *decode.Context, f *decode.Field) {
	vs := f.Offset + 4
	ve := vs + len(f.Bytes)
	n := (ve - vs + sockaddrStorageSize - 1) / sockaddrStorageSize
	kids := c.Alloc(n)
	for i := range kids {
		o := vs + i*sockaddrStorageSize
		e := min(o+sockaddrStorageSize, ve)
		s := sockaddrOther
		if e-o >= 2 {
			switch c.U16(o) {
			case unix.AF_INET:
				s = sockaddrIn
			case unix.AF_INET6:
				s = sockaddrIn6
			}
		}
		kids[i] = c.Struct(s, o, e)
	}
	f.Children = kids
}
