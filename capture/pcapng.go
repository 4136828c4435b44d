package capture

import (
	"encoding/binary"
	"errors"
	"io"

	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// pcapng block types and lengths this reader looks at, from
// https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html.
const (
	ngBlockPacket         = 2          // obsolete Packet Block
	ngBlockSimplePacket   = 3          // Simple Packet Block
	ngBlockEnhancedPacket = 6          // Enhanced Packet Block
	ngBlockSectionHeader  = 0x0a0d0d0a // Section Header Block (a palindrome)
	ngByteOrderMagic      = 0x1a2b3c4d // in the Section Header Block, after the length
	ngBlockMinLen         = 12         // type, length, trailing length
	ngPacketHeaderLen     = 28         // EPB and PB: type ... original length
	ngSimpleHeaderLen     = 12         // SPB: type, length, original length
	ngMaxLookahead        = 16         // blocks walked to find the next packet block
)

// ngRecords reads the records of a pcapng file.
//
// Before each record it peeks at the blocks ahead of pcapgo (they are in the stream's
// buffer) to find where the packet's bytes start, so that a record cut off by the end
// of the file can be handed out in part, and to reject a packet block whose captured
// length does not fit in the block, which pcapgo would take as a reason to read on to
// the end of the file.
type ngRecords struct {
	s *stream
	r *pcapgo.NgReader
}

// next reads record n.
func (g *ngRecords) next(n int) (record, error) {
	off := g.s.offset()
	dataOff, err := g.locate(n)
	if err != nil {
		return record{}, err
	}
	data, ci, opts, err := g.r.ZeroCopyReadPacketDataWithOptions()
	var lt layers.LinkType
	if len(ci.AncillaryData) > 0 {
		lt, _ = ci.AncillaryData[0].(layers.LinkType)
	}
	if err == nil {
		return record{ok: true, data: data, ci: ci, linkType: lt, comment: joinComments(opts.Comments)}, nil
	}
	end := g.s.offset()
	rerr := g.s.recordError(err, n, off, err == io.EOF)
	var e *Error
	if !errors.As(rerr, &e) || e.Kind != ErrCutOff {
		return record{}, rerr
	}
	if data == nil || dataOff < 0 || end < dataOff {
		e.Msg += " (in a block header)"
		return record{}, e
	}
	// The packet block's header is whole: hand out the bytes that are there.
	valid := min(end-dataOff, int64(len(data)))
	e.Msg += cutOffDetail(valid, ci.CaptureLength)
	return record{ok: true, data: data[:valid], ci: ci, linkType: lt, comment: joinComments(opts.Comments)}, e
}

// locate returns the stream offset of the packet bytes of the next packet block, or -1
// if the blocks before it do not fit in the buffer or cannot be parsed. It returns an
// error for a block too short to be one, and for a packet block whose captured length
// overruns the block.
func (g *ngRecords) locate(n int) (int64, error) {
	base := g.s.offset()
	size := g.s.br.Size()
	p := 0 // offset of the block from base
	for range ngMaxLookahead {
		if p+ngPacketHeaderLen > size {
			return -1, nil
		}
		b, _ := g.s.br.Peek(p + ngPacketHeaderLen)
		if len(b) < p+12 {
			return -1, nil // the end of the input, or a read error: pcapgo reports it
		}
		b = b[p:]
		order := ngBlockOrder(b)
		if order == nil {
			return -1, nil
		}
		typ, blen := order.Uint32(b[0:4]), order.Uint32(b[4:8])
		if blen < ngBlockMinLen {
			return -1, g.s.errorf(ErrDamaged, n, base+int64(p), hintDamaged, nil,
				"pcapng block of type %#x has length %d, less than %d", typ, blen, ngBlockMinLen)
		}
		switch typ {
		case ngBlockEnhancedPacket, ngBlockPacket:
			if len(b) >= ngPacketHeaderLen {
				capLen := uint64(order.Uint32(b[20:24]))
				if (capLen+3)&^3+ngPacketHeaderLen+4 > uint64(blen) {
					return -1, g.s.errorf(ErrDamaged, n, base+int64(p), hintDamaged, nil,
						"packet block's captured length %d overruns its block length %d", capLen, blen)
				}
			}
			return base + int64(p) + ngPacketHeaderLen, nil
		case ngBlockSimplePacket:
			return base + int64(p) + ngSimpleHeaderLen, nil
		}
		if uint64(blen) > uint64(size) {
			return -1, nil
		}
		p += int(blen)
	}
	return -1, nil
}

// ngBlockOrder returns the byte order of the block that starts b (at least 12 bytes),
// or nil if it cannot tell. A Section Header Block holds its byte order; every other
// block type this reader cares about is below 256, so its type field reads
// "xx 00 00 00" little-endian and "00 00 00 xx" big-endian.
func ngBlockOrder(b []byte) binary.ByteOrder {
	if binary.BigEndian.Uint32(b[0:4]) == ngBlockSectionHeader {
		if binary.LittleEndian.Uint32(b[8:12]) == ngByteOrderMagic {
			return binary.LittleEndian
		}
		if binary.BigEndian.Uint32(b[8:12]) == ngByteOrderMagic {
			return binary.BigEndian
		}
		return nil
	}
	switch {
	case b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0:
		return binary.LittleEndian
	case b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0:
		return binary.BigEndian
	}
	return nil
}

// netlinkInterfaces reports whether an interface of the current section carries
// netlink frames.
func (g *ngRecords) netlinkInterfaces() bool {
	for i := range g.r.NInterfaces() {
		if iface, err := g.r.Interface(i); err == nil && carriesNetlink(iface.LinkType) {
			return true
		}
	}
	return false
}
