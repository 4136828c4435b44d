package main

import (
	"bufio"
	"strconv"
	"time"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
)

// printer writes messages in the format the options ask for.
type printer struct {
	o     *options
	w     *bufio.Writer
	buf   []byte
	first time.Time // time of the first frame, for relative times
	prev  time.Time // time of the previous message, for deltas
	seen  bool

	summary      string                      // the summary of the message being printed
	jsonDefs     map[*decode.FieldDef][]byte // encoded name/label/cname per definition
	jsonDefCache [1024]jsonDefSlot
	timeFrame    *capture.Frame // the frame whose time timeText holds
	timeText     []byte
}

func newPrinter(o *options, w *bufio.Writer) *printer {
	return &printer{o: o, w: w, buf: make([]byte, 0, printChunk+64<<10)}
}

// message prints one message; inFrame is the number of messages in its frame,
// summary its summary (computed where the session may be read).
func (p *printer) message(m *decode.Message, inFrame int, summary string) {
	p.summary = summary
	t := m.Time()
	if !p.seen {
		p.first, p.prev, p.seen = t, t, true
	}
	if p.o.quiet {
		p.prev = t
		return
	}
	b := p.buf
	switch p.o.format {
	case formatJSON:
		b = p.appendJSON(b, m)
	default:
		b = p.appendSummary(b, m, inFrame)
		if p.o.verbose {
			b = appendTree(b, m, inFrame)
		}
		if p.o.hex {
			b = appendHexDump(b, m)
		}
	}
	p.buf = b
	if len(b) >= printChunk {
		p.flush()
	}
	p.prev = t
}

// printChunk is how much output the printer gathers before handing it on: the
// bufio.Writer below then writes it straight through, without copying it.
const printChunk = 256 << 10

// flush hands the gathered output to the writer; call it before anything else
// writes to the same writer, and before the writer is flushed.
func (p *printer) flush() {
	if len(p.buf) > 0 {
		p.w.Write(p.buf)
		p.buf = p.buf[:0]
	}
}

// appendSummary appends the one-line form:
//
//	FRAME[.MSG] TIME PROTO DIRECTION TYPE FLAGS seq=N pid=N [COMM[PID]] len=N SUMMARY
func (p *printer) appendSummary(b []byte, m *decode.Message, inFrame int) []byte {
	start := len(b)
	b = appendID(b, m, inFrame)
	b = pad(b, start, 8)
	if p.o.timeFmt != timeNone {
		s := len(b)
		b = p.appendTime(b, m.Time())
		b = pad(b, s, 11)
	}
	s := len(b)
	b = append(b, m.Protocol.Name()...)
	b = pad(b, s, 9)
	s = len(b)
	b = append(b, m.Direction.String()...)
	b = pad(b, s, 13)
	s = len(b)
	b = decode.AppendEscaped(b, []byte(m.TypeName))
	b = pad(b, s, 22)
	s = len(b)
	b = appendFlags(b, m)
	b = pad(b, s, 14)
	b = append(b, "seq="...)
	b = strconv.AppendUint(b, uint64(m.Header.Seq), 10)
	b = append(b, " pid="...)
	b = strconv.AppendUint(b, uint64(m.Header.Pid), 10)
	b = appendProcess(b, m) // " ip[1234]" from a live capture (owner.go)
	b = append(b, " len="...)
	b = strconv.AppendUint(b, uint64(m.Header.Len), 10)
	if sum := p.summary; sum != "" {
		b = append(b, ' ')
		b = appendTerminalSafe(b, sum)
	}
	if m.Malformed {
		b = append(b, " [malformed]"...)
	}
	if isMapFrame(m) {
		b = append(b, mapNote...)
	}
	b = appendPairNote(b, m, p.o.ext.pair || p.o.ext.dedup) // --pair, --dedup (pairing.go)
	return append(b, '\n')
}

// appendID appends "FRAME" or "FRAME.INDEX" (1-based) for frames with several messages.
func appendID(b []byte, m *decode.Message, inFrame int) []byte {
	b = strconv.AppendInt(b, int64(m.Frame.Number), 10)
	if inFrame > 1 {
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(m.Index+1), 10)
	}
	return b
}

// appendFlags appends the flag names of the message ("REQUEST|DUMP"), or "-".
func appendFlags(b []byte, m *decode.Message) []byte {
	if m.Header.Flags == 0 {
		return append(b, '-')
	}
	return decode.FlagsFor(m.Op).AppendFormat(b, uint64(m.Header.Flags), "|")
}

// appendTime appends the message time in the chosen format.
func (p *printer) appendTime(b []byte, t time.Time) []byte {
	switch p.o.timeFmt {
	case timeAbsolute:
		return t.AppendFormat(b, "15:04:05.000000")
	case timeAbsDate:
		return t.AppendFormat(b, "2006-01-02 15:04:05.000000")
	case timeDelta:
		return appendSeconds(b, t.Sub(p.prev))
	case timeEpoch:
		return appendSeconds(b, time.Duration(t.UnixNano()))
	}
	return appendSeconds(b, t.Sub(p.first))
}

// appendSeconds appends d as seconds with microseconds: "1.000250".
func appendSeconds(b []byte, d time.Duration) []byte {
	if d < 0 {
		b = append(b, '-')
		d = -d
	}
	us := int64(d / time.Microsecond)
	b = strconv.AppendInt(b, us/1e6, 10)
	b = append(b, '.')
	frac := us % 1e6
	for div := int64(100000); div > 0; div /= 10 {
		b = append(b, byte('0'+frac/div%10))
	}
	return b
}

// pad appends spaces until the text since start is width wide (at least one space).
func pad(b []byte, start, width int) []byte {
	n := width - (len(b) - start)
	if n < 1 {
		n = 1
	}
	for ; n > 0; n-- {
		b = append(b, ' ')
	}
	return b
}

// appendTerminalSafe appends s with every control byte escaped (\xNN): summaries
// are built from escaped values already, this is the last line of defence.
func appendTerminalSafe(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			b = append(b, '\\', 'x', hexDigit(c>>4), hexDigit(c&0xf))
			continue
		}
		if c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xa0 { // C1 control
			b = append(b, '\\', 'x', 'c', '2', '\\', 'x', hexDigit(s[i+1]>>4), hexDigit(s[i+1]&0xf))
			i++
			continue
		}
		b = append(b, c)
	}
	return b
}

func hexDigit(c byte) byte { return "0123456789abcdef"[c] }
