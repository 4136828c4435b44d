package route

import (
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nltest"
	"golang.org/x/sys/unix"
)

// loadFrames reads a capture's NETLINK_ROUTE frames.
func loadFrames(b *testing.B, name string) []capture.Frame {
	return nltest.FramesOf(b, name, unix.NETLINK_ROUTE)
}

// benchDecode decodes every frame of a capture per iteration (full field trees, no
// summaries) and reports messages per second.
func benchDecode(b *testing.B, name string) {
	frames := loadFrames(b, name)
	d := decode.NewDecoder()
	d.Reuse = true
	var msgs []decode.Message
	n := 0
	for i := range frames { // warm the session and count messages
		msgs = d.DecodeFrame(&frames[i], msgs)
		n += len(msgs)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		for i := range frames {
			msgs = d.DecodeFrame(&frames[i], msgs)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

func BenchmarkDecodeRtnlDumps(b *testing.B) { benchDecode(b, "rtnl-dumps.pcap") }
func BenchmarkDecodeTCDumps(b *testing.B)   { benchDecode(b, "tc-dumps.pcap") }
func BenchmarkDecodeNotify(b *testing.B)    { benchDecode(b, "notify.pcap") }

// BenchmarkDecodeRouteDump decodes a frame packed with the IPv4/IPv6 RTM_NEWROUTE
// replies of rtnl-dumps.pcap (as a large route dump arrives: ~500 messages a frame).
func BenchmarkDecodeRouteDump(b *testing.B) {
	frames := loadFrames(b, "rtnl-dumps.pcap")
	d := decode.NewDecoder()
	var data []byte
	for i := range frames {
		for _, m := range d.DecodeFrame(&frames[i], nil) {
			if m.Header.Type == unix.RTM_NEWROUTE && m.Header.Flags&unix.NLM_F_MULTI != 0 {
				data = append(data, m.Data...)
				for len(data)%4 != 0 {
					data = append(data, 0)
				}
			}
		}
	}
	if len(data) == 0 {
		b.Skip("no route replies")
	}
	for len(data) < 32000 {
		data = append(data, data...)
	}
	fr := capture.Frame{Number: 1, Protocol: unix.NETLINK_ROUTE, Data: data, Length: len(data)}
	d.Reuse = true
	msgs := d.DecodeFrame(&fr, nil)
	n := len(msgs)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		msgs = d.DecodeFrame(&fr, msgs)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkDecodeRouteDump120k decodes the real 120,000-route dump (IPv4 routes,
// ~250 messages a frame).
func BenchmarkDecodeRouteDump120k(b *testing.B) { benchDecode(b, "route-dump-120k.pcap.gz") }
