package route

import (
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// seeds are messages of the table tests, used as the fuzz corpus and cut at every
// length by TestTruncated.
func seeds() [][]byte {
	w := wire{}
	var out [][]byte
	out = append(out, link3(w))
	add := func(c msgCase) {
		out = append(out, c.frames(w)...)
	}
	for _, c := range linkCases() {
		add(c)
	}
	for _, c := range routeCases() {
		add(c)
	}
	return out
}

// FuzzDecode feeds arbitrary frames to the decoder: it must never panic (a panic in a
// protocol decoder is caught by the engine and turned into a note, so the fuzz
// target also fails on such notes).
func FuzzDecode(f *testing.F) {
	for _, s := range seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, order := range []decode.ByteOrderMode{decode.LittleEndian, decode.BigEndian} {
			d := decode.NewDecoder()
			d.Order = order
			fr := &capture.Frame{Number: 1, Protocol: unix.NETLINK_ROUTE, Data: data, Length: len(data)}
			for _, m := range d.DecodeFrame(fr, nil) {
				summarize(&m)
				m.Root.Walk(func(f *decode.Field, _ int) bool {
					_ = f.ValueString()
					if len(f.Note) > 13 && f.Note[:13] == "decoder error" {
						t.Fatalf("decoder panicked: %s", f.Note)
					}
					return true
				})
			}
		}
	})
}

// TestTruncated cuts every seed message at every length (keeping nlmsg_len, as a
// capture cut by its snap length does) and requires the decoder not to panic and to
// mark the cut messages malformed or decode them whole.
func TestTruncated(t *testing.T) {
	for i, s := range seeds() {
		for n := 0; n <= len(s); n++ {
			data := s[:n]
			d := decode.NewDecoder()
			d.Order = decode.LittleEndian
			fr := &capture.Frame{Number: 1, Protocol: unix.NETLINK_ROUTE, Data: data, Length: len(s)}
			for _, m := range d.DecodeFrame(fr, nil) {
				summarize(&m)
				m.Root.Walk(func(f *decode.Field, _ int) bool {
					_ = f.ValueString()
					if len(f.Note) > 13 && f.Note[:13] == "decoder error" {
						t.Fatalf("seed %d cut at %d: %s", i, n, f.Note)
					}
					return true
				})
			}
		}
	}
}

// summarize runs a message's summary without Proto.Summary's recover, so that a
// panicking summary fails the test.
func summarize(m *decode.Message) {
	if m.Error != nil {
		_ = m.Summary()
		return
	}
	if md := lookupMsg(m.Header.Type); md != nil && md.summary != nil && m.Header.Type >= unix.NLMSG_MIN_TYPE {
		_ = md.summary(m)
	}
}
