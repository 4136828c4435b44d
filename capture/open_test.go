package capture

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/gopacket/gopacket/layers"
)

// TestOpen reads a file by path, whatever its name says.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "capture.txt") // the content decides, not the name
	b := gzipped(t, pcapFile(binary.BigEndian, true, LinkTypeNetlink, nlRecord(1, 100)))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	frames, err := readAll(t, src)
	if err != nil || len(frames) != 1 {
		t.Fatalf("read %d frames, error %v; want 1 frame", len(frames), err)
	}
	if st := src.Stats(); !st.Gzip || st.Format != FormatPcap {
		t.Errorf("Stats() = %+v, want gzip pcap", st)
	}
	if err := src.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

// TestOpenErrors checks that errors name the file and say what to do.
func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "x.txt")
	if err := os.WriteFile(text, []byte("Hello, world\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		kind error
		want string
	}{
		{text, ErrNotCapture, text + ": not a pcap or pcapng file (starts with 48 65 6c 6c); nldump reads captures written by tcpdump -i nlmon0 -w FILE"},
		{filepath.Join(dir, "missing.pcap"), os.ErrNotExist, filepath.Join(dir, "missing.pcap") + ": cannot open: no such file or directory; check the path"},
		{dir, nil, dir + ": cannot read: read " + dir + ": is a directory"},
	}
	for _, tc := range tests {
		_, err := Open(tc.path)
		if err == nil {
			t.Errorf("Open(%q) succeeded", tc.path)
			continue
		}
		if tc.kind != nil && !errors.Is(err, tc.kind) {
			t.Errorf("Open(%q) = %v, want %v", tc.path, err, tc.kind)
		}
		if err.Error() != tc.want {
			t.Errorf("Open(%q) =\n %q\nwant\n %q", tc.path, err, tc.want)
		}
	}
}

// TestOpenStdin reads standard input for "-".
func TestOpenStdin(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin := os.Stdin
	os.Stdin = pr
	defer func() { os.Stdin = stdin; pr.Close() }()
	go func() {
		b := pcapngFile(binary.LittleEndian, []layers.LinkType{LinkTypeNetlink}, nlRecord(1, 100), nlRecord(2, 70000))
		pw.Write(b)
		pw.Close()
	}()
	src, err := Open("-")
	if err != nil {
		t.Fatal(err)
	}
	frames, err := readAll(t, src)
	if err != nil || len(frames) != 2 {
		t.Fatalf("read %d frames, error %v; want 2 frames", len(frames), err)
	}
	if err := src.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := pr.Stat(); err != nil {
		t.Errorf("Close closed standard input: %v", err)
	}
	if _, err := src.Next(); err != io.EOF {
		t.Errorf("Next after the end = %v, want io.EOF", err)
	}
}
