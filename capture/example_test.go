package capture_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/nldump/nldump/capture"
	"golang.org/x/sys/unix"
)

// Write two frames as pcap, then read them back.
func Example() {
	var file bytes.Buffer
	w, err := capture.NewWriter(&file)
	if err != nil {
		panic(err)
	}
	for i, size := range []int{20, 36} {
		f := capture.Frame{
			Time:       time.Unix(1700000000+int64(i), 0),
			PacketType: unix.PACKET_OUTGOING,
			ARPHRD:     unix.ARPHRD_NETLINK,
			Protocol:   unix.NETLINK_ROUTE,
			Data:       make([]byte, size),
			Length:     size,
		}
		if err := w.WriteFrame(&f); err != nil {
			panic(err)
		}
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}

	src, err := capture.NewReader(&file, "example.pcap")
	if err != nil {
		panic(err)
	}
	defer src.Close()
	for {
		f, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("frame %d: protocol %d, %d bytes\n", f.Number, f.Protocol, len(f.Data))
	}
	st := src.Stats()
	fmt.Printf("%s: %d frames of %d records\n", st.Format, st.Frames, st.Records)
	// Output:
	// frame 1: protocol 0, 20 bytes
	// frame 2: protocol 0, 36 bytes
	// pcap: 2 frames of 2 records
}

// Errors name the file, say what is wrong and how to fix it.
func ExampleNewReader_notACapture() {
	_, err := capture.NewReader(bytes.NewReader([]byte("Hello, world\n")), "x.txt")
	fmt.Println(err)
	fmt.Println(errors.Is(err, capture.ErrNotCapture))
	// Output:
	// x.txt: not a pcap or pcapng file (starts with 48 65 6c 6c); nldump reads captures written by tcpdump -i nlmon0 -w FILE
	// true
}
