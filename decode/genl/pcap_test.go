package genl

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// readFrames reads every frame of a capture in testdata/pcaps, or skips.
func readFrames(t testing.TB, name string) []capture.Frame {
	p := filepath.Join("..", "..", "testdata", "pcaps", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not present: %v", p, err)
	}
	src, err := capture.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var out []capture.Frame
	for {
		fr, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fr)
	}
	return out
}

// decodeCapture prescans with Learn, then decodes every generic netlink frame.
func decodeCapture(t testing.TB, frames []capture.Frame) []decode.Message {
	d := decode.NewDecoder()
	for i := range frames {
		Learn(d.Session, &frames[i])
	}
	var all []decode.Message
	for i := range frames {
		if frames[i].Protocol != unix.NETLINK_GENERIC {
			continue
		}
		all = append(all, d.DecodeFrame(&frames[i], nil)...)
	}
	return all
}

func TestPcapSurvey(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/pcaps/*.pcap")
	if len(files) == 0 {
		t.Skip("no captures")
	}
	for _, f := range files {
		msgs := decodeCapture(t, readFrames(t, filepath.Base(f)))
		types := map[string]int{}
		unknown := map[string]int{}
		for i := range msgs {
			m := &msgs[i]
			types[m.TypeName]++
			for _, u := range unknownAttrs(m) {
				unknown[u]++
			}
		}
		if len(msgs) == 0 {
			continue
		}
		var ks []string
		for k, n := range types {
			ks = append(ks, k+"="+itoa(n))
		}
		sort.Strings(ks)
		var us []string
		for k, n := range unknown {
			us = append(us, k+"="+itoa(n))
		}
		sort.Strings(us)
		t.Logf("%s: %d genl messages\n  types: %s\n  unknown: %s", filepath.Base(f), len(msgs), strings.Join(ks, ", "), strings.Join(us, ", "))
	}
}
