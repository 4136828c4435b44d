package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/sys/unix"
)

// fuzzSeeds are small valid captures of every kind, by name.
func fuzzSeeds(t testing.TB) map[string][]byte {
	le, be := binary.LittleEndian, binary.BigEndian
	r1, r2 := nlRecord(1, 20), nlRecord(2, 24)
	sllEth := testRecord{time: testTime(3), data: cat(nlHeader(0, unix.ARPHRD_ETHER, 0x0800), []byte{0x45, 0, 0, 20})}
	sll2 := testRecord{time: testTime(4), iface: 1, data: cat(sll2Header(unix.PACKET_KERNEL, unix.ARPHRD_NETLINK, unix.NETLINK_GENERIC), nlmsg(20, 4))}
	mixed := []layers.LinkType{LinkTypeNetlink, layers.LinkTypeLinuxSLL2}
	return map[string][]byte{
		"pcap":        pcapFile(le, true, LinkTypeNetlink, r1, r2),
		"pcap-be-us":  pcapFile(be, false, LinkTypeNetlink, r1),
		"pcapng":      cat(ngSHB(le), ngIDB(le, LinkTypeNetlink), ngEPB(le, r1, "c"), ngEPB(le, r2, "")),
		"pcapng-be":   pcapngFile(be, mixed, r1, sll2),
		"gzip":        gzipped(t, pcapFile(le, true, LinkTypeNetlink, r1)),
		"sll":         pcapFile(le, true, layers.LinkTypeLinuxSLL, sllEth, testRecord{time: testTime(5), data: cat(nlHeader(4, unix.ARPHRD_NETLINK, 0), nlmsg(16, 5))}),
		"sll2-pcapng": pcapngFile(le, mixed, sll2, r1),
	}
}

// TestWriteFuzzSeeds writes the seed corpus of FuzzReader to testdata/fuzz/FuzzReader
// when NLDUMP_WRITE_SEEDS is set; it only checks that the corpus is there otherwise.
func TestWriteFuzzSeeds(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzReader")
	for name, b := range fuzzSeeds(t) {
		path := filepath.Join(dir, name)
		if os.Getenv("NLDUMP_WRITE_SEEDS") == "" {
			if _, err := os.Stat(path); err != nil {
				t.Errorf("seed missing (run with NLDUMP_WRITE_SEEDS=1): %v", err)
			}
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzReader feeds arbitrary bytes to NewReader and drains the Source: it must never
// panic, and what it hands out must be consistent.
func FuzzReader(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		src, err := NewReader(bytes.NewReader(in), "fuzz")
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("NewReader error %T is not an *Error: %v", err, err)
			}
			return
		}
		n := 0
		for {
			fr, err := src.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Next error %T is not an *Error: %v", err, err)
				}
				if _, err2 := src.Next(); err2 != err {
					t.Fatalf("Next after %v = %v", err, err2)
				}
				break
			}
			n++
			if fr.Number != n || len(fr.Data) > fr.Length || !src.Stats().Gzip && len(fr.Data) > len(in) {
				t.Fatalf("frame %d: Number %d, %d of %d bytes, input %d bytes", n, fr.Number, len(fr.Data), fr.Length, len(in))
			}
		}
		st := src.Stats()
		if st.Frames != n || st.Records < st.Frames+st.Malformed+st.SkippedTotal() {
			t.Fatalf("Stats() = %+v after %d frames", st, n)
		}
	})
}
