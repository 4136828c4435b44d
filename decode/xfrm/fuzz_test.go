package xfrm

import (
	"errors"
	"io"
	"path/filepath"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// fuzzProtos are the protocols of this package, chosen by the fuzz input's selector.
var fuzzProtos = []uint16{unix.NETLINK_XFRM, unix.NETLINK_USERSOCK, unix.NETLINK_NFLOG, unix.NETLINK_FIB_LOOKUP}

// captureFrames returns the frames of the real capture.
func captureFrames(t testing.TB) [][]byte {
	src, err := capture.Open(filepath.Join(pcapDir, "xfrm.pcap"))
	if err != nil {
		t.Skip(err)
	}
	defer src.Close()
	var out [][]byte
	for {
		fr, err := src.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, append([]byte(nil), fr.Data...))
	}
}

// literalSeeds are the byte-literal messages of the tests, little-endian.
func literalSeeds() [][]byte {
	w := wire{}
	return [][]byte{
		newSA(w),
		w.msg(xfrmMsgFlushSA, unix.NLM_F_REQUEST, u8(unix.IPPROTO_ESP)),
		w.msg(xfrmMsgGetDefault, 0, u8(2), u8(2), u8(1)),
		w.msg(xfrmMsgExpire, 0, w.usersaInfo("10.0.0.1", "10.0.0.2", 0xabc, 4), u8(1), zero(7)),
	}
}

// checkMessage fails on a note that says a decoder panicked, and runs the
// summary without Proto.Summary's recover so that a panicking summary fails too.
func checkMessage(t *testing.T, m *decode.Message) {
	t.Helper()
	if md := lookupMsg(m.Header.Type); md != nil && md.summary != nil && m.Error == nil && m.Protocol.Name() == "xfrm" {
		_ = md.summary(m, m.Payload())
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

// FuzzDecode feeds arbitrary frames to the decoders of this package in both byte
// orders: they must never panic (the engine turns a panic into a note, which
// fails the target).
func FuzzDecode(f *testing.F) {
	for _, s := range captureFrames(f) {
		f.Add(s, uint8(0))
	}
	for _, s := range literalSeeds() {
		f.Add(s, uint8(0))
	}
	f.Add(wire{}.msg(0x20, unix.NLM_F_REQUEST, []byte{192, 0, 2, 1}, zero(16)), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, sel uint8) {
		proto := fuzzProtos[int(sel)%len(fuzzProtos)]
		for _, order := range []decode.ByteOrderMode{decode.LittleEndian, decode.BigEndian} {
			d := decode.NewDecoder()
			d.Order = order
			fr := &capture.Frame{Number: 1, Protocol: proto, Data: data, Length: len(data)}
			for _, m := range d.DecodeFrame(fr, nil) {
				checkMessage(t, &m)
			}
		}
	})
}

// TestTruncated cuts every frame of the capture and every literal at every length
// (keeping nlmsg_len, as a snap length does): no panic, in both byte orders.
func TestTruncated(t *testing.T) {
	seeds := append(captureFrames(t), literalSeeds()...)
	for _, s := range seeds {
		for n := 0; n <= len(s); n++ {
			for _, order := range []decode.ByteOrderMode{decode.LittleEndian, decode.BigEndian} {
				d := decode.NewDecoder()
				d.Order = order
				fr := &capture.Frame{Number: 1, Protocol: unix.NETLINK_XFRM, Data: s[:n], Length: len(s)}
				for _, m := range d.DecodeFrame(fr, nil) {
					checkMessage(t, &m)
				}
			}
		}
	}
}

// TestDecodeAllocs: decoding the capture's xfrm messages allocates nothing once
// the decoder is warm (fields come from its arena). NLMSG_ERROR and NLMSG_DONE
// frames are left out: the engine allocates their decode.ErrorInfo, not this
// package.
func TestDecodeAllocs(t *testing.T) {
	d := decode.NewDecoder()
	d.Reuse = true
	var msgs []decode.Message
	frs := xfrmFrames(t)
	run := func() {
		for i := range frs {
			msgs = d.DecodeFrame(&frs[i], msgs)
		}
	}
	run()
	if a := testing.AllocsPerRun(20, run); a != 0 {
		t.Errorf("%.1f allocations per pass over %d frames", a, len(frs))
	}
}

// xfrmFrames returns the capture's frames without the NLMSG_ERROR and NLMSG_DONE
// ones (the engine allocates a decode.ErrorInfo for each of those).
func xfrmFrames(t testing.TB) []capture.Frame {
	var frs []capture.Frame
	for _, b := range captureFrames(t) {
		if len(b) >= 6 && b[4] < unix.NLMSG_MIN_TYPE && b[5] == 0 { // little-endian capture
			continue
		}
		frs = append(frs, capture.Frame{Number: len(frs) + 1, Protocol: unix.NETLINK_XFRM, Data: b, Length: len(b)})
	}
	return frs
}

// BenchmarkDecodeCapture decodes the capture's xfrm frames (full field trees;
// NLMSG_ERROR and NLMSG_DONE frames left out, see TestDecodeAllocs).
func BenchmarkDecodeCapture(b *testing.B) {
	d := decode.NewDecoder()
	d.Reuse = true
	var msgs []decode.Message
	frs := xfrmFrames(b)
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range frs {
			msgs = d.DecodeFrame(&frs[j], msgs)
			n += len(msgs)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
}
