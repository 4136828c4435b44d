package main

import (
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// TestWriteTshark rewrites real captures with -r -w, as pcap and as pcapng, and
// checks that nldump decodes the copies to the same text as the originals and
// that tshark reads the same frames and message headers in them.
func TestWriteTshark(t *testing.T) {
	_, noTshark := exec.LookPath("tshark")
	dir := t.TempDir()
	for _, name := range []string{"errors.pcap", "genl-ctrl.pcap", "formats.pcapng", "formats-sll2.pcap"} {
		orig := filepath.Join("..", "..", "testdata", "pcaps", name)
		rc, want, errText := runCLI("-r", orig, "-V", "-t", "e")
		if rc != 0 {
			t.Fatalf("nldump -r %s: status %d: %s", orig, rc, errText)
		}
		var tsharkWant [][]nlHeader
		if noTshark == nil {
			var err error
			if tsharkWant, _, _, err = tsharkHeaders(orig); err != nil {
				t.Fatal(err)
			}
		}
		for _, ext := range []string{".pcap", ".pcapng"} {
			out := filepath.Join(dir, name+ext)
			if rc, _, errText := runCLI("-r", orig, "-w", out); rc != 0 {
				t.Fatalf("nldump -r %s -w %s: status %d: %s", orig, out, rc, errText)
			}
			rc, got, errText := runCLI("-r", out, "-V", "-t", "e")
			if rc != 0 {
				t.Fatalf("nldump -r %s: status %d: %s", out, rc, errText)
			}
			if got != want {
				t.Errorf("%s rewritten as %s decodes differently", name, ext)
			}
			if noTshark != nil {
				continue
			}
			tsharkGot, _, _, err := tsharkHeaders(out)
			if err != nil {
				t.Fatal(err)
			}
			if len(tsharkWant) == 0 {
				// tshark 4.0 finds no netlink in LINUX_SLL2 records; the copy,
				// LINKTYPE_NETLINK, it reads: one frame per nldump frame.
				if frames := countFrames(decodeFile(t, orig)); len(tsharkGot) != frames {
					t.Errorf("%s rewritten as %s: tshark reads %d netlink frames, nldump %d", name, ext, len(tsharkGot), frames)
				}
				continue
			}
			if len(tsharkGot) != len(tsharkWant) || !reflect.DeepEqual(tsharkGot, tsharkWant) {
				t.Errorf("%s rewritten as %s: tshark reads %d netlink frames, %d in the original, or other headers", name, ext, len(tsharkGot), len(tsharkWant))
			}
		}
	}
	if noTshark != nil {
		t.Log("no tshark: checked nldump's decoding of the copies only")
	}
}

// countFrames counts the frames messages come from.
func countFrames(msgs []decoded) int {
	n, last := 0, 0
	for _, m := range msgs {
		if m.frame != last {
			n, last = n+1, m.frame
		}
	}
	return n
}
