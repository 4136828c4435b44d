package capture

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/gopacket/gopacket/layers"
	"github.com/mdlayher/socket"
	"golang.org/x/sys/unix"
)

// One read of the packet socket is one tapped skb:
//
//	recvmsg(fd, MSG_TRUNC) -> n (the frame's whole length, even if longer than buf)
//	  msg_name     struct sockaddr_ll: sll_protocol = htons(netlink protocol),
//	               sll_hatype = 824, sll_pkttype = PACKET_OUTGOING (4) or 6/7
//	  msg_iov      buf: the netlink messages, host byte order, no pseudo-header
//	  msg_control  cmsg SOL_SOCKET/SCM_TIMESTAMPNS: struct timespec
//
// The buffer is reused; each frame gets its own copy of the n bytes, so a Frame's
// Data is never overwritten.

// liveDrainTime bounds how long Next keeps draining the socket after Stop.
const liveDrainTime = 2 * time.Second

// Live is a Source that captures from an nlmon interface as the frames happen.
// Next blocks until a frame arrives; Stop (from another goroutine, e.g. on SIGINT)
// makes it hand out what the socket already holds and then return io.EOF.
type Live struct {
	name string
	conn *socket.Conn
	rc   syscall.RawConn

	buf   []byte                    // one frame, MaxSnapLen
	oob   []byte                    // control messages
	sa    unix.RawSockaddrLinklayer // sender of the last frame
	iov   unix.Iovec
	msg   unix.Msghdr
	read  func(fd uintptr) bool // recvmsg for RawConn.Read, made once (no allocation per frame)
	drain func(fd uintptr)      // recvmsg MSG_DONTWAIT for RawConn.Control
	n     int                   // result of the last recvmsg
	en    unix.Errno            // its error
	err   error                 // sticky error of Next
	stop  atomic.Bool           // Stop was called
	end   time.Time             // end of the drain after Stop

	frames    atomic.Int64
	truncated atomic.Int64

	failed atomic.Pointer[error] // the error that ended Next, for Stats.Err
	closed atomic.Bool

	mu      sync.Mutex // guards dropped and the getsockopt that feeds it
	dropped int
}

// OpenLive checks that cfg.Interface is an nlmon interface that is up and opens an
// AF_PACKET socket on it. Its errors are *Error values matching ErrNoInterface,
// ErrNotNlmon, ErrInterfaceDown or ErrPermission (CAP_NET_RAW), with a hint.
func OpenLive(cfg LiveConfig) (*Live, error) {
	l, err := checkInterface(cfg.Interface)
	if err != nil {
		return nil, err
	}
	return openPacket(cfg.Interface, l.index, cfg)
}

// openPacket opens the socket on interface index without checking its type (the
// tests open it on lo).
func openPacket(name string, index int, cfg LiveConfig) (*Live, error) {
	// Protocol 0 receives nothing until bind names the protocol and interface, so
	// no frame of another interface slips in before the bind.
	c, err := socket.Socket(unix.AF_PACKET, unix.SOCK_RAW, 0, "packet", nil)
	if err != nil {
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
			return nil, liveError(name, ErrPermission, "opening a packet socket needs CAP_NET_RAW", hintCapabilities, err)
		}
		return nil, liveError(name, nil, "cannot open a packet socket: "+errnoText(err), "the kernel needs CONFIG_PACKET", err)
	}
	fail := func(what string, err error) (*Live, error) {
		c.Close()
		return nil, liveError(name, nil, what+": "+errnoText(err), "", err)
	}
	size := cfg.BufferSize
	if size <= 0 {
		size = DefaultBufferSize
	}
	// SO_RCVBUFFORCE passes net.core.rmem_max but needs CAP_NET_ADMIN.
	if err := c.SetsockoptInt(unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, size); err != nil {
		if err := c.SetsockoptInt(unix.SOL_SOCKET, unix.SO_RCVBUF, size); err != nil {
			return fail("setting the receive buffer", err)
		}
	}
	if err := c.SetsockoptInt(unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, 1); err != nil {
		return fail("asking for timestamps", err)
	}
	if len(cfg.Protocols) > 0 {
		prog, err := ProtocolFilter(cfg.Protocols)
		if err != nil {
			return fail("protocol filter", err)
		}
		if err := c.SetBPF(prog); err != nil {
			return fail("attaching the protocol filter", err)
		}
	}
	if err := c.Bind(&unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: index}); err != nil {
		return fail("binding the packet socket to "+name, err)
	}
	rc, err := c.SyscallConn()
	if err != nil {
		return fail("packet socket", err)
	}
	l := &Live{
		name: name,
		conn: c,
		rc:   rc,
		buf:  make([]byte, MaxSnapLen),
		oob:  make([]byte, unix.CmsgSpace(int(unsafe.Sizeof(unix.Timespec{})))*2),
	}
	l.iov.Base = &l.buf[0]
	l.iov.SetLen(len(l.buf))
	l.msg.Name = (*byte)(unsafe.Pointer(&l.sa))
	l.msg.Iov = &l.iov
	l.msg.Iovlen = 1
	l.msg.Control = &l.oob[0]
	l.read = func(fd uintptr) bool {
		l.recv(fd, 0)
		return l.en != unix.EAGAIN // not ready: wait for the poller
	}
	l.drain = func(fd uintptr) { l.recv(fd, unix.MSG_DONTWAIT) }
	return l, nil
}

// htons converts between host order and network order (sll_protocol), on hosts
// of either byte order; it is its own inverse.
func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return binary.NativeEndian.Uint16(b[:])
}

// BufferSize returns the socket's receive buffer in bytes as the kernel set it:
// less than asked when SO_RCVBUFFORCE was refused (no CAP_NET_ADMIN) and
// net.core.rmem_max capped SO_RCVBUF.
func (l *Live) BufferSize() int {
	n, err := l.conn.GetsockoptInt(unix.SOL_SOCKET, unix.SO_RCVBUF)
	if err != nil {
		return 0
	}
	return n / 2 // the kernel doubles the value asked, for its bookkeeping
}

// Name returns the interface the capture reads.
func (l *Live) Name() string { return l.name }

// Next returns the next frame, waiting for it. After Stop it returns the frames
// already queued in the socket (for at most two seconds), then io.EOF.
func (l *Live) Next() (Frame, error) {
	if l.err != nil {
		return Frame{}, l.err
	}
	for {
		var err error
		if l.stop.Load() {
			if l.end.IsZero() {
				l.end = time.Now().Add(liveDrainTime)
			}
			if time.Now().After(l.end) {
				l.err = io.EOF
				return Frame{}, l.err
			}
			err = l.rc.Control(l.drain)
			if err == nil && l.en == unix.EAGAIN {
				l.err = io.EOF
				return Frame{}, l.err
			}
		} else {
			err = l.rc.Read(l.read)
			if errors.Is(err, os.ErrDeadlineExceeded) && l.stop.Load() {
				continue // woken by Stop: drain
			}
		}
		if err == nil && l.en != 0 {
			if l.en == unix.EINTR {
				continue
			}
			err = os.NewSyscallError("recvmsg", l.en)
		}
		if err != nil {
			if l.closed.Load() {
				l.err = io.EOF // Close from another goroutine
			} else {
				l.err = liveError(l.name, nil, "reading the packet socket: "+errnoText(err), "", err)
				l.failed.Store(&l.err)
			}
			return Frame{}, l.err
		}
		return l.frame(), nil
	}
}

// recv does one recvmsg; the results go to l.n and l.en.
func (l *Live) recv(fd uintptr, flags int) {
	l.msg.Namelen = uint32(unsafe.Sizeof(l.sa))
	l.msg.SetControllen(len(l.oob))
	r, _, en := unix.Syscall(unix.SYS_RECVMSG, fd, uintptr(unsafe.Pointer(&l.msg)), uintptr(unix.MSG_TRUNC|flags))
	l.n, l.en = int(r), en
}

// frame builds the Frame of the last recvmsg.
func (l *Live) frame() Frame {
	n := l.n
	data := make([]byte, min(n, len(l.buf)))
	copy(data, l.buf)
	num := l.frames.Add(1)
	if len(data) < n {
		l.truncated.Add(1)
	}
	return Frame{
		Number:     int(num),
		Time:       l.timestamp(),
		PacketType: uint16(l.sa.Pkttype),
		ARPHRD:     l.sa.Hatype,
		Protocol:   htons(l.sa.Protocol),
		Data:       data,
		Length:     n,
	}
}

// timestamp reads SCM_TIMESTAMPNS from the control messages; without it, the time
// now.
func (l *Live) timestamp() time.Time {
	oob := l.oob[:l.msg.Controllen]
	for len(oob) >= unix.SizeofCmsghdr {
		h := (*unix.Cmsghdr)(unsafe.Pointer(&oob[0]))
		if int(h.Len) < unix.SizeofCmsghdr || int(h.Len) > len(oob) {
			break
		}
		if h.Level == unix.SOL_SOCKET && h.Type == unix.SCM_TIMESTAMPNS &&
			int(h.Len) >= unix.CmsgLen(int(unsafe.Sizeof(unix.Timespec{}))) {
			ts := (*unix.Timespec)(unsafe.Pointer(&oob[unix.CmsgLen(0)]))
			return time.Unix(int64(ts.Sec), int64(ts.Nsec))
		}
		oob = oob[min(unix.CmsgSpace(int(h.Len)-unix.CmsgLen(0)), len(oob)):]
	}
	return time.Now()
}

// Stop makes Next return the frames the socket already holds and then io.EOF. It
// may be called from any goroutine, more than once.
func (l *Live) Stop() {
	if l.stop.Swap(true) {
		return
	}
	l.conn.SetReadDeadline(time.Now()) // wakes a Next waiting for a frame
}

// Stats returns the frames handed out and the frames the kernel dropped because the
// socket's receive buffer was full (PACKET_STATISTICS, which resets on each read;
// Stats accumulates). It may be called from any goroutine while Next runs.
func (l *Live) Stats() Stats {
	l.mu.Lock()
	if !l.closed.Load() {
		if st, err := l.conn.GetsockoptTpacketStats(unix.SOL_PACKET, unix.PACKET_STATISTICS); err == nil {
			l.dropped += int(st.Drops)
		}
	}
	dropped := l.dropped
	l.mu.Unlock()
	n := int(l.frames.Load())
	st := Stats{
		Records:   n,
		Frames:    n,
		Truncated: int(l.truncated.Load()),
		Live:      true,
		Dropped:   dropped,
	}
	if e := l.failed.Load(); e != nil {
		st.Err = *e
	}
	return st
}

// LinkType returns LINKTYPE_NETLINK.
func (l *Live) LinkType() layers.LinkType { return LinkTypeNetlink }

// Close closes the socket; a Next waiting for a frame returns io.EOF. The drop
// count read last stays in Stats.
func (l *Live) Close() error {
	l.Stats() // the drops since the last look
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed.Swap(true) {
		return nil
	}
	return l.conn.Close()
}
