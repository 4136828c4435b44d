package all_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	_ "github.com/nldump/nldump/decode/all"
)

// benchCapture returns the frames of the largest route dump capture in the repo.
func benchCapture(b *testing.B) ([]capture.Frame, int) {
	b.Helper()
	var path string
	for _, name := range []string{"route-dump-120k.pcap.gz", "rtnl-dumps.pcap"} {
		p := filepath.Join("..", "..", "testdata", "pcaps", name)
		if _, err := os.Stat(p); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		b.Skip("no route dump capture in testdata/pcaps")
	}
	src, err := capture.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	var frames []capture.Frame
	bytes := 0
	for {
		fr, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		frames = append(frames, fr)
		bytes += len(fr.Data)
	}
	b.Logf("%s: %d frames, %d bytes", filepath.Base(path), len(frames), bytes)
	return frames, bytes
}

// BenchmarkHeaderWalk is the baseline: only the nlmsghdr walk of each frame (what
// a message counter does), no field tree.
func BenchmarkHeaderWalk(b *testing.B) {
	frames, n := benchCapture(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	msgs := 0
	for b.Loop() {
		for i := range frames {
			d := frames[i].Data
			for off := 0; off+16 <= len(d); {
				l := int(uint32(d[off]) | uint32(d[off+1])<<8 | uint32(d[off+2])<<16 | uint32(d[off+3])<<24)
				if l < 16 {
					break
				}
				msgs++
				off += (l + 3) &^ 3
			}
		}
	}
	b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkDecodeFull decodes every frame into full field trees with every
// registered protocol decoder, reusing field memory as the streaming printers do.
func BenchmarkDecodeFull(b *testing.B) {
	frames, n := benchCapture(b)
	d := decode.NewDecoder()
	d.Reuse = true
	var out []decode.Message
	b.SetBytes(int64(n))
	b.ReportAllocs()
	msgs, fields := 0, 0
	for b.Loop() {
		for i := range frames {
			out = d.DecodeFrame(&frames[i], out)
			msgs += len(out)
		}
	}
	b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
	perPass := 0
	for i := range frames {
		out = d.DecodeFrame(&frames[i], out)
		perPass += len(out)
		for j := range out {
			out[j].Root.Walk(func(*decode.Field, int) bool { fields++; return true })
		}
	}
	b.ReportMetric(float64(fields)/float64(perPass), "fields/msg")
}

// BenchmarkDecodeKeep decodes every frame into trees that stay valid (as the TUI
// and the session keep them), so field memory is allocated, not reused.
func BenchmarkDecodeKeep(b *testing.B) {
	frames, n := benchCapture(b)
	d := decode.NewDecoder()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	msgs := 0
	for b.Loop() {
		for i := range frames {
			msgs += len(d.DecodeFrame(&frames[i], nil))
		}
	}
	b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
}
