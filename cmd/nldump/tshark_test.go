package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
// When scripts/mkcaptures.sh remakes the captures, the frame numbers may move: the
// failures say which frames show which known exception.
var tsharkExceptions = map[string]map[int]tsharkException{
	"bridge.pcap":      frames(zeroTail, 35, 51),
	"errors.pcap":      frames(zeroTail, 138, 140), // RTM_GETNEXTHOPBUCKET dumps
	"formats.pcap":     frames(zeroTail, 15),
	"formats.pcapng":   frames(zeroTail, 15),
	"formats-sll.pcap": frames(zeroTail, 15),
	"notify.pcap":      frames(zeroTail, 213, 219, 381, 397),
	"rtnl-dumps.pcap":  frames(zeroTail, 24, 33, 36, 47, 73, 92, 110, 118, 126, 135, 141),
	// ip route show table all: frames 4 and 13-186 are dump frames of 500-600
	// routes, where tshark stops after 498 messages.
	"route-dump-120k.pcap.gz": merge(frames(zeroTail, 1, 188), frames(maxTreeDepth, append([]int{4}, span(13, 186)...)...)),
}

// tsharkFileExceptions lists captures tshark 4.0.17 does not dissect as netlink at
// all, and why.
var tsharkFileExceptions = map[string]string{
	"formats-sll2.pcap": "tshark 4.0 has no LINKTYPE_LINUX_SLL2 dissector for ARPHRD_NETLINK: every record is shown as data",
}

func span(from, to int) []int {
	var s []int
	for n := from; n <= to; n++ {
		s = append(s, n)
	}
	return s
}

func merge(ms ...map[int]tsharkException) map[int]tsharkException {
	all := map[int]tsharkException{}
	for _, m := range ms {
		for k, v := range m {
			all[k] = v
		}
	}
	return all
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
	ours, skipped, err := nldumpHeaders(path)
	if err != nil {
		t.Fatal(err)
	}
	theirs, bugs, records, err := tsharkHeaders(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ours)+skipped != records {
		t.Errorf("nldump read %d netlink frames and skipped %d other records, tshark read %d records", len(ours), skipped, records)
	}
	if reason, ok := tsharkFileExceptions[filepath.Base(path)]; ok {
		// tshark shows no netlink at all: check just that, and that nldump does.
		if len(theirs) != 0 || len(ours) == 0 {
			t.Errorf("expected the known tshark exception (%s), but tshark dissected %d netlink frames and nldump %d", reason, len(theirs), len(ours))
		}
		t.Logf("%s: %d netlink frames (%d other records skipped), 0 messages compared: %s", filepath.Base(path), len(ours), skipped, reason)
		return
	}
	if len(ours) != len(theirs) {
		t.Errorf("nldump decoded %d netlink frames, tshark %d", len(ours), len(theirs))
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
			hint := ""
			if e := classify(a, b, bugs[frame]); e != 0 {
				hint = fmt.Sprintf("\n (this is the known %v: list frame %d in tsharkExceptions[%q] if the capture was remade)", e, frame, filepath.Base(path))
			}
			t.Errorf("frame %d: nldump %d messages, tshark %d\n nldump: %v\n tshark: %v%s", frame, len(a), len(b), brief(a), brief(b), hint)
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
	t.Logf("%s: %d netlink frames (%d other records skipped), %d messages compared (%d NLMSG_ERROR errnos), %d frames with a known tshark exception %v",
		filepath.Base(path), len(ours), skipped, compared, errnos, excepted, ex)
}

// checkException reports whether frame shows exactly the known tshark exception e,
// and fails the test when it does not.
func checkException(t *testing.T, frame int, e tsharkException, ours, theirs []nlHeader, bug string) bool {
	t.Helper()
	if classify(ours, theirs, bug) == e {
		return true
	}
	t.Errorf("frame %d: expected the known tshark exception (%v), but\n nldump: %v\n tshark: %v\n tshark's note: %q", frame, e, brief(ours), brief(theirs), bug)
	return false
}

// brief formats the first and last messages of a frame.
func brief(hs []nlHeader) string {
	if len(hs) <= 4 {
		return fmt.Sprint(hs)
	}
	return fmt.Sprintf("%v ... (%d more) ... %v", hs[:2], len(hs)-3, hs[len(hs)-1])
}

// classify returns the known tshark exception a frame shows, or 0.
func classify(ours, theirs []nlHeader, bug string) tsharkException {
	switch {
	case strings.Contains(bug, "gui_max_tree_depth") && len(theirs) < len(ours):
		return maxTreeDepth
	case bug == "" && len(ours) > 0 && len(theirs) == len(ours)+1:
		last, extra := ours[len(ours)-1], theirs[len(theirs)-1]
		if extra.Len == 0 && extra.Offset == last.Offset+int(last.Len+3)&^3 {
			return zeroTail
		}
	}
	return 0
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
// The second result is the number of non-netlink records it skipped (from the end
// summary on standard error).
func nldumpHeaders(path string) ([][]nlHeader, int, error) {
	var stdout, stderr bytes.Buffer
	if rc := run([]string{"-r", path, "-T", "json"}, strings.NewReader(""), &stdout, &stderr); rc != exitOK {
		return nil, 0, fmt.Errorf("nldump -r %s -T json: exit status %d: %s", path, rc, stderr.Bytes())
	}
	skipped := 0
	if m := regexp.MustCompile(`, (\d+) non-netlink records? skipped`).FindSubmatch(stderr.Bytes()); m != nil {
		skipped, _ = strconv.Atoi(string(m[1]))
	}
	frames, err := parseNDJSON(&stdout)
	return frames, skipped, err
}

func parseNDJSON(stdout io.Reader) ([][]nlHeader, error) {
	var frames [][]nlHeader
	sc := bufio.NewScanner(stdout)
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
		// Only the header keys, which come before "summary": the tree of a 120k-route
		// dump is 400 MB of JSON. (The text ,"summary": cannot occur inside a
		// JSON string, where quotes are escaped.)
		obj := sc.Bytes()
		if i := bytes.Index(obj, []byte(`,"summary":`)); i >= 0 {
			obj = append(obj[:i:i], '}')
		}
		if err := json.Unmarshal(obj, &m); err != nil {
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
	Tag      string // packet, proto or field
	Name     string
	Show     string
	Showname string
	Pos      int
	Size     int
	Children []*pdmlNode
}

func (n *pdmlNode) isHeader() bool {
	return n.Name == "" && strings.HasPrefix(n.Show, "Netlink message header")
}

const nlmsgError = 2

// tsharkPacket is what tshark shows of one record of a capture.
type tsharkPacket struct {
	netlink bool       // tshark dissected it as netlink (it has the cooked header)
	headers []nlHeader // its top-level messages
	bug     string     // the dissector bug or malformed-packet note, if any
}

// tsharkHeaders runs tshark -T pdml on path and returns the netlink frames in
// order (the numbering of nldump, which skips other records) with their top-level
// message headers and the dissector bugs or malformed-packet notes tshark reports,
// by frame number; and the number of records tshark read in all.
func tsharkHeaders(path string) (frames [][]nlHeader, bugs map[int]string, records int, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tshark", "-n", "-r", path, "-T", "pdml")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, 0, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, 0, err
	}
	pkts, perr := parsePDML(out)
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return nil, nil, 0, fmt.Errorf("tshark -r %s -T pdml: %v: %s", path, err, stderr.Bytes())
	}
	bugs = map[int]string{}
	for _, p := range pkts {
		if !p.netlink {
			continue
		}
		frames = append(frames, p.headers)
		if p.bug != "" {
			bugs[len(frames)] = p.bug
		}
	}
	return frames, bugs, len(pkts), perr
}

// parsePDML reads tshark's PDML. It does not use an XML parser: the PDML of a
// 120k-route dump is 750 MB, nearly all of it attributes this test does not look
// at. tshark writes one element a line, indented two spaces a level (packet 0,
// protocol 1, fields 2 and deeper), so the lines down to pdmlDepth are read (tag
// and attributes) and deeper ones skipped by their indentation alone.
func parsePDML(r io.Reader) ([]tsharkPacket, error) {
	var pkts []tsharkPacket
	var stack []*pdmlNode // stack[d] is the last node seen at depth d
	finish := func() error {
		if len(stack) == 0 {
			return nil
		}
		pkt := stack[0]
		stack = stack[:0]
		var tp tsharkPacket
		var err error
		tp.netlink, tp.headers, err = packetHeaders(pkt)
		if err != nil {
			return fmt.Errorf("PDML packet %d: %v", len(pkts)+1, err)
		}
		for _, p := range pkt.Children {
			if p.Name == "_ws.malformed" && p.Showname != "" {
				tp.bug = p.Showname
				break
			}
		}
		pkts = append(pkts, tp)
		return nil
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull { // a long line: read the rest of it
			long := append([]byte(nil), line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return pkts, finish()
			}
			return pkts, err
		}
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		depth := indent / 2
		if depth > pdmlDepth {
			continue
		}
		rest := line[indent:]
		var tag string
		switch {
		case bytes.HasPrefix(rest, []byte("<packet>")):
			if err := finish(); err != nil {
				return pkts, err
			}
			stack = append(stack[:0], &pdmlNode{Tag: "packet"})
			continue
		case bytes.HasPrefix(rest, []byte("<proto ")):
			tag = "proto"
		case bytes.HasPrefix(rest, []byte("<field ")):
			tag = "field"
		default:
			continue // closing tags, the pdml header
		}
		if len(stack) == 0 {
			continue // outside a packet
		}
		if depth < 1 || depth > len(stack) {
			return pkts, fmt.Errorf("PDML line %d: <%s> at depth %d under a node of depth %d", lineNo, tag, depth, len(stack)-1)
		}
		n := &pdmlNode{Tag: tag}
		for attrs := rest; ; {
			var k, v string
			if k, v, attrs = nextAttr(attrs); k == "" {
				break
			}
			switch k {
			case "name":
				n.Name = html.UnescapeString(v)
			case "show":
				n.Show = html.UnescapeString(v)
			case "showname":
				n.Showname = html.UnescapeString(v)
			case "pos":
				n.Pos, _ = strconv.Atoi(v)
			case "size":
				n.Size, _ = strconv.Atoi(v)
			}
		}
		parent := stack[depth-1]
		parent.Children = append(parent.Children, n)
		stack = append(stack[:depth], n)
	}
}

// pdmlDepth is the deepest level parsePDML reads: a header's fields inside a
// "Netlink message" node (packet 0, proto 1, message 2, header 3, fields 4).
const pdmlDepth = 4

// nextAttr returns the next attribute (name="value") of an element's line, and
// the rest of the line; an empty name at the end.
func nextAttr(b []byte) (name, value string, rest []byte) {
	eq := bytes.Index(b, []byte(`="`))
	if eq < 0 {
		return "", "", nil
	}
	sp := bytes.LastIndexByte(b[:eq], ' ')
	end := bytes.IndexByte(b[eq+2:], '"')
	if sp < 0 || end < 0 {
		return "", "", nil
	}
	return string(b[sp+1 : eq]), string(b[eq+2 : eq+2+end]), b[eq+2+end+1:]
}

// packetHeaders returns whether tshark dissected a PDML packet as netlink (it
// shows the cooked header, the 16-byte pseudo-header of LINKTYPE_NETLINK or the
// LINUX_SLL header of ARPHRD_NETLINK), and its top-level netlink messages. Their
// offsets count from the end of the cooked header, as nldump's do.
func packetHeaders(pkt *pdmlNode) (bool, []nlHeader, error) {
	var hs []nlHeader
	base := -1
	for _, proto := range pkt.Children {
		if proto.Tag != "proto" {
			continue
		}
		if proto.Name == "netlink" && base < 0 {
			base = proto.Pos + proto.Size
		}
		for _, c := range proto.Children {
			switch {
			case c.isHeader(): // rtnetlink, genl, ...: the message is the protocol node
				h, err := headerOf(c, base)
				if err != nil {
					return false, nil, err
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
					return false, nil, fmt.Errorf("a Netlink message at %d without a header", c.Pos)
				}
				h, err := headerOf(c.Children[first], base)
				if err != nil {
					return false, nil, err
				}
				for k := first + 1; k < len(c.Children); k++ {
					// netlink.error precedes the echoed request's header
					if e := c.Children[k]; e.Name == "netlink.error" {
						v, err := strconv.ParseInt(e.Show, 0, 64)
						if err != nil {
							return false, nil, fmt.Errorf("netlink.error %q: %v", e.Show, err)
						}
						h.Errno = &v
						break
					}
				}
				hs = append(hs, h)
			}
		}
	}
	if base < 0 && len(hs) > 0 {
		return false, nil, fmt.Errorf("netlink messages without the netlink cooked header")
	}
	return base >= 0, hs, nil
}

// headerOf reads a "Netlink message header" node. The type is the 2-byte field at
// offset 4, whatever its name (netlink.hdr_type, netlink-route.nltype,
// genl.family_id, ...); a Length-0 header tshark stops at has only its length.
func headerOf(n *pdmlNode, base int) (nlHeader, error) {
	h := nlHeader{Offset: n.Pos - base}
	var got struct{ len, typ, flags, seq, pid bool }
	for _, c := range n.Children {
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
