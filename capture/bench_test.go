package capture

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"

	"github.com/gopacket/gopacket/layers"
)

// benchFrames and benchFrameSize make a file like a large route dump: about 31 KB per
// frame, as section 6 of the capture notes measured.
const (
	benchFrames    = 3000
	benchFrameSize = 30 << 10
)

// benchFile builds a pcap (ng false) or pcapng file of benchFrames frames.
func benchFile(ng bool) []byte {
	recs := make([]testRecord, benchFrames)
	for i := range recs {
		recs[i] = nlRecord(i, benchFrameSize)
	}
	if ng {
		return pcapngFile(binary.LittleEndian, []layers.LinkType{LinkTypeNetlink}, recs...)
	}
	return pcapFile(binary.LittleEndian, true, LinkTypeNetlink, recs...)
}

// benchRead reads file b.N times, reporting allocations per frame. size is the
// length of the uncompressed file, for MB/s.
func benchRead(b *testing.B, file []byte, size int) {
	b.ReportAllocs()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		src, err := NewReader(bytes.NewReader(file), "bench")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := src.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchFrames {
			b.Fatalf("read %d frames, want %d", n, benchFrames)
		}
	}
	b.StopTimer()
	allocs := testing.AllocsPerRun(1, func() {
		src, _ := NewReader(bytes.NewReader(file), "bench")
		for {
			if _, err := src.Next(); err != nil {
				break
			}
		}
	})
	b.ReportMetric(allocs/benchFrames, "allocs/frame")
}

// BenchmarkReadPcap reads a pcap file of 3000 frames of 30 KB.
func BenchmarkReadPcap(b *testing.B) {
	file := benchFile(false)
	benchRead(b, file, len(file))
}

// BenchmarkReadPcapng reads the same frames from a pcapng file.
func BenchmarkReadPcapng(b *testing.B) {
	file := benchFile(true)
	benchRead(b, file, len(file))
}

// BenchmarkReadPcapGzip reads the pcap file gzip-compressed; MB/s counts the
// uncompressed bytes.
func BenchmarkReadPcapGzip(b *testing.B) {
	file := benchFile(false)
	benchRead(b, gzipped(b, file), len(file))
}
