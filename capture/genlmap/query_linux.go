package genlmap

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/mdlayher/genetlink"
	"github.com/mdlayher/netlink"
	"github.com/nldump/nldump/capture"
	"golang.org/x/sys/unix"
)

// queryTimeout bounds the whole controller exchange.
const queryTimeout = 2 * time.Second

// recvSize is the receive buffer for one datagram: the controller's dump parts are
// at most a few pages, far below the capture snap length.
const recvSize = capture.MaxSnapLen

// Query asks the generic netlink controller of the caller's network namespace for
// every family (a CTRL_CMD_GETFAMILY dump) and returns the exchange as capture
// frames, marked with Comment: the request as sent, then each datagram received, as
// received (the kernel's bytes, several CTRL_CMD_NEWFAMILY messages per datagram,
// the last one ending in NLMSG_DONE).
func Query() ([]capture.Frame, error) {
	c, err := genetlink.Dial(nil)
	if err != nil {
		return nil, fmt.Errorf("generic netlink controller: %w", err)
	}
	defer c.Close()
	if err := c.SetDeadline(time.Now().Add(queryTimeout)); err != nil {
		return nil, fmt.Errorf("generic netlink controller: %w", err)
	}
	req := genetlink.Message{Header: genetlink.Header{Command: unix.CTRL_CMD_GETFAMILY, Version: 1}}
	sent, err := c.Send(req, unix.GENL_ID_CTRL, netlink.Request|netlink.Dump)
	if err != nil {
		return nil, fmt.Errorf("generic netlink controller: sending CTRL_CMD_GETFAMILY: %w", err)
	}
	reqBytes, err := sent.MarshalBinary()
	if err != nil {
		return nil, err
	}
	frames := []capture.Frame{frameOf(reqBytes, time.Now())}

	// genetlink hands out parsed messages and drops NLMSG_DONE; the file keeps
	// the datagrams as the kernel sent them, so read them from the socket itself.
	rc, err := c.SyscallConn()
	if err != nil {
		return nil, err
	}
	buf := make([]byte, recvSize)
	for {
		var n int
		var rerr error
		err := rc.Read(func(fd uintptr) bool {
			n, _, rerr = unix.Recvfrom(int(fd), buf, unix.MSG_TRUNC)
			return !errors.Is(rerr, unix.EAGAIN)
		})
		if err == nil {
			err = rerr
		}
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return nil, fmt.Errorf("generic netlink controller: no NLMSG_DONE within %v", queryTimeout)
			}
			return nil, fmt.Errorf("generic netlink controller: %w", err)
		}
		if n > len(buf) {
			return nil, fmt.Errorf("generic netlink controller: a %d-byte datagram does not fit %d bytes", n, len(buf))
		}
		data := append([]byte(nil), buf[:n]...)
		frames = append(frames, frameOf(data, time.Now()))
		done, err := ends(data, sent.Header.Sequence)
		if err != nil {
			return nil, err
		}
		if done {
			return frames, nil
		}
	}
}

// ends reports whether a datagram of the dump holds its last message
// (NLMSG_DONE), or the error that ended it (NLMSG_ERROR). Messages of other
// sequence numbers are ignored.
func ends(b []byte, seq uint32) (bool, error) {
	order := binary.NativeEndian
	for off := 0; off+unix.NLMSG_HDRLEN <= len(b); {
		l := int(order.Uint32(b[off:]))
		if l < unix.NLMSG_HDRLEN || off+l > len(b) {
			return false, fmt.Errorf("generic netlink controller: malformed reply at offset %d", off)
		}
		typ := order.Uint16(b[off+4:])
		if order.Uint32(b[off+8:]) == seq {
			switch typ {
			case unix.NLMSG_DONE:
				return true, nil
			case unix.NLMSG_ERROR:
				if l >= unix.NLMSG_HDRLEN+4 {
					if e := int32(order.Uint32(b[off+unix.NLMSG_HDRLEN:])); e < 0 {
						return true, fmt.Errorf("generic netlink controller: CTRL_CMD_GETFAMILY: %w", unix.Errno(-e))
					}
				}
				return true, nil
			}
		}
		off += (l + unix.NLMSG_ALIGNTO - 1) &^ (unix.NLMSG_ALIGNTO - 1)
	}
	return false, nil
}
