package netfilter

import (
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nltest"
	"golang.org/x/sys/unix"
)

// loadFrames reads a capture's NETLINK_NETFILTER frames.
func loadFrames(tb testing.TB, name string) []capture.Frame {
	return nltest.FramesOf(tb, name, unix.NETLINK_NETFILTER)
}

func benchDecode(b *testing.B, name string) {
	frames := loadFrames(b, name)
	d := decode.NewDecoder()
	d.Reuse = true
	var msgs []decode.Message
	n := 0
	for i := range frames {
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

// BenchmarkDecodeNftables decodes the 619 messages of nftables.pcap (rules with
// expressions, sets, dumps).
func BenchmarkDecodeNftables(b *testing.B) { benchDecode(b, "nftables.pcap") }

// BenchmarkDecodeConntrack decodes the 65 messages of conntrack.pcap.
func BenchmarkDecodeConntrack(b *testing.B) { benchDecode(b, "conntrack.pcap") }

// TestDecodeAllocs requires decoding the captures again with a reusing decoder to
// allocate nothing: DecodePayload takes its fields from the arena, and learning
// sets allocates only for a set not seen before. Frames holding NLMSG_ERROR or
// NLMSG_DONE are left out: the engine's own decoding of those allocates.
func TestDecodeAllocs(t *testing.T) {
	for _, name := range []string{"nftables.pcap", "conntrack.pcap", "nflog.pcap"} {
		all := loadFrames(t, name)
		d := decode.NewDecoder()
		d.Reuse = true
		var msgs []decode.Message
		var frames []capture.Frame
		for i := range all {
			msgs = d.DecodeFrame(&all[i], msgs)
			ok := true
			for _, m := range msgs {
				ok = ok && m.Header.Type >= unix.NLMSG_MIN_TYPE
			}
			if ok {
				frames = append(frames, all[i])
			}
		}
		run := func() {
			for i := range frames {
				msgs = d.DecodeFrame(&frames[i], msgs)
			}
		}
		run()
		if a := testing.AllocsPerRun(5, run); a != 0 {
			t.Errorf("%s: %.1f allocations decoding %d frames again, want 0", name, a, len(frames))
		}
		if len(frames) < len(all)/3 {
			t.Errorf("%s: only %d of %d frames without NLMSG_ERROR/DONE", name, len(frames), len(all))
		}
	}
}
