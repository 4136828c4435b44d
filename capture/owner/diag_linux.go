package owner

// NETLINK_SOCK_DIAG request and reply for netlink sockets
// (include/uapi/linux/netlink_diag.h), in host byte order:
//
//	struct netlink_diag_req (after the nlmsghdr, type SOCK_DIAG_BY_FAMILY, REQUEST|DUMP)
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	| sdiag_family  |sdiag_protocol |              pad              |
//	+---------------+---------------+---------------+---------------+
//	|                          ndiag_ino                            |
//	+---------------+---------------+---------------+---------------+
//	|                          ndiag_show                           |
//	+---------------+---------------+---------------+---------------+
//	|                    ndiag_cookie[0], [1]                       |
//	+---------------+---------------+---------------+---------------+
//
//	struct netlink_diag_msg (one reply message per socket, NLM_F_MULTI)
//	+---------------+---------------+---------------+---------------+
//	| ndiag_family  |  ndiag_type   |ndiag_protocol |  ndiag_state  |
//	+---------------+---------------+---------------+---------------+
//	|                         ndiag_portid                          |
//	|                       ndiag_dst_portid                        |
//	|                       ndiag_dst_group                         |
//	|                          ndiag_ino                            |
//	|                    ndiag_cookie[0], [1]                       |
//	+---------------+---------------+---------------+---------------+

import (
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// include/uapi/linux/netlink_diag.h
const (
	ndiagProtoAll   = 255 // NDIAG_PROTO_ALL: every netlink protocol
	ndiagReqLen     = 20  // sizeof(struct netlink_diag_req)
	ndiagMsgLen     = 28  // sizeof(struct netlink_diag_msg)
	ndiagPortOffset = 4   // offsetof(struct netlink_diag_msg, ndiag_portid)
	ndiagInoOffset  = 16  // offsetof(struct netlink_diag_msg, ndiag_ino)
)

// diagSocket is a NETLINK_SOCK_DIAG socket that dumps netlink sockets.
type diagSocket struct {
	fd   int
	port uint32 // its own port id
	seq  uint32
	buf  []byte
}

func openDiag() (*diagSocket, error) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, unix.NETLINK_SOCK_DIAG)
	if err != nil {
		return nil, fmt.Errorf("NETLINK_SOCK_DIAG socket: %w", err)
	}
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("NETLINK_SOCK_DIAG bind: %w", err)
	}
	sa, err := unix.Getsockname(fd)
	nl, ok := sa.(*unix.SockaddrNetlink)
	if err != nil || !ok {
		unix.Close(fd)
		return nil, fmt.Errorf("NETLINK_SOCK_DIAG getsockname: %v", err)
	}
	tv := unix.Timeval{Sec: 1}
	unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv)
	return &diagSocket{fd: fd, port: nl.Pid, buf: make([]byte, 64<<10)}, nil
}

func (d *diagSocket) close() { unix.Close(d.fd) }

// errNoNetlinkDiag says the kernel cannot dump netlink sockets (no
// CONFIG_NETLINK_DIAG, module netlink_diag).
var errNoNetlinkDiag = errors.New("the kernel has no netlink socket diagnostics (CONFIG_NETLINK_DIAG, module netlink_diag)")

// dump calls fn(protocol, port id, inode) for every netlink socket of protocol
// (ndiagProtoAll: of every protocol). The request carries the socket's own port
// id, so that a capture can tell these exchanges from others.
func (d *diagSocket) dump(protocol uint8, fn func(proto uint8, port uint32, ino uint64)) error {
	d.seq++
	req := make([]byte, unix.NLMSG_HDRLEN+ndiagReqLen)
	ne := binary.NativeEndian
	ne.PutUint32(req[0:], uint32(len(req)))
	ne.PutUint16(req[4:], unix.SOCK_DIAG_BY_FAMILY)
	ne.PutUint16(req[6:], unix.NLM_F_REQUEST|unix.NLM_F_DUMP)
	ne.PutUint32(req[8:], d.seq)
	ne.PutUint32(req[12:], d.port)
	req[16] = unix.AF_NETLINK
	req[17] = protocol
	// ndiag_ino 0, ndiag_show 0 (no extra attributes), cookie 0: every socket.
	if err := unix.Sendto(d.fd, req, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return fmt.Errorf("sock_diag request: %w", err)
	}
	for {
		n, _, err := unix.Recvfrom(d.fd, d.buf, unix.MSG_TRUNC)
		if err != nil {
			return fmt.Errorf("sock_diag reply: %w", err)
		}
		if n > len(d.buf) {
			return fmt.Errorf("sock_diag reply: %d-byte datagram truncated to %d", n, len(d.buf))
		}
		b := d.buf[:n]
		for off := 0; off+unix.NLMSG_HDRLEN <= len(b); {
			l := int(ne.Uint32(b[off:]))
			if l < unix.NLMSG_HDRLEN || off+l > len(b) {
				return fmt.Errorf("sock_diag reply: malformed message at offset %d", off)
			}
			typ, seq := ne.Uint16(b[off+4:]), ne.Uint32(b[off+8:])
			p := b[off+unix.NLMSG_HDRLEN : off+l]
			off += (l + unix.NLMSG_ALIGNTO - 1) &^ (unix.NLMSG_ALIGNTO - 1)
			if seq != d.seq {
				continue // a late answer to an earlier dump
			}
			switch typ {
			case unix.NLMSG_DONE:
				return nil
			case unix.NLMSG_ERROR:
				if len(p) >= 4 {
					if e := int32(ne.Uint32(p)); e < 0 {
						if unix.Errno(-e) == unix.ENOENT {
							return errNoNetlinkDiag
						}
						return fmt.Errorf("sock_diag: %w", unix.Errno(-e))
					}
				}
				return nil
			case unix.SOCK_DIAG_BY_FAMILY:
				if len(p) >= ndiagMsgLen && p[0] == unix.AF_NETLINK {
					fn(p[2], ne.Uint32(p[ndiagPortOffset:]), uint64(ne.Uint32(p[ndiagInoOffset:])))
				}
			}
		}
	}
}
