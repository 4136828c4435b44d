package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"maps"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/sys/unix"
)

// readAll drains src. It returns the frames and the error that ended them, nil for
// io.EOF.
func readAll(t testing.TB, src Source) ([]Frame, error) {
	t.Helper()
	var frames []Frame
	for {
		f, err := src.Next()
		if err == io.EOF {
			return frames, nil
		}
		if err != nil {
			if _, err2 := src.Next(); err2 != err {
				t.Errorf("Next after error = %v, want the same error %v", err2, err)
			}
			return frames, err
		}
		frames = append(frames, f)
	}
}

// nlFrame is the frame that nlRecord(n, size) holds, as the number-th frame.
func nlFrame(number, n, size int) Frame {
	return Frame{
		Number:     number,
		Time:       testTime(n),
		PacketType: unix.PACKET_OUTGOING,
		ARPHRD:     unix.ARPHRD_NETLINK,
		Protocol:   unix.NETLINK_ROUTE,
		Data:       nlmsg(size, uint32(n)),
		Length:     size,
	}
}

// micro returns frames with their times cut to microseconds, as a µs pcap holds them.
func micro(fs ...Frame) []Frame {
	for i := range fs {
		fs[i].Time = fs[i].Time.Truncate(time.Microsecond)
	}
	return fs
}

// diffFrames reports the differences between got and want.
func diffFrames(t *testing.T, got, want []Frame) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d frames, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if !g.Time.Equal(w.Time) {
			t.Errorf("frame %d: Time = %v, want %v", i+1, g.Time, w.Time)
		}
		g.Time, w.Time = time.Time{}, time.Time{}
		if !bytes.Equal(g.Data, w.Data) {
			t.Errorf("frame %d: Data (%d bytes) differs from want (%d bytes)", i+1, len(g.Data), len(w.Data))
		}
		g.Data, w.Data = nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Errorf("frame %d:\n got %+v\nwant %+v", i+1, g, w)
		}
	}
}

// readerCase is one input for TestReader.
type readerCase struct {
	name      string
	in        []byte
	want      []Frame // nil with anyFrames: not checked
	anyFrames bool
	stats     Stats  // Records, Frames, Truncated, Malformed, Skipped, Format, Gzip
	openErr   error  // the sentinel NewReader's error must match
	endErr    error  // the sentinel Next's last error must match
	errText   string // a substring of the error text
}

// readerCases returns the table of TestReader: every format variant, link type and
// kind of damage.
func readerCases(t testing.TB) []readerCase {
	le, be := binary.LittleEndian, binary.BigEndian
	r1, r2 := nlRecord(1, 100), nlRecord(2, 30000)
	f1, f2 := nlFrame(1, 1, 100), nlFrame(2, 2, 30000)
	two := Stats{Records: 2, Frames: 2}
	pcapStats := func(s Stats) Stats { s.Format = FormatPcap; return s }
	ngStats := func(s Stats) Stats { s.Format = FormatPcapng; return s }
	gz := func(s Stats) Stats { s.Gzip = true; return s }

	// Records on the "any" device: LINUX_SLL and LINUX_SLL2.
	genl := nlmsg(64, 9)
	ip := bytes.Repeat([]byte{0x45}, 60)
	sllNl := testRecord{time: testTime(1), data: cat(nlHeader(unix.PACKET_USER, unix.ARPHRD_NETLINK, unix.NETLINK_GENERIC), genl)}
	sllEth := testRecord{time: testTime(2), data: cat(nlHeader(unix.PACKET_HOST, unix.ARPHRD_ETHER, 0x0800), ip)}
	sll2Nl := testRecord{time: testTime(1), data: cat(sll2Header(unix.PACKET_KERNEL, unix.ARPHRD_NETLINK, unix.NETLINK_GENERIC), genl)}
	sll2Eth := testRecord{time: testTime(2), data: cat(sll2Header(unix.PACKET_HOST, unix.ARPHRD_ETHER, 0x0800), ip)}
	genlFrame := func(number int, packetType uint16) Frame {
		return Frame{Number: number, Time: testTime(1), PacketType: packetType, ARPHRD: unix.ARPHRD_NETLINK,
			Protocol: unix.NETLINK_GENERIC, Data: genl, Length: len(genl)}
	}
	ether := map[string]int{"ARPHRD 1 (ETHER)": 1}

	// Several pcapng interfaces: ETHERNET 0, NETLINK 1, LINUX_SLL2 2.
	mixed := []layers.LinkType{layers.LinkTypeEthernet, LinkTypeNetlink, layers.LinkTypeLinuxSLL2}
	onIface := func(r testRecord, i int) testRecord { r.iface = i; return r }
	mixedFrames := []Frame{nlFrame(1, 1, 100), genlFrame(2, unix.PACKET_KERNEL)}
	mixedFrames[0].Interface, mixedFrames[1].Interface = 1, 2

	// Damage.
	snapped := r1
	snapped.data, snapped.orig = r1.data[:16+50], len(r1.data)
	snappedFrame := f1
	snappedFrame.Data = f1.Data[:50]
	short := testRecord{time: testTime(1), data: nlHeader(4, unix.ARPHRD_NETLINK, 0)[:10], orig: 116}
	sll2Short := testRecord{time: testTime(1), data: sll2Header(4, unix.ARPHRD_NETLINK, 0)[:18]}
	pcap12 := pcapFile(le, true, LinkTypeNetlink, r1, r2)
	ng12 := pcapngFile(le, []layers.LinkType{LinkTypeNetlink}, r1, r2)
	ng1 := pcapngFile(le, []layers.LinkType{LinkTypeNetlink}, r1)
	cut := func(b []byte, n int) []byte { return b[:len(b)-n] }
	cutF2 := f2
	cutF2.Data = f2.Data[:len(f2.Data)-1000]
	overrun := ngEPB(le, r1, "")
	le.PutUint32(overrun[20:24], 200) // captured length 200 in a block for 116
	tooShortBlock := ngBlock(le, 0x0badcafe&0xff, nil)
	le.PutUint32(tooShortBlock[4:8], 4)
	capOverOrig := pcapFile(le, true, LinkTypeNetlink, testRecord{time: testTime(1), data: r1.data, orig: 20})

	// pcapng with two sections of different byte orders, and a frame of a second
	// interface whose description comes between two packets.
	twoSections := cat(pcapngFile(le, mixed[1:2], r1), pcapngFile(be, mixed[1:2], r2))
	lateIface := cat(ng1, ngIDB(le, LinkTypeNetlink), ngEPB(le, onIface(r2, 1), ""))
	lateF2 := cutF2
	lateF2.Interface = 1

	// Headers of the wrong version; a gzip stream with a bad checksum.
	pcapV3 := pcapFile(le, true, LinkTypeNetlink, r1)
	le.PutUint16(pcapV3[4:6], 3)
	ngV2 := cat(ng1)
	le.PutUint16(ngV2[12:14], 2)
	badCRC := gzipped(t, pcap12)
	badCRC[len(badCRC)-8] ^= 0xff

	// pcapng niceties.
	commented := cat(ngSHB(le), ngIDB(le, LinkTypeNetlink), ngEPB(le, r1, "route dump"))
	commentedFrame := f1
	commentedFrame.Comment = "route dump"

	return []readerCase{
		{name: "pcap LE µs", in: pcapFile(le, false, LinkTypeNetlink, r1, r2), want: micro(f1, f2), stats: pcapStats(two)},
		{name: "pcap BE µs", in: pcapFile(be, false, LinkTypeNetlink, r1, r2), want: micro(f1, f2), stats: pcapStats(two)},
		{name: "pcap LE ns", in: pcapFile(le, true, LinkTypeNetlink, r1, r2), want: []Frame{f1, f2}, stats: pcapStats(two)},
		{name: "pcap BE ns", in: pcapFile(be, true, LinkTypeNetlink, r1, r2), want: []Frame{f1, f2}, stats: pcapStats(two)},
		{name: "pcapng LE", in: ng12, want: []Frame{f1, f2}, stats: ngStats(two)},
		{name: "pcapng BE", in: pcapngFile(be, []layers.LinkType{LinkTypeNetlink}, r1, r2), want: []Frame{f1, f2}, stats: ngStats(two)},
		{name: "pcapng two sections", in: twoSections, want: []Frame{f1, f2}, stats: ngStats(two)},
		{name: "pcapng two sections cut", in: cut(twoSections, 1004), want: []Frame{f1, cutF2},
			stats:  ngStats(Stats{Records: 2, Frames: 2, Truncated: 1}),
			endErr: ErrCutOff, errText: "(29016 of its 30016 bytes are there)"},
		{name: "pcapng late interface cut", in: cut(lateIface, 1004), want: []Frame{f1, lateF2},
			stats:  ngStats(Stats{Records: 2, Frames: 2, Truncated: 1}),
			endErr: ErrCutOff, errText: "(29016 of its 30016 bytes are there)"},
		{name: "pcapng comment", in: commented, want: []Frame{commentedFrame}, stats: ngStats(Stats{Records: 1, Frames: 1})},
		{name: "gzip pcap", in: gzipped(t, pcap12), want: []Frame{f1, f2}, stats: gz(pcapStats(two))},
		{name: "gzip pcapng", in: gzipped(t, ng12), want: []Frame{f1, f2}, stats: gz(ngStats(two))},
		{name: "empty pcap", in: pcapFile(le, true, LinkTypeNetlink), stats: pcapStats(Stats{})},
		{name: "empty pcapng", in: ngSHB(le), stats: ngStats(Stats{})},

		{name: "LINUX_SLL", in: pcapFile(le, true, layers.LinkTypeLinuxSLL, sllNl, sllEth, sllNl),
			want:  []Frame{genlFrame(1, unix.PACKET_USER), genlFrame(2, unix.PACKET_USER)},
			stats: pcapStats(Stats{Records: 3, Frames: 2, Skipped: ether})},
		{name: "LINUX_SLL2", in: pcapFile(be, false, layers.LinkTypeLinuxSLL2, sll2Eth, sll2Nl),
			want:  micro(genlFrame(1, unix.PACKET_KERNEL)),
			stats: pcapStats(Stats{Records: 2, Frames: 1, Skipped: ether})},
		{name: "pcapng mixed interfaces",
			in:   pcapngFile(le, mixed, onIface(sllEth, 0), onIface(r1, 1), onIface(sll2Nl, 2), onIface(sll2Eth, 2)),
			want: mixedFrames,
			stats: ngStats(Stats{Records: 4, Frames: 2,
				Skipped: map[string]int{"link type 1 (ETHERNET)": 1, "ARPHRD 1 (ETHER)": 1}})},
		{name: "pcap ETHERNET", in: pcapFile(le, false, layers.LinkTypeEthernet, sllEth),
			openErr: ErrLinkType, errText: "x.pcap: link type 1 (ETHERNET) is not netlink; capture on an nlmon interface"},
		{name: "pcap unknown link type", in: pcapFile(le, false, 147),
			openErr: ErrLinkType, errText: "x.pcap: link type 147 is not netlink"},
		{name: "pcapng ETHERNET", in: pcapngFile(le, mixed[:1], sllEth),
			stats:  ngStats(Stats{Records: 1}),
			endErr: ErrLinkType, errText: "x.pcap: link type 1 (ETHERNET) is not netlink; capture on an nlmon interface"},

		{name: "snap length", in: pcapFile(le, true, LinkTypeNetlink, snapped, r2),
			want: []Frame{snappedFrame, f2}, stats: pcapStats(Stats{Records: 2, Frames: 2, Truncated: 1})},
		{name: "pcapng snap length", in: pcapngFile(be, mixed[1:2], snapped),
			want: []Frame{snappedFrame}, stats: ngStats(Stats{Records: 1, Frames: 1, Truncated: 1})},
		{name: "shorter than pseudo-header", in: pcapFile(le, true, LinkTypeNetlink, short, r2),
			want: []Frame{nlFrame(1, 2, 30000)}, stats: pcapStats(Stats{Records: 2, Frames: 1, Malformed: 1})},
		{name: "pcapng shorter than pseudo-header", in: pcapngFile(le, mixed[1:2], short),
			stats: ngStats(Stats{Records: 1, Malformed: 1})},
		{name: "SLL2 shorter than pseudo-header", in: pcapFile(le, true, layers.LinkTypeLinuxSLL2, sll2Short),
			stats: pcapStats(Stats{Records: 1, Malformed: 1})},

		{name: "pcap cut in data", in: cut(pcap12, 1000), want: []Frame{f1, cutF2},
			stats:  pcapStats(Stats{Records: 2, Frames: 2, Truncated: 1}),
			endErr: ErrCutOff, errText: "x.pcap: file ends mid-record (29016 of its 30016 bytes are there) (record 2 at byte 156)"},
		{name: "pcap cut in record header", in: pcap12[:24+16+116+10], want: []Frame{f1},
			stats:  pcapStats(Stats{Records: 1, Frames: 1}),
			endErr: ErrCutOff, errText: "file ends mid-record (in the record header) (record 2 at byte 156)"},
		{name: "pcap cut after record header", in: pcap12[:24+16+116+16], want: []Frame{f1},
			stats:  pcapStats(Stats{Records: 2, Frames: 1, Malformed: 1}),
			endErr: ErrCutOff, errText: "(0 of its 30016 bytes are there)"},
		{name: "pcap cut in file header", in: pcap12[:10], openErr: ErrCutOff,
			errText: "x.pcap: pcap file header is cut off (10 of 24 bytes)"},
		{name: "pcapng cut in data", in: cut(ng12, 1000+4 /* trailer */), want: []Frame{f1, cutF2},
			stats:  ngStats(Stats{Records: 2, Frames: 2, Truncated: 1}),
			endErr: ErrCutOff, errText: "(29016 of its 30016 bytes are there)"},
		{name: "pcapng cut in trailer", in: cut(ng12, 2), want: []Frame{f1, f2},
			stats:  ngStats(Stats{Records: 2, Frames: 2}),
			endErr: ErrCutOff, errText: "(30016 of its 30016 bytes are there)"},
		{name: "pcapng cut in block header", in: ng12[:len(ng1)+6], want: []Frame{f1},
			stats:  ngStats(Stats{Records: 1, Frames: 1}),
			endErr: ErrCutOff, errText: "(in a block header)"},
		{name: "gzip cut", in: cut(gzipped(t, pcap12), 20), anyFrames: true,
			endErr: ErrCutOff, errText: "x.pcap: compressed data ends early"},
		{name: "gzip cut at record boundary", in: cut(gzipped(t, ng1), 4), anyFrames: true,
			endErr: ErrCutOff, errText: "x.pcap: compressed data ends early"},

		{name: "pcapng captured length overruns block", in: cat(ng1, overrun), want: []Frame{f1},
			stats:  ngStats(Stats{Records: 1, Frames: 1}),
			endErr: ErrDamaged, errText: "packet block's captured length 200 overruns its block length 148"},
		{name: "pcapng block too short", in: cat(ng1, tooShortBlock), want: []Frame{f1},
			stats:  ngStats(Stats{Records: 1, Frames: 1}),
			endErr: ErrDamaged, errText: "has length 4, less than 12"},
		{name: "pcap captured length over original", in: capOverOrig,
			stats:  pcapStats(Stats{}),
			endErr: ErrDamaged, errText: "bad record: capture length exceeds original packet length: 116 > 20"},

		{name: "pcap version 3", in: pcapV3, openErr: ErrDamaged,
			errText: "x.pcap: pcap file header is damaged: Unknown major version 3"},
		{name: "pcapng version 2", in: ngV2, openErr: ErrDamaged,
			errText: "x.pcap: pcapng section header is damaged: Unknown pcapng Version in Section Header"},
		{name: "pcapng section header cut", in: ng1[:20], openErr: ErrCutOff,
			errText: "x.pcap: pcapng section header is cut off"},
		{name: "gzip checksum", in: badCRC, want: []Frame{f1, f2}, stats: gz(pcapStats(two)),
			endErr: ErrDamaged, errText: "x.pcap: gzip data is corrupt: gzip: invalid checksum"},
		{name: "garbage", in: []byte("Hello, world\n"), openErr: ErrNotCapture,
			errText: "x.pcap: not a pcap or pcapng file (starts with 48 65 6c 6c); nldump reads captures written by tcpdump -i nlmon0 -w FILE"},
		{name: "empty", in: nil, openErr: ErrNotCapture, errText: "x.pcap: empty file; nldump reads"},
		{name: "two bytes", in: []byte("ab"), openErr: ErrNotCapture, errText: "(only 2 bytes: 61 62)"},
		{name: "gzip garbage", in: gzipped(t, []byte("Hello, world\n")), openErr: ErrNotCapture,
			errText: "x.pcap: gzip data is not a pcap or pcapng file (starts with 48 65 6c 6c)"},
		{name: "gzip header cut", in: gzipped(t, pcap12)[:5], openErr: ErrCutOff, errText: "gzip header is cut off"},
		{name: "zstd", in: []byte{0x28, 0xb5, 0x2f, 0xfd, 0, 0}, openErr: ErrNotCapture,
			errText: "x.pcap: not a pcap or pcapng file: zstd-compressed; decompress it first with zstd -d"},
	}
}

// TestReader reads every variant in one read and one byte at a time.
func TestReader(t *testing.T) {
	for _, tc := range readerCases(t) {
		for _, mode := range []string{"whole", "bytewise"} {
			t.Run(tc.name+"/"+mode, func(t *testing.T) {
				var in io.Reader = bytes.NewReader(tc.in)
				if mode == "bytewise" {
					in = iotest.OneByteReader(in)
				}
				src, err := NewReader(in, "x.pcap")
				if tc.openErr != nil {
					checkErr(t, err, tc.openErr, tc.errText)
					return
				}
				if err != nil {
					t.Fatalf("NewReader: %v", err)
				}
				defer src.Close()
				frames, err := readAll(t, src)
				if tc.endErr != nil {
					checkErr(t, err, tc.endErr, tc.errText)
				} else if err != nil {
					t.Fatalf("Next: %v", err)
				}
				if !tc.anyFrames {
					diffFrames(t, frames, tc.want)
				}
				st := src.Stats()
				if st.Err != err {
					t.Errorf("Stats().Err = %v, want %v", st.Err, err)
				}
				if st.CutOff() != errors.Is(err, ErrCutOff) {
					t.Errorf("Stats().CutOff() = %v, want %v", st.CutOff(), !st.CutOff())
				}
				if tc.anyFrames {
					return
				}
				st.Err = nil
				if len(st.Skipped) == 0 {
					st.Skipped = nil
				}
				if !statsEqual(st, tc.stats) {
					t.Errorf("Stats() = %+v, want %+v", st, tc.stats)
				}
			})
		}
	}
}

// checkErr checks that err is an *Error matching kind whose text holds text.
func checkErr(t *testing.T, err, kind error, text string) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error = %v, want %v", err, kind)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("error %T is not an *Error", err)
	}
	if !strings.Contains(err.Error(), text) {
		t.Errorf("error = %q, want it to contain %q", err, text)
	}
}

// statsEqual compares stats, Skipped by content.
func statsEqual(a, b Stats) bool {
	as, bs := a.Skipped, b.Skipped
	a.Skipped, b.Skipped = nil, nil
	return reflect.DeepEqual(a, b) && maps.Equal(as, bs)
}
