package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nldump/nldump/capture"
	"golang.org/x/sys/unix"
)

// TestTsharkCrossCheck decodes every real capture under testdata/pcaps twice: with
// the command itself (run -T json, the whole CLI path) and with tshark, the
// independent oracle, and compares frame by frame: how many netlink messages each
// frame holds and, message by message, the header (length, type, flags, sequence
// number, port id) and the errno of NLMSG_ERROR.
//
// tshark's side comes from its PDML tree, not from -T fields: in -T fields the
// headers of the requests echoed inside NLMSG_ERROR appear as netlink.* values of
// the frame just like top-level ones, and route messages carry their type as
// netlink-route.nltype, generic ones as genl.family_id. In the tree a top-level
// message is a "Netlink message header" node that is a child of a protocol (one
// rtnetlink or genl protocol node per message), or the first such node in a
// "Netlink message" node of the core dissector (NLMSG_ERROR, NLMSG_DONE); a header
// anywhere else is an echoed request.
//
// Where tshark 4.0 is known to be wrong, tsharkExceptions names the frames and the
// reason; an exception that no longer happens fails the test too, so the table
// stays exact.
func TestTsharkCrossCheck(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not on PATH: skipping the cross-check against Wireshark (CI installs it; apt-get install tshark)")
	}
	if testing.Short() {
		t.Skip("-short: tshark takes about a second a capture")
	}
	var paths []string
	for _, pat := range []string{"*.pcap", "*.pcapng", "*.pcap.gz", "*.pcapng.gz"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "pcaps", pat))
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		t.Fatal("no captures under ../../testdata/pcaps")
	}
	sort.Strings(paths)
	for _, path := range paths {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			crossCheck(t, path, tsharkExceptions[name])
		})
	}
}

// tsharkException is a frame where tshark 4.0 is known to disagree with the bytes.
type tsharkException int

const (
	// tshark runs the rtnetlink dissector over the zero bytes iproute2 sends after
	// the last message of a request (its request structs are bigger than nlmsg_len;
	// the kernel ignores the tail) and shows one more "Netlink message header" of
	// Length 0 there (4 bytes, then it stops). nldump shows the tail as
	// nlmsg.padding of the last message. Expected: tshark has exactly one extra
	// message, last, with length 0, at the offset where nldump's last message ends.
	zeroTail tsharkException = iota + 1
	// tshark 4.0 gives up in a frame holding more messages than its maximum tree
	// depth allows (about 500 in one dump frame): "Dissector bug, protocol NETLINK:
	// ./epan/packet.c:869: failed assertion "saved_layers_len <
	// prefs.gui_max_tree_depth"". Expected: that dissector bug in the frame, and
	// tshark's messages a strict prefix of nldump's.
	maxTreeDepth
)

func (e tsharkException) String() string {
	switch e {
	case zeroTail:
		return "tshark shows a Length-0 header in the zero tail after the last request"
	case maxTreeDepth:
		return "tshark stops at its maximum tree depth (Dissector bug)"
	}
	return fmt.Sprintf("exception(%d)", int(e))
}

// tsharkExceptions lists, per capture, the frames where tshark 4.0.17 is known to
// be wrong, and how.
var tsharkExceptions = map[string]map[int]tsharkException{
	"bridge.pcap":     frames(zeroTail, 35, 51),
	"notify.pcap":     frames(zeroTail, 213, 219, 381, 397),
	"rtnl-dumps.pcap": frames(zeroTail, 24, 33, 36, 47, 73, 92, 110, 118, 126, 135, 141),
}

func frames(e tsharkException, nums ...int) map[int]tsharkException {
	m := make(map[int]tsharkException, len(nums))
	for _, n := range nums {
		m[n] = e
	}
	return m
}

// nlHeader is one message's header as one side decoded it.
type nlHeader struct {
	Offset int    // offset of the message in the netlink bytes (after the pseudo-header)
	Len    uint64 // nlmsg_len
	Type   uint64
	Flags  uint64
	Seq    uint64
	Pid    uint64
	Errno  *int64 // NLMSG_ERROR only
}

func (h nlHeader) String() string {
	s := fmt.Sprintf("@%d len=%d type=%d flags=%#x seq=%d pid=%d", h.Offset, h.Len, h.Type, h.Flags, h.Seq, h.Pid)
	if h.Errno != nil {
		s += fmt.Sprintf(" error=%d", *h.Errno)
	}
	return s
}

func crossCheck(t *testing.T, path string, exceptions map[int]tsharkException) {
	ours, err := nldumpHeaders(path)
	if err != nil {
		t.Fatal(err)
	}
	theirs, bugs, err := tsharkHeaders(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ours) != len(theirs) {
		t.Errorf("nldump decoded %d frames, tshark %d", len(ours), len(theirs))
	}
	compared, errnos, excepted := 0, 0, 0
	seen := map[int]bool{}
	kinds := map[tsharkException][]int{}
	for i := 0; i < len(ours) && i < len(theirs); i++ {
		frame := i + 1
		a, b := ours[i], theirs[i]
		if e, ok := exceptions[frame]; ok {
			seen[frame] = true
			if !checkException(t, frame, e, a, b, bugs[frame]) {
				continue
			}
			excepted++
			kinds[e] = append(kinds[e], frame)
			if len(b) > len(a) {
				b = b[:len(a)] // the rest is compared as usual
			} else {
				a = a[:len(b)]
			}
		} else if bug := bugs[frame]; bug != "" {
			t.Errorf("frame %d: tshark reports %q", frame, bug)
		}
		if len(a) != len(b) {
			t.Errorf("frame %d: nldump %d messages, tshark %d\n nldump: %v\n tshark: %v", frame, len(a), len(b), a, b)
			continue
		}
		for j := range a {
			compared++
			if a[j].Errno != nil {
				errnos++
			}
			if !sameHeader(a[j], b[j]) {
				t.Errorf("frame %d message %d:\n nldump %v\n tshark %v", frame, j+1, a[j], b[j])
			}
		}
	}
	var stale []int
	for f := range exceptions {
		if !seen[f] {
			stale = append(stale, f)
		}
	}
	sort.Ints(stale)
	if len(stale) > 0 {
		t.Errorf("tsharkExceptions lists frames %v that the capture does not have", stale)
	}
	var ex []string
	for _, e := range []tsharkException{zeroTail, maxTreeDepth} {
		if fs := kinds[e]; len(fs) > 0 {
			ex = append(ex, fmt.Sprintf("%v: frames %v", e, fs))
		}
	}
	t.Logf("%s: %d frames, %d messages compared (%d NLMSG_ERROR errnos), %d frames with a known tshark exception %v",
		filepath.Base(path), len(ours), compared, errnos, excepted, ex)
}

// checkException reports whether frame shows exactly the known tshark exception e,
// and fails the test when it does not.
func checkException(t *testing.T, frame int, e tsharkException, ours, theirs []nlHeader, bug string) bool {
	t.Helper()
	switch e {
	case maxTreeDepth:
		if strings.Contains(bug, "gui_max_tree_depth") && len(theirs) < len(ours) {
			return true
		}
	case zeroTail:
		if len(ours) > 0 && len(theirs) == len(ours)+1 {
			last, extra := ours[len(ours)-1], theirs[len(theirs)-1]
			if bug == "" && extra.Len == 0 && extra.Offset == last.Offset+int(last.Len+3)&^3 {
				return true
			}
		}
	}
	t.Errorf("frame %d: expected the known tshark exception (%v), but\n nldump: %v\n tshark: %v", frame, e, ours, theirs)
	return false
}

func sameHeader(a, b nlHeader) bool {
	if a.Offset != b.Offset || a.Len != b.Len || a.Type != b.Type || a.Flags != b.Flags || a.Seq != b.Seq || a.Pid != b.Pid {
		return false
	}
	if (a.Errno == nil) != (b.Errno == nil) {
		return false
	}
	return a.Errno == nil || *a.Errno == *b.Errno
}

// nldumpHeaders runs the command in-process with -T json and returns the message
// headers of every frame, indexed by frame number - 1.
func nldumpHeaders(path string) ([][]nlHeader, error) {
	var stdout, stderr bytes.Buffer
	if rc := run([]string{"-r", path, "-T", "json"}, strings.NewReader(""), &stdout, &stderr); rc != exitOK {
		return nil, fmt.Errorf("nldump -r %s -T json: exit status %d: %s", path, rc, stderr.Bytes())
	}
	var frames [][]nlHeader
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 64<<20)
	for line := 1; sc.Scan(); line++ {
		var m struct {
			Frame   int    `json:"frame"`
			Index   int    `json:"index"`
			TypeNum uint64 `json:"type_num"`
			Flags   uint64 `json:"flags"`
			Len     uint64 `json:"len"`
			Seq     uint64 `json:"seq"`
			Pid     uint64 `json:"pid"`
			Offset  int    `json:"offset"`
			Error   *int64 `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, fmt.Errorf("nldump -T json line %d: %v", line, err)
		}
		if m.Frame < len(frames) || m.Frame < 1 {
			return nil, fmt.Errorf("nldump -T json line %d: frame %d after frame %d", line, m.Frame, len(frames))
		}
		for len(frames) < m.Frame {
			frames = append(frames, nil)
		}
		f := &frames[m.Frame-1]
		if m.Index != len(*f) {
			return nil, fmt.Errorf("nldump -T json line %d: frame %d index %d, want %d", line, m.Frame, m.Index, len(*f))
		}
		h := nlHeader{Offset: m.Offset, Len: m.Len, Type: m.TypeNum, Flags: m.Flags, Seq: m.Seq, Pid: m.Pid}
		if m.TypeNum == nlmsgError { // NLMSG_DONE has "error" too: the dump's status, which tshark does not show
			h.Errno = m.Error
		}
		*f = append(*f, h)
	}
	return frames, sc.Err()
}

// pdmlNode is one element of tshark's PDML output (packet, proto or field).
type pdmlNode struct {
	XMLName  xml.Name
	Name     string     `xml:"name,attr"`
	Show     string     `xml:"show,attr"`
	Showname string     `xml:"showname,attr"`
	Pos      int        `xml:"pos,attr"`
	Size     int        `xml:"size,attr"`
	Children []pdmlNode `xml:",any"`
}

func (n *pdmlNode) isHeader() bool {
	return n.Name == "" && strings.HasPrefix(n.Show, "Netlink message header")
}

const nlmsgError = 2

// cookedLen is the length of the LINKTYPE_NETLINK pseudo-header that PDML positions count.
const cookedLen = 16

// tsharkHeaders runs tshark -T pdml on path and returns the top-level message
// headers of every frame, and the dissector bugs or malformed-packet notes tshark
// reports, by frame number.
func tsharkHeaders(path string) ([][]nlHeader, map[int]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tshark", "-n", "-r", path, "-T", "pdml")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	frames, bugs, perr := parsePDML(out)
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return nil, nil, fmt.Errorf("tshark -r %s -T pdml: %v: %s", path, err, stderr.Bytes())
	}
	return frames, bugs, perr
}

func parsePDML(r io.Reader) ([][]nlHeader, map[int]string, error) {
	var frames [][]nlHeader
	bugs := map[int]string{}
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return frames, bugs, nil
		}
		if err != nil {
			return frames, bugs, fmt.Errorf("PDML: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "packet" {
			continue
		}
		var pkt pdmlNode
		if err := d.DecodeElement(&pkt, &se); err != nil {
			return frames, bugs, fmt.Errorf("PDML packet %d: %v", len(frames)+1, err)
		}
		hs, err := packetHeaders(&pkt)
		if err != nil {
			return frames, bugs, fmt.Errorf("PDML packet %d: %v", len(frames)+1, err)
		}
		frames = append(frames, hs)
		for i := range pkt.Children {
			if p := &pkt.Children[i]; p.Name == "_ws.malformed" && p.Showname != "" {
				bugs[len(frames)] = p.Showname
				break
			}
		}
	}
}

// packetHeaders returns the top-level netlink messages of one PDML packet.
func packetHeaders(pkt *pdmlNode) ([]nlHeader, error) {
	var hs []nlHeader
	for i := range pkt.Children {
		proto := &pkt.Children[i]
		if proto.XMLName.Local != "proto" {
			continue
		}
		for j := range proto.Children {
			c := &proto.Children[j]
			switch {
			case c.isHeader(): // rtnetlink, genl, ...: the message is the protocol node
				h, err := headerOf(c)
				if err != nil {
					return nil, err
				}
				hs = append(hs, h)
			case c.Name == "" && c.Show == "Netlink message": // core dissector: ERROR, DONE
				first := -1
				for k := range c.Children {
					if c.Children[k].isHeader() {
						first = k
						break
					}
				}
				if first < 0 {
					return nil, fmt.Errorf("a Netlink message at %d without a header", c.Pos)
				}
				h, err := headerOf(&c.Children[first])
				if err != nil {
					return nil, err
				}
				for k := first + 1; k < len(c.Children); k++ {
					// netlink.error precedes the echoed request's header
					if e := &c.Children[k]; e.Name == "netlink.error" {
						v, err := strconv.ParseInt(e.Show, 0, 64)
						if err != nil {
							return nil, fmt.Errorf("netlink.error %q: %v", e.Show, err)
						}
						h.Errno = &v
						break
					}
				}
				hs = append(hs, h)
			}
		}
	}
	return hs, nil
}

// headerOf reads a "Netlink message header" node. The type is the 2-byte field at
// offset 4, whatever its name (netlink.hdr_type, netlink-route.nltype,
// genl.family_id, ...); a Length-0 header tshark stops at has only its length.
func headerOf(n *pdmlNode) (nlHeader, error) {
	h := nlHeader{Offset: n.Pos - cookedLen}
	var got struct{ len, typ, flags, seq, pid bool }
	for i := range n.Children {
		c := &n.Children[i]
		var dst *uint64
		var seen *bool
		switch {
		case c.Name == "netlink.hdr_len":
			dst, seen = &h.Len, &got.len
		case c.Name == "netlink.hdr_flags":
			dst, seen = &h.Flags, &got.flags // genl shows the flags twice, in two readings
		case c.Name == "netlink.hdr_seq":
			dst, seen = &h.Seq, &got.seq
		case c.Name == "netlink.hdr_pid":
			dst, seen = &h.Pid, &got.pid
		case c.Pos == n.Pos+4 && c.Size == 2:
			dst, seen = &h.Type, &got.typ
		default:
			continue
		}
		if *seen {
			continue
		}
		v, err := strconv.ParseUint(c.Show, 0, 64)
		if err != nil {
			return h, fmt.Errorf("header at %d: %s %q: %v", n.Pos, c.Name, c.Show, err)
		}
		*dst, *seen = v, true
	}
	if !got.len {
		return h, fmt.Errorf("header at %d without netlink.hdr_len", n.Pos)
	}
	if h.Len != 0 && !(got.typ && got.flags && got.seq && got.pid) {
		return h, fmt.Errorf("header at %d (len %d) lacks a field: %+v", n.Pos, h.Len, got)
	}
	return h, nil
}

// TestTsharkMaxTreeDepth checks the maxTreeDepth exception on a frame made for it:
// one frame of 600 RTM_NEWLINK headers, where tshark 4.0 stops (so that, once a
// real capture shows it, the exception is known to be recognised exactly).
func TestTsharkMaxTreeDepth(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not on PATH: skipping the cross-check against Wireshark (CI installs it; apt-get install tshark)")
	}
	t.Parallel()
	var data []byte
	for i := range 600 {
		data = appendNlmsg(data, 16 /* RTM_NEWLINK */, 0x2 /* NLM_F_MULTI */, uint32(1000+i), 4242, make([]byte, 16))
	}
	path := filepath.Join(t.TempDir(), "big.pcap")
	writeCapture(t, path, &capture.Frame{Protocol: unix.NETLINK_ROUTE, Data: data})
	crossCheck(t, path, map[int]tsharkException{1: maxTreeDepth})
}

// appendNlmsg appends one netlink message (host byte order: little-endian, as
// every capture here) with its payload, padded to 4 bytes.
func appendNlmsg(b []byte, typ, flags uint16, seq, pid uint32, payload []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(16+len(payload)))
	b = binary.LittleEndian.AppendUint16(b, typ)
	b = binary.LittleEndian.AppendUint16(b, flags)
	b = binary.LittleEndian.AppendUint32(b, seq)
	b = binary.LittleEndian.AppendUint32(b, pid)
	b = append(b, payload...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// appendNlattr appends one attribute, padded to 4 bytes.
func appendNlattr(b []byte, typ uint16, payload []byte) []byte {
	b = binary.LittleEndian.AppendUint16(b, uint16(4+len(payload)))
	b = binary.LittleEndian.AppendUint16(b, typ)
	b = append(b, payload...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// writeCapture writes frames as a LINKTYPE_NETLINK pcap file, numbering their
// times one millisecond apart from a fixed instant.
func writeCapture(t testing.TB, path string, frames ...*capture.Frame) {
	t.Helper()
	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	for i, f := range frames {
		if f.ARPHRD == 0 {
			f.ARPHRD = 824 // ARPHRD_NETLINK
		}
		if f.PacketType == 0 {
			f.PacketType = 4 // PACKET_OUTGOING
		}
		if f.Time.IsZero() {
			f.Time = base.Add(time.Duration(i) * time.Millisecond)
		}
		if err := w.WriteFrame(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
