package genlmap

import (
	"time"

	"github.com/nldump/nldump/capture"
	unix "github.com/nldump/nldump/internal/abi"
)

// frameOf wraps the bytes of one datagram of the controller exchange as a
// NETLINK_GENERIC frame marked with Comment. The packet type is PACKET_OUTGOING,
// as nlmon records every frame on the kernels seen so far.
func frameOf(data []byte, t time.Time) capture.Frame {
	return capture.Frame{
		Time:       t,
		PacketType: unix.PACKET_OUTGOING,
		ARPHRD:     unix.ARPHRD_NETLINK,
		Protocol:   unix.NETLINK_GENERIC,
		Data:       data,
		Length:     len(data),
		Comment:    Comment,
	}
}

// Mark returns copies of frames (a controller exchange read from elsewhere, e.g. a
// capture) marked as the family map, numbered from 1, for writing at the start of
// a file.
func Mark(frames []capture.Frame) []capture.Frame {
	out := make([]capture.Frame, len(frames))
	for i, f := range frames {
		f.Comment = Comment
		f.Number = i + 1
		f.Interface = 0
		out[i] = f
	}
	return out
}
