package capture

import (
	"errors"
	"io"

	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// pcapRecordHeaderLen is the length of a pcap record header (seconds, fraction,
// captured length, original length, 4 bytes each).
const pcapRecordHeaderLen = 16

// pcapRecords reads the records of a pcap file.
type pcapRecords struct {
	s  *stream
	r  *pcapgo.Reader
	lt layers.LinkType
}

// next reads record n.
func (p *pcapRecords) next(n int) (record, error) {
	off := p.s.offset()
	data, ci, err := p.r.ZeroCopyReadPacketData()
	if err == nil {
		return record{ok: true, data: data, ci: ci, linkType: p.lt}, nil
	}
	end := p.s.offset()
	rerr := p.s.recordError(err, n, off, err == io.EOF && end == off)
	var e *Error
	if !errors.As(rerr, &e) || e.Kind != ErrCutOff {
		return record{}, rerr
	}
	dataOff := off + pcapRecordHeaderLen
	if end < dataOff {
		e.Msg += " (in the record header)"
		return record{}, e
	}
	// The record header is whole: hand out the bytes that are there.
	valid := min(end-dataOff, int64(len(data)))
	e.Msg += cutOffDetail(valid, ci.CaptureLength)
	return record{ok: true, data: data[:valid], ci: ci, linkType: p.lt}, e
}

// netlinkInterfaces reports true: the link type was checked when opening.
func (p *pcapRecords) netlinkInterfaces() bool { return true }
