package sockdiag

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// seeds returns the frames of the real capture and of the table tests (both
// byte orders): the fuzz corpus, and the inputs TestTruncated cuts.
func seeds(t testing.TB) [][]byte {
	var out [][]byte
	if src, err := capture.Open(filepath.Join(pcapDir, "sockdiag.pcap")); err == nil {
		for {
			fr, err := src.Next()
			if errors.Is(err, io.EOF) || err != nil {
				break
			}
			if fr.Protocol == unix.NETLINK_SOCK_DIAG {
				out = append(out, append([]byte(nil), fr.Data...))
			}
		}
		src.Close()
	} else if _, serr := os.Stat(pcapDir); serr == nil {
		t.Fatalf("open sockdiag.pcap: %v", err)
	}
	for _, c := range cases() {
		for _, o := range orders {
			out = append(out, c.frames(o.w)...)
		}
	}
	return out
}

// decodeChecked decodes data as one sock_diag frame in both byte orders, runs
// the summaries and prints every value, and fails on a panic the engine caught.
func decodeChecked(t *testing.T, d *decode.Decoder, data []byte, total int) {
	t.Helper()
	for _, order := range []decode.ByteOrderMode{decode.LittleEndian, decode.BigEndian} {
		d.Order = order
		fr := &capture.Frame{Number: 1, Protocol: unix.NETLINK_SOCK_DIAG, Data: data, Length: total}
		for _, m := range d.DecodeFrame(fr, nil) {
			if m.Header.Type >= unix.NLMSG_MIN_TYPE && m.Error == nil {
				_ = summary(&m) // without Proto.Summary's recover: a panic fails the test
			}
			m.Root.Walk(func(f *decode.Field, _ int) bool {
				_ = f.ValueString()
				if strings.HasPrefix(f.Note, "decoder error") {
					t.Fatalf("decoder panicked: %s", f.Note)
				}
				return true
			})
		}
	}
}

// FuzzDecode feeds arbitrary frames to the decoder: it must never panic, in the
// payload decoder (the engine would catch that and note it) or in a summary.
func FuzzDecode(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeChecked(t, decode.NewDecoder(), data, len(data))
	})
}

// TestTruncated cuts every seed at every length (as a snap length would) and
// requires no panic.
func TestTruncated(t *testing.T) {
	for _, s := range seeds(t) {
		d := decode.NewDecoder()
		for n := 0; n <= len(s); n++ {
			decodeChecked(t, d, s[:n], len(s))
		}
	}
}

// TestDecodeAllocations requires DecodePayload to allocate nothing of its own:
// decoding the capture's request and reply frames again, with the arena reused,
// costs no allocation. (NLMSG_DONE frames are left out: the engine's donePayload
// allocates, which is not this package's.)
func TestDecodeAllocations(t *testing.T) {
	var frames []capture.Frame
	for i, data := range seeds(t)[:40] { // the capture's frames
		if binary.LittleEndian.Uint16(data[4:]) == unix.NLMSG_DONE {
			continue
		}
		frames = append(frames, capture.Frame{Number: i + 1, Protocol: unix.NETLINK_SOCK_DIAG, Data: data, Length: len(data)})
	}
	if len(frames) != 26 {
		t.Fatalf("%d request and reply frames, want 26", len(frames))
	}
	d := decode.NewDecoder()
	d.Reuse = true
	d.Order = decode.LittleEndian
	var msgs []decode.Message
	run := func() {
		for i := range frames {
			msgs = d.DecodeFrame(&frames[i], msgs)
		}
	}
	run()
	if n := testing.AllocsPerRun(20, run); n != 0 {
		t.Errorf("%.1f allocations per pass over the capture's %d request and reply frames, want 0", n, len(frames))
	}
}
