package tui

import (
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/owner"
	"github.com/nldump/nldump/decode"
)

// Batch is what the loader hands to the program at a tick: the rows and frames
// decoded since the previous batch, and the names they introduced.
type Batch struct {
	Rows   []Row
	Frames []frameRec
	Names  []string
	// Done is set on the last batch; Err is the error that ended reading, if any.
	Done bool
	Err  error
	// Stats is the source's statistics when Done.
	Stats capture.Stats
}

// loader reads a capture source in a goroutine, decodes each frame with the shared
// session (under mu, which lazy decoding in the program takes too), and collects
// rows until the program takes them at its next tick.
type loader struct {
	src     capture.Source
	dec     *decode.Decoder
	mu      *sync.Mutex // guards the decode.Session shared with the program
	prepare func(*decode.Session) error
	stop    atomic.Bool

	pmu     sync.Mutex
	pending Batch

	names   map[string]uint16
	nframes int32
	nrows   int32
	pairer  *decode.Pairer
	reqRow  map[*decode.Conversation]int32
}

func newLoader(src capture.Source, sess *decode.Session, mu *sync.Mutex, prepare func(*decode.Session) error) *loader {
	dec := decode.NewDecoder()
	dec.Session = sess
	dec.Reuse = true
	return &loader{src: src, dec: dec, mu: mu, prepare: prepare, names: make(map[string]uint16),
		pairer: decode.NewPairer(), reqRow: make(map[*decode.Conversation]int32)}
}

// statsEvery is how many frames go by between two reads of the source's
// statistics (a live source asks the kernel for its drop count).
const statsEvery = 64

// waiting returns the number of rows decoded but not taken yet.
func (l *loader) waiting() int {
	l.pmu.Lock()
	defer l.pmu.Unlock()
	return len(l.pending.Rows)
}

// take returns the rows decoded since the last call (nil when there are none).
func (l *loader) take() *Batch {
	l.pmu.Lock()
	defer l.pmu.Unlock()
	if len(l.pending.Rows) == 0 && len(l.pending.Frames) == 0 && !l.pending.Done {
		return nil
	}
	b := l.pending
	l.pending = Batch{}
	if b.Done {
		l.pending.Done = true // later calls see the end again, with no rows
		l.pending.Err, l.pending.Stats = b.Err, b.Stats
	}
	return &b
}

// run reads the whole source; it is the loader goroutine.
func (l *loader) run() {
	if l.prepare != nil {
		l.mu.Lock()
		err := l.prepare(l.dec.Session)
		l.mu.Unlock()
		if err != nil {
			l.finish(err)
			return
		}
	}
	var msgs []decode.Message
	var rows []Row
	var names []string
	for !l.stop.Load() {
		fr, err := l.src.Next()
		if err != nil && fr.Data == nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			l.finish(err)
			return
		}
		fi := l.nframes
		l.nframes++
		rows, names = rows[:0], names[:0]
		l.mu.Lock()
		msgs = l.dec.DecodeFrame(&fr, msgs)
		owner.AttachProcess(msgs)
		for i := range msgs {
			m := &msgs[i]
			r := Row{
				Summary: rowSummary(m),
				Frame:   fi, Req: -1,
				Seq: m.Header.Seq, Pid: m.Header.Pid, Len: m.Header.Len,
				Flags: m.Header.Flags, Index: uint16(m.Index),
				Dir: m.Direction, Op: m.Op, Malformed: m.Malformed, Multi: len(msgs) > 1,
			}
			r.Type, names = l.intern(m.TypeName, names)
			pn := decode.ProtocolName(fr.Protocol)
			if m.Protocol != nil {
				pn = m.Protocol.Name()
			}
			r.Proto, names = l.intern(pn, names)
			l.pair(&r, m)
			rows = append(rows, r)
		}
		l.mu.Unlock()
		var st capture.Stats
		if fi%statsEvery == 0 {
			st = l.src.Stats() // a live source's drop count, not on every frame
		}
		l.pmu.Lock()
		l.pending.Frames = append(l.pending.Frames, frameRec{data: fr.Data, comment: fr.Comment, time: fr.Time.UnixNano(),
			number: int32(fr.Number), length: int32(fr.Length), protocol: fr.Protocol})
		l.pending.Rows = append(l.pending.Rows, rows...)
		l.pending.Names = append(l.pending.Names, names...)
		if fi%statsEvery == 0 {
			l.pending.Stats = st
		}
		l.pmu.Unlock()
		if err != nil {
			l.finish(err)
			return
		}
	}
	l.finish(nil)
}

// pair links an answer to its request with decode.Pairer (by protocol, sequence
// number and port id, and the header an NLMSG_ERROR echoes).
func (l *loader) pair(r *Row, m *decode.Message) {
	id := l.nrows
	l.nrows++
	l.pairer.Annotate(m)
	c, isReq := l.pairer.Last()
	switch {
	case c == nil:
	case isReq:
		l.reqRow[c] = id
	default:
		if q, ok := l.reqRow[c]; ok {
			r.Req = q
		}
	}
}

// rowSummary is a message's summary for the list, terminal-safe, led by its
// process when a live capture recorded one ("ip[116] dev veth0").
func rowSummary(m *decode.Message) string {
	if b, ok := owner.AppendLabel(nil, m); ok {
		return terminalSafe(string(append(append(b, ' '), m.Summary()...)))
	}
	return terminalSafe(m.Summary())
}

// intern returns the index of name, adding it to names when new.
func (l *loader) intern(name string, names []string) (uint16, []string) {
	if i, ok := l.names[name]; ok {
		return i, names
	}
	if len(l.names) >= 1<<16-1 {
		return 0xffff, names // "?": more distinct names than any capture has
	}
	i := uint16(len(l.names))
	l.names[name] = i
	return i, append(names, terminalSafe(name))
}

// finish marks the end of the input.
func (l *loader) finish(err error) {
	st := l.src.Stats()
	l.pmu.Lock()
	l.pending.Done, l.pending.Err, l.pending.Stats = true, err, st
	l.pmu.Unlock()
}

// tickEvery is how often the program takes the loader's rows.
const tickEvery = 50 * time.Millisecond
