package netfilter

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nlwire"
	"golang.org/x/sys/unix"
)

// seeds are the byte-literal frames in both byte orders and the frames of the real
// captures: the fuzz corpus, and what TestTruncated cuts at every length.
func seeds(t testing.TB, maxCapture int) [][]byte {
	var out [][]byte
	for _, c := range byteCases() {
		out = append(out, c.frame(wire{}), c.frame(wire{nlwire.Wire{BE: true}}))
	}
	for _, name := range []string{"nftables.pcap", "conntrack.pcap", "nflog.pcap"} {
		p := filepath.Join(pcapDir, name)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		src, err := capture.Open(p)
		if err != nil {
			t.Fatalf("open %s: %v", p, err)
		}
		n := 0
		for n < maxCapture {
			fr, err := src.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if fr.Protocol == unix.NETLINK_NETFILTER {
				out = append(out, append([]byte(nil), fr.Data...))
				n++
			}
		}
		src.Close()
	}
	return out
}

// checkFrame decodes data in both byte orders, runs every summary without the
// recover of Proto.Summary, prints every value, and fails on a decoder panic (which
// the engine turns into a "decoder error" note).
func checkFrame(t *testing.T, data []byte, length int) {
	for _, order := range []decode.ByteOrderMode{decode.LittleEndian, decode.BigEndian} {
		d := decode.NewDecoder()
		d.Order = order
		fr := &capture.Frame{Number: 1, Protocol: unix.NETLINK_NETFILTER, Data: data, Length: length}
		for _, m := range d.DecodeFrame(fr, nil) {
			if m.Error == nil && m.Header.Type >= unix.NLMSG_MIN_TYPE {
				_ = summary(&m)
			} else {
				_ = m.Summary()
			}
			m.Root.Walk(func(f *decode.Field, _ int) bool {
				_ = f.ValueString()
				if len(f.Note) > 13 && f.Note[:13] == "decoder error" {
					t.Fatalf("decoder panicked: %s", f.Note)
				}
				return true
			})
		}
	}
}

// FuzzDecode feeds arbitrary frames to the netfilter decoder: it must never panic,
// in decoding or in summaries.
func FuzzDecode(f *testing.F) {
	for _, s := range seeds(f, 1<<30) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkFrame(t, data, len(data)) })
}

// TestTruncated cuts seed frames at every length (keeping the original length, as a
// snap length does) and requires the decoder and summaries not to panic.
func TestTruncated(t *testing.T) {
	for _, s := range seeds(t, 40) {
		for n := 0; n <= len(s); n++ {
			checkFrame(t, s[:n], len(s))
		}
	}
}
