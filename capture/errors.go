package capture

import (
	"errors"
	"strconv"
)

// Sentinel errors, to be matched with errors.Is against the *Error a Source returns.
var (
	// ErrNotCapture means the input is not a pcap or pcapng file (or is empty).
	ErrNotCapture = errors.New("not a pcap or pcapng file")
	// ErrLinkType means the capture's link type cannot carry netlink frames.
	ErrLinkType = errors.New("link type is not netlink")
	// ErrCutOff means the file ends in the middle of a record or header: the capture was
	// still being written, or the copy is incomplete. The frames before it are intact.
	ErrCutOff = errors.New("file ends mid-record")
	// ErrDamaged means the file's structure is broken: a record or block header holds
	// impossible lengths, or the gzip stream is corrupt.
	ErrDamaged = errors.New("damaged capture file")
)

// Error is an error reading a capture file. Its text names the file, says what is
// wrong and, where there is something to do about it, how to fix it:
//
//	x.pcap: link type 1 (ETHERNET) is not netlink; capture on an nlmon interface
type Error struct {
	// Name is the file name as given to Open or NewReader.
	Name string
	// Kind is one of ErrNotCapture, ErrLinkType, ErrCutOff or ErrDamaged, or nil for
	// errors of the operating system (see Cause).
	Kind error
	// Record is the 1-based number of the record the error is about, counting every
	// record of the file; 0 when it is not about a record.
	Record int
	// Offset is the byte offset of the problem in the (decompressed) file, or -1.
	Offset int64
	// Msg says what is wrong.
	Msg string
	// Hint says how to fix it; it may be empty.
	Hint string
	// Cause is the underlying error, if any (an *os.PathError, a gzip error, ...).
	Cause error
}

// Error returns "name: msg; hint".
func (e *Error) Error() string {
	s := e.Name + ": " + e.Msg
	if e.Record > 0 {
		s += " (record " + strconv.Itoa(e.Record)
		if e.Offset >= 0 {
			s += " at byte " + strconv.FormatInt(e.Offset, 10)
		}
		s += ")"
	}
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// Unwrap returns Kind and Cause, so that errors.Is matches either.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Cause != nil {
		errs = append(errs, e.Cause)
	}
	return errs
}

// Hints shared by several errors.
const (
	hintNlmon   = "nldump reads captures written by tcpdump -i nlmon0 -w FILE"
	hintCutOff  = "the frames before it are intact; the capture was probably still being written or copied incompletely"
	hintDamaged = "the frames before it are intact; the rest of the file cannot be read"
)
