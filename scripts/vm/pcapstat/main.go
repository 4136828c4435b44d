// Command pcapstat prints frame and netlink message counts of capture files, for
// testdata/pcaps/README.md (scripts/mkcaptures.sh runs it). It reads pcap and pcapng,
// gzip-compressed or not, with link types NETLINK (253), LINUX_SLL (113) and LINUX_SLL2 (276)
// (SLL records count only when their ARPHRD type is 824, netlink), and walks every
// nlmsghdr of every frame (little-endian hosts, as captured by scripts/vm).
//
//	go run ./scripts/vm/pcapstat FILE...
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

var protoNames = map[uint16]string{0: "route", 2: "usersock", 4: "sock_diag", 5: "nflog", 6: "xfrm",
	10: "fib_lookup", 12: "netfilter", 16: "generic"}

type stats struct {
	format   string
	linktype uint32
	frames   int
	msgs     int
	perProto map[uint16]int
	bad      int
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pcapstat FILE...")
		os.Exit(2)
	}
	rc := 0
	for _, name := range os.Args[1:] {
		st, err := statFile(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
			rc = 1
			continue
		}
		var parts []string
		var keys []int
		for p := range st.perProto {
			keys = append(keys, int(p))
		}
		sort.Ints(keys)
		for _, p := range keys {
			n := protoNames[uint16(p)]
			if n == "" {
				n = fmt.Sprint(p)
			}
			parts = append(parts, fmt.Sprintf("%s:%d", n, st.perProto[uint16(p)]))
		}
		extra := ""
		if st.bad > 0 {
			extra = fmt.Sprintf(" malformed=%d", st.bad)
		}
		fmt.Printf("%s\t%s\tlinktype=%d\tframes=%d\tmessages=%d\t%s%s\n", name, st.format, st.linktype,
			st.frames, st.msgs, strings.Join(parts, ","), extra)
	}
	os.Exit(rc)
}

func statFile(name string) (*stats, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var r io.Reader = br
	if m, _ := br.Peek(2); len(m) == 2 && m[0] == 0x1f && m[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		r = bufio.NewReaderSize(gz, 1<<20)
	}
	st := &stats{perProto: map[uint16]int{}}
	var magic [4]byte
	if _, err := io.ReadFull(r, magic[:]); err != nil {
		return nil, err
	}
	switch binary.LittleEndian.Uint32(magic[:]) {
	case 0xa1b2c3d4, 0xa1b23c4d:
		st.format = "pcap"
		return st, readPcap(r, binary.LittleEndian, st)
	case 0xd4c3b2a1, 0x4d3cb2a1:
		st.format = "pcap"
		return st, readPcap(r, binary.BigEndian, st)
	case 0x0a0d0d0a:
		st.format = "pcapng"
		return st, readPcapng(r, magic[:], st)
	}
	return nil, errors.New("not a pcap or pcapng file")
}

func readPcap(r io.Reader, bo binary.ByteOrder, st *stats) error {
	var hdr [20]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return err
	}
	st.linktype = bo.Uint32(hdr[16:]) & 0x0fffffff
	var rec [16]byte
	for {
		if _, err := io.ReadFull(r, rec[:]); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		data := make([]byte, bo.Uint32(rec[8:]))
		if _, err := io.ReadFull(r, data); err != nil {
			return err
		}
		st.frame(st.linktype, data)
	}
}

func readPcapng(r io.Reader, first []byte, st *stats) error {
	var bo binary.ByteOrder = binary.LittleEndian
	var linktypes []uint32
	blockType := binary.LittleEndian.Uint32(first)
	for {
		var lenb [4]byte
		if _, err := io.ReadFull(r, lenb[:]); err != nil {
			return err
		}
		var body []byte
		if blockType == 0x0a0d0d0a {
			// byte-order magic decides how to read the length
			var bom [4]byte
			if _, err := io.ReadFull(r, bom[:]); err != nil {
				return err
			}
			if binary.BigEndian.Uint32(bom[:]) == 0x1a2b3c4d {
				bo = binary.BigEndian
			} else {
				bo = binary.LittleEndian
			}
			n := bo.Uint32(lenb[:])
			body = make([]byte, n-12) // up to and including the trailing length
			if _, err := io.ReadFull(r, body); err != nil {
				return err
			}
			linktypes = nil
		} else {
			n := bo.Uint32(lenb[:])
			body = make([]byte, n-8) // up to and including the trailing length
			if _, err := io.ReadFull(r, body); err != nil {
				return err
			}
		}
		switch blockType {
		case 1: // IDB
			lt := uint32(bo.Uint16(body[0:]))
			linktypes = append(linktypes, lt)
			if st.linktype == 0 {
				st.linktype = lt
			}
		case 6: // EPB
			ifc := bo.Uint32(body[0:])
			capLen := bo.Uint32(body[12:])
			if int(ifc) < len(linktypes) {
				st.frame(linktypes[ifc], body[20:20+capLen])
			}
		}
		var tb [4]byte
		if _, err := io.ReadFull(r, tb[:]); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		blockType = bo.Uint32(tb[:])
	}
}

func (st *stats) frame(linktype uint32, data []byte) {
	st.frames++
	var proto uint16
	switch linktype {
	case 253: // NETLINK: 16-byte SLL-like pseudo-header
		if len(data) < 16 {
			st.bad++
			return
		}
		proto = binary.BigEndian.Uint16(data[14:])
		data = data[16:]
	case 113: // LINUX_SLL
		if len(data) < 16 || binary.BigEndian.Uint16(data[2:]) != 824 {
			return
		}
		proto = binary.BigEndian.Uint16(data[14:])
		data = data[16:]
	case 276: // LINUX_SLL2
		if len(data) < 20 || binary.BigEndian.Uint16(data[8:]) != 824 {
			return
		}
		proto = binary.BigEndian.Uint16(data[0:])
		data = data[20:]
	default:
		return
	}
	for len(data) >= 16 {
		n := binary.LittleEndian.Uint32(data)
		if n == 0 { // zero padding after the last message
			break
		}
		if n < 16 || int(n) > len(data) {
			st.bad++
			break
		}
		st.msgs++
		st.perProto[proto]++
		a := (int(n) + 3) &^ 3
		if a > len(data) {
			break
		}
		data = data[a:]
	}
}
