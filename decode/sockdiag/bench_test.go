package sockdiag

import (
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// BenchmarkDecodeCapture decodes the sock_diag frames of sockdiag.pcap (full
// field trees, no summaries) and reports messages per second.
func BenchmarkDecodeCapture(b *testing.B) {
	var frames []capture.Frame
	for i, data := range seeds(b)[:40] {
		frames = append(frames, capture.Frame{Number: i + 1, Protocol: unix.NETLINK_SOCK_DIAG, Data: data, Length: len(data)})
	}
	d := decode.NewDecoder()
	d.Reuse = true
	d.Order = decode.LittleEndian
	var msgs []decode.Message
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range frames {
			msgs = d.DecodeFrame(&frames[j], msgs)
			n += len(msgs)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkSummary formats the one-line summary of every message of the capture.
func BenchmarkSummary(b *testing.B) {
	msgs := readCapture(b, "sockdiag.pcap")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range msgs {
			_ = summary(&msgs[j].msg)
		}
	}
	b.ReportMetric(float64(b.N*len(msgs))/b.Elapsed().Seconds(), "msgs/s")
}
