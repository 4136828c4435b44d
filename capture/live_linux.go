package capture

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/gopacket/gopacket/layers"
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
//
// Waiting: the nlmon tap delivers each frame in the context of the process that
// sent the netlink message, and a reader asleep on the socket must be woken for
// every frame, at the sender's expense (in the emulated test VM this doubled the
// time of 100,000 route additions). So while traffic flows, Next does not sleep
// on the socket: it reads without waiting and, when the socket is empty, sleeps
// pollEvery and reads what came meanwhile, several frames per wake-up; each
// further empty read doubles the pause, and past maxPoll Next waits on the socket
// again (a blocking recvmsg with SO_RCVTIMEO, so that Stop and Close are seen
// within blockFor). A frame brings the pause back to pollEvery. The
// socket is a plain blocking descriptor, outside Go's poller, whose epoll
// registration would wake a thread for every frame too.

const (
	// pollEvery is the pause between reads while traffic flows.
	pollEvery = time.Millisecond
	// maxPoll is the longest pause: after pauses of 1+2+...+32 ms without a
	// frame, Next waits on the socket.
	maxPoll = 32 * time.Millisecond
	// blockFor bounds one wait on the socket (SO_RCVTIMEO).
	blockFor = 100 * time.Millisecond
	// stopSlack: after Stop, Next ends at the first frame stamped this much
	// later than the Stop. The slack covers frames the kernel left unstamped
	// (timestamping is switched on asynchronously when the socket asks for it)
	// and stamped when read instead.
	stopSlack = 50 * time.Millisecond
)

// Live is a Source that captures from an nlmon interface as the frames happen.
// Next blocks until a frame arrives; Stop (from another goroutine, e.g. on SIGINT)
// makes it hand out what the socket already holds and then return io.EOF.
type Live struct {
	name string
	fd   int

	buf    []byte                    // one frame, MaxSnapLen
	oob    []byte                    // control messages
	sa     unix.RawSockaddrLinklayer // sender of the last frame
	iov    unix.Iovec
	msg    unix.Msghdr
	n      int           // result of the last recvmsg
	en     unix.Errno    // its error
	err    error         // sticky error of Next
	stopAt atomic.Int64  // when Stop was first called (Unix ns), 0 before
	abort  atomic.Bool   // Stop was called again: no more frames
	pause  time.Duration // the next pause when the socket is empty; > maxPoll: wait on it

	frames    atomic.Int64
	truncated atomic.Int64

	failed atomic.Pointer[error] // the error that ended Next, for Stats.Err

	// fdmu keeps the descriptor open while a system call uses it: Next and Stats
	// hold it shared, Close exclusively (a blocking recvmsg is not woken by
	// close(2); Close waits at most blockFor).
	fdmu   sync.RWMutex
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
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		err = os.NewSyscallError("socket", err)
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
			return nil, liveError(name, ErrPermission, "opening a packet socket needs CAP_NET_RAW", hintCapabilities, err)
		}
		return nil, liveError(name, nil, "cannot open a packet socket: "+errnoText(err), "the kernel needs CONFIG_PACKET", err)
	}
	fail := func(what string, err error) (*Live, error) {
		unix.Close(fd)
		return nil, liveError(name, nil, what+": "+errnoText(err), "", err)
	}
	size := cfg.BufferSize
	if size <= 0 {
		size = DefaultBufferSize
	}
	// SO_RCVBUFFORCE passes net.core.rmem_max but needs CAP_NET_ADMIN.
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, size); err != nil {
		if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, size); err != nil {
			return fail("setting the receive buffer", err)
		}
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, 1); err != nil {
		return fail("asking for timestamps", err)
	}
	tv := unix.NsecToTimeval(blockFor.Nanoseconds())
	if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv); err != nil {
		return fail("setting the receive timeout", err)
	}
	if len(cfg.Protocols) > 0 {
		prog, err := ProtocolFilter(cfg.Protocols)
		if err != nil {
			return fail("protocol filter", err)
		}
		fprog := unix.SockFprog{Len: uint16(len(prog)), Filter: (*unix.SockFilter)(unsafe.Pointer(&prog[0]))}
		if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fprog); err != nil {
			return fail("attaching the protocol filter", err)
		}
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: index}); err != nil {
		return fail("binding the packet socket to "+name, err)
	}
	l := &Live{
		name:  name,
		fd:    fd,
		buf:   make([]byte, MaxSnapLen),
		oob:   make([]byte, unix.CmsgSpace(int(unsafe.Sizeof(unix.Timespec{})))*2),
		pause: maxPoll * 2, // idle: wait on the socket
	}
	l.iov.Base = &l.buf[0]
	l.iov.SetLen(len(l.buf))
	l.msg.Name = (*byte)(unsafe.Pointer(&l.sa))
	l.msg.Iov = &l.iov
	l.msg.Iovlen = 1
	l.msg.Control = &l.oob[0]
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
	l.fdmu.RLock()
	defer l.fdmu.RUnlock()
	if l.closed.Load() {
		return 0
	}
	n, err := unix.GetsockoptInt(l.fd, unix.SOL_SOCKET, unix.SO_RCVBUF)
	if err != nil {
		return 0
	}
	return n / 2 // the kernel doubles the value asked, for its bookkeeping
}

// Name returns the interface the capture reads.
func (l *Live) Name() string { return l.name }

// Next returns the next frame, waiting for it. After Stop it returns the frames
// the kernel received before Stop, then io.EOF.
func (l *Live) Next() (Frame, error) {
	if l.err != nil {
		return Frame{}, l.err
	}
	for {
		stopAt := l.stopAt.Load()
		stopping := stopAt != 0
		if l.abort.Load() {
			return l.fail(io.EOF)
		}
		// Wait on the socket only when idle (see above).
		wait := !stopping && l.pause > maxPoll
		flags := unix.MSG_DONTWAIT
		if wait {
			flags = 0
		}
		l.fdmu.RLock()
		if l.closed.Load() {
			l.fdmu.RUnlock()
			return l.fail(io.EOF) // Close from another goroutine
		}
		l.recv(flags)
		l.fdmu.RUnlock()
		switch l.en {
		case 0:
			ts := l.timestamp()
			if stopping && ts.UnixNano() > stopAt+int64(stopSlack) {
				return l.fail(io.EOF) // everything queued at Stop has been read
			}
			l.pause = pollEvery
			return l.frame(ts), nil
		case unix.EAGAIN: // empty, or SO_RCVTIMEO passed
			if stopping {
				return l.fail(io.EOF)
			}
			if !wait {
				time.Sleep(l.pause)
				l.pause *= 2
			}
		case unix.EINTR:
		default:
			err := os.NewSyscallError("recvmsg", l.en)
			e := error(liveError(l.name, nil, "reading the packet socket: "+errnoText(err), "", err))
			l.failed.Store(&e)
			return l.fail(e)
		}
	}
}

// fail makes err the answer of every later Next.
func (l *Live) fail(err error) (Frame, error) {
	l.err = err
	return Frame{}, err
}

// recv does one recvmsg; the results go to l.n and l.en.
func (l *Live) recv(flags int) {
	l.msg.Namelen = uint32(unsafe.Sizeof(l.sa))
	l.msg.SetControllen(len(l.oob))
	r, _, en := unix.Syscall(unix.SYS_RECVMSG, uintptr(l.fd), uintptr(unsafe.Pointer(&l.msg)), uintptr(unix.MSG_TRUNC|flags))
	l.n, l.en = int(r), en
}

// frame builds the Frame of the last recvmsg.
func (l *Live) frame(ts time.Time) Frame {
	n := l.n
	data := make([]byte, min(n, len(l.buf)))
	copy(data, l.buf)
	num := l.frames.Add(1)
	if len(data) < n {
		l.truncated.Add(1)
	}
	return Frame{
		Number:     int(num),
		Time:       ts,
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

// Stop ends the capture: Next returns the frames the socket holds, those the
// kernel received before Stop (by their timestamps, so a backlog is read to its
// end and none is lost, while new traffic prolongs it by stopSlack at most), then
// io.EOF. A
// second Stop ends it at once. It may be called from any goroutine; a Next
// waiting on the socket sees it within blockFor.
func (l *Live) Stop() {
	if !l.stopAt.CompareAndSwap(0, time.Now().UnixNano()) {
		l.abort.Store(true)
	}
}

// Stats returns the frames handed out and the frames the kernel dropped because the
// socket's receive buffer was full (PACKET_STATISTICS, which resets on each read;
// Stats accumulates). It may be called from any goroutine while Next runs.
func (l *Live) Stats() Stats {
	l.mu.Lock()
	l.fdmu.RLock()
	if !l.closed.Load() {
		if st, err := unix.GetsockoptTpacketStats(l.fd, unix.SOL_PACKET, unix.PACKET_STATISTICS); err == nil {
			l.dropped += int(st.Drops)
		}
	}
	l.fdmu.RUnlock()
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

// Close closes the socket (after a Next waiting on it returns, within blockFor);
// Next then returns io.EOF. The drop count read last stays in Stats.
func (l *Live) Close() error {
	l.Stats() // the drops since the last look
	if l.closed.Swap(true) {
		return nil
	}
	l.fdmu.Lock()
	defer l.fdmu.Unlock()
	return os.NewSyscallError("close", unix.Close(l.fd))
}
