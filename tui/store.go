package tui

import (
	"time"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
)

// Row is the compact summary of one message: what the list shows, and where to find
// the message's frame to decode its tree again. About 56 bytes plus the summary.
type Row struct {
	// Summary is the one-line description (decode.Message.Summary), terminal-safe.
	Summary string
	// Frame indexes Store.frames.
	Frame int32
	// Req is the row of the request this message answers, or -1.
	Req           int32
	Seq, Pid, Len uint32
	// Type and Proto index Store.names: the type name and the protocol name.
	Type, Proto uint16
	// Flags is nlmsg_flags.
	Flags uint16
	// Index is the message's position in its frame.
	Index uint16
	// Dir is the direction the list pass judged.
	Dir decode.Direction
	// Op says how the flags read.
	Op decode.Op
	// Malformed marks a message that did not decode cleanly.
	Malformed bool
	// Multi marks a message of a frame holding several messages (shown as N.M).
	Multi bool
}

// frameRec is what the store keeps of a frame: enough to decode it again.
type frameRec struct {
	data     []byte
	comment  string // the pcapng comment: a live capture's process (capture/owner)
	time     int64  // Unix nanoseconds
	number   int32
	length   int32
	protocol uint16
}

// frame rebuilds the capture frame.
func (f *frameRec) frame() capture.Frame {
	return capture.Frame{Number: int(f.number), Time: time.Unix(0, f.time), Protocol: f.protocol, Data: f.data,
		Length: int(f.length), Comment: f.comment}
}

// chunkBits sizes the row chunks: rows live in fixed-capacity chunks so that
// appending never copies the rows already stored.
const (
	chunkBits = 16
	chunkSize = 1 << chunkBits
)

// Store holds the rows and frames of a capture. It grows by batches (Append) and
// is used from the program's goroutine only.
type Store struct {
	chunks  [][]Row
	n       int
	frames  []frameRec
	names   []string
	errs    []int32           // rows with Dir == DirError, ascending
	answers map[int32][]int32 // request row -> its answers, ascending
	first   int64             // time of the first frame
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{answers: make(map[int32][]int32)}
}

// Len returns the number of rows.
func (s *Store) Len() int { return s.n }

// Row returns row i (0 <= i < Len).
func (s *Store) Row(i int32) *Row { return &s.chunks[i>>chunkBits][i&(chunkSize-1)] }

// Name returns an interned name.
func (s *Store) Name(i uint16) string {
	if int(i) < len(s.names) {
		return s.names[i]
	}
	return "?"
}

// FrameNumber returns the capture frame number of row i.
func (s *Store) FrameNumber(i int32) int { return int(s.frames[s.Row(i).Frame].number) }

// Time returns the time of row i relative to the first frame.
func (s *Store) Time(i int32) time.Duration {
	return time.Duration(s.frames[s.Row(i).Frame].time - s.first)
}

// Frames returns the number of frames.
func (s *Store) Frames() int { return len(s.frames) }

// Errors returns the rows that are errors, ascending.
func (s *Store) Errors() []int32 { return s.errs }

// Answers returns the rows answering request row r, ascending.
func (s *Store) Answers(r int32) []int32 { return s.answers[r] }

// Append adds a batch. Batches come in order: their frame and row numbers continue
// the store's.
func (s *Store) Append(b *Batch) {
	if len(s.frames) == 0 && len(b.Frames) > 0 {
		s.first = b.Frames[0].time
	}
	s.frames = append(s.frames, b.Frames...)
	s.names = append(s.names, b.Names...)
	for i := range b.Rows {
		r := &b.Rows[i]
		if s.n>>chunkBits == len(s.chunks) {
			s.chunks = append(s.chunks, make([]Row, 0, chunkSize))
		}
		c := &s.chunks[len(s.chunks)-1]
		*c = append(*c, *r)
		id := int32(s.n)
		s.n++
		if r.Dir == decode.DirError {
			s.errs = append(s.errs, id)
		}
		if r.Req >= 0 {
			s.answers[r.Req] = append(s.answers[r.Req], id)
		}
	}
}

// FindFrame returns the first row of capture frame number n, or of the first frame
// after it; ok is false when no frame has number >= n.
func (s *Store) FindFrame(n int) (int32, bool) {
	lo, hi := 0, s.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.FrameNumber(int32(m)) < n {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return int32(lo), lo < s.n
}

// view is the list's window on the store: every row, or the rows a filter kept.
type view struct {
	s   *Store
	ids []int32 // filtered rows, ascending; used when filtered
	on  bool    // filtered
}

// Len returns the number of rows in the view.
func (v *view) Len() int {
	if v.on {
		return len(v.ids)
	}
	return v.s.Len()
}

// At returns the row at position i.
func (v *view) At(i int) int32 {
	if v.on {
		return v.ids[i]
	}
	return int32(i)
}

// Pos returns the position of row id in the view, or of the first row after it;
// exact reports whether id itself is there.
func (v *view) Pos(id int32) (pos int, exact bool) {
	if !v.on {
		return int(id), int(id) < v.s.Len()
	}
	lo, hi := 0, len(v.ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if v.ids[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(v.ids) && v.ids[lo] == id
}
