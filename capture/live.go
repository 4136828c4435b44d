package capture

import (
	"errors"
	"fmt"
	"math"

	"golang.org/x/net/bpf"
)

// Live capture reads netlink frames as they happen from an nlmon interface:
//
//	kernel netlink sockets ──tap──▶ nlmon0 ──▶ AF_PACKET socket ──recvmsg──▶ Frame
//	                                            sockaddr_ll: sll_protocol (netlink protocol,
//	                                            big-endian), sll_pkttype, sll_hatype (824)
//	                                            cmsg SCM_TIMESTAMPNS: kernel receive time
//
// OpenLive opens the socket on an existing interface; CreateNlmon makes a new nlmon
// interface (and Delete removes it). Both need Linux; elsewhere they return
// ErrLiveUnsupported.

// Sentinel errors of live capture, to be matched with errors.Is against the *Error
// that OpenLive and CreateNlmon return.
var (
	// ErrNoInterface means the interface to capture on does not exist.
	ErrNoInterface = errors.New("no such interface")
	// ErrNotNlmon means the interface exists but is not an nlmon interface: its link
	// type is not ARPHRD_NETLINK (824).
	ErrNotNlmon = errors.New("not an nlmon interface")
	// ErrInterfaceDown means the nlmon interface is down: it taps nothing.
	ErrInterfaceDown = errors.New("interface is down")
	// ErrNoNlmonSupport means the kernel cannot create nlmon interfaces
	// (CONFIG_NLMON is off or the nlmon module is missing).
	ErrNoNlmonSupport = errors.New("kernel has no nlmon support")
	// ErrPermission means the process lacks a capability: CAP_NET_ADMIN to create,
	// bring up or delete an interface, CAP_NET_RAW to open the packet socket.
	ErrPermission = errors.New("permission denied")
	// ErrLiveUnsupported means live capture is not available on this operating
	// system (it needs Linux).
	ErrLiveUnsupported = errors.New("live capture needs Linux")
)

// DefaultBufferSize is the receive buffer OpenLive asks for when LiveConfig leaves
// BufferSize at 0: 32 MiB, room for tens of thousands of small frames while the
// reader is busy.
const DefaultBufferSize = 32 << 20

// LiveConfig says how to open a live capture.
type LiveConfig struct {
	// Interface is the name of an existing nlmon interface ("nlmon0").
	Interface string
	// BufferSize is the socket receive buffer in bytes (SO_RCVBUFFORCE, falling
	// back to SO_RCVBUF, which the kernel caps at net.core.rmem_max); 0 means
	// DefaultBufferSize.
	BufferSize int
	// Protocols, when not empty, keeps only the frames of these netlink protocols
	// (unix.NETLINK_ROUTE, ...): a classic BPF filter drops the others in the kernel.
	Protocols []uint16
}

// hintCapabilities tells how to get the capabilities live capture needs.
const hintCapabilities = "run as root (sudo), or give the binary the capabilities once: setcap cap_net_admin,cap_net_raw+ep $(which nldump)"

// hintCreate tells how to make an nlmon interface by hand.
const hintCreate = "create one with: ip link add nlmon0 type nlmon && ip link set nlmon0 up (or let nldump do it: -i auto)"

// ProtocolFilter assembles the classic BPF program that keeps the frames whose
// netlink protocol is one of protos and drops the others. The nlmon tap stores the
// protocol in skb->protocol, which the ancillary load SKF_AD_OFF+SKF_AD_PROTOCOL
// reads (in host order):
//
//	ld  proto                ; A = skb->protocol
//	jeq #p1, keep            ; one test per protocol
//	jeq #p2, keep
//	ret #0                   ; drop
//	keep: ret #0xffffffff    ; keep the whole frame
func ProtocolFilter(protos []uint16) ([]bpf.RawInstruction, error) {
	if len(protos) == 0 || len(protos) > math.MaxUint8 {
		return nil, fmt.Errorf("protocol filter: %d protocols; want 1 to %d", len(protos), math.MaxUint8)
	}
	prog := []bpf.Instruction{bpf.LoadExtension{Num: bpf.ExtProto}}
	for i, p := range protos {
		prog = append(prog, bpf.JumpIf{Cond: bpf.JumpEqual, Val: uint32(p), SkipTrue: uint8(len(protos) - i)})
	}
	prog = append(prog, bpf.RetConstant{Val: 0}, bpf.RetConstant{Val: math.MaxUint32})
	return bpf.Assemble(prog)
}

// liveError builds the *Error of a live capture about interface name.
func liveError(name string, kind error, msg, hint string, cause error) *Error {
	return &Error{Name: name, Kind: kind, Offset: -1, Msg: msg, Hint: hint, Cause: cause}
}
