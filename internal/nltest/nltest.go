// Package nltest reads the real captures in testdata/pcaps for the decoders'
// tests.
package nltest

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
)

// CapturePath returns the path of the capture called name in testdata/pcaps.
func CapturePath(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "pcaps", name)
}

// EachFrame calls fn for every frame of the capture called name, in order; each
// frame is a copy of its own, so messages decoded from it may be kept. It skips
// the test when the file is absent and fails it when the file cannot be read.
func EachFrame(tb testing.TB, name string, fn func(fr *capture.Frame)) {
	tb.Helper()
	p := CapturePath(name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("capture %s not present: %v", name, err)
	}
	src, err := capture.Open(p)
	if err != nil {
		tb.Fatalf("open %s: %v", p, err)
	}
	defer src.Close()
	for {
		fr, err := src.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		fn(&fr)
	}
}

// FramesOf returns the frames of protocol proto in the capture called name.
func FramesOf(tb testing.TB, name string, proto uint16) []capture.Frame {
	tb.Helper()
	var out []capture.Frame
	EachFrame(tb, name, func(fr *capture.Frame) {
		if fr.Protocol == proto {
			out = append(out, *fr)
		}
	})
	return out
}

// EachMessage decodes the frames of protocol proto in the capture called name
// with one decoder (so that what early messages teach serves later ones) and
// calls fn for every message; the messages may be kept.
func EachMessage(tb testing.TB, name string, proto uint16, fn func(fr *capture.Frame, m *decode.Message)) {
	tb.Helper()
	d := decode.NewDecoder()
	EachFrame(tb, name, func(fr *capture.Frame) {
		if fr.Protocol != proto {
			return
		}
		msgs := d.DecodeFrame(fr, nil)
		for i := range msgs {
			fn(fr, &msgs[i])
		}
	})
}
