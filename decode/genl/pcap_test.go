package genl

import (
	"bytes"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nltest"
	"golang.org/x/sys/unix"
)

// readFrames reads every frame of a capture in testdata/pcaps, or skips.
func readFrames(t testing.TB, name string) []capture.Frame {
	var out []capture.Frame
	nltest.EachFrame(t, name, func(fr *capture.Frame) { out = append(out, *fr) })
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

// TestPcapFamiliesNamed: in the real captures every generic netlink message is named
// by its family and command, and no attribute is unknown (genl-misc.pcap holds
// l2tp and SEG6 traffic from iproute2, decoded by l2tp.go and seg6.go; genl-probe.pcap
// TASKSTATS, NET_DM, thermal, devlink and psample from scripts/vm/probes/genlprobe).
func TestPcapFamiliesNamed(t *testing.T) {
	for _, name := range []string{"genl-ctrl.pcap", "ethtool.pcap", "wireguard.pcap", "nl80211.pcap", "genl-misc.pcap", "errors.pcap", "genl-probe.pcap"} {
		t.Run(name, func(t *testing.T) {
			msgs := decodeCapture(t, readFrames(t, name))
			if len(msgs) == 0 {
				t.Fatal("no generic netlink messages")
			}
			for i := range msgs {
				m := &msgs[i]
				if strings.HasPrefix(m.TypeName, "genl-0x") || strings.Contains(m.TypeName, " CMD_") {
					t.Errorf("frame %d: unnamed type %q", m.Frame.Number, m.TypeName)
				}
				if m.Malformed {
					t.Errorf("frame %d %s: malformed\n%s", m.Frame.Number, m.TypeName, treeText(m))
				}
				if u := unknownAttrs(m); len(u) > 0 {
					t.Errorf("frame %d %s: unknown attributes %v", m.Frame.Number, m.TypeName, u)
				}
			}
		})
	}
}

// TestPcapSummaries checks the summary lines of real messages.
func TestPcapSummaries(t *testing.T) {
	want := map[string]map[string]bool{}
	for _, name := range []string{"genl-ctrl.pcap", "ethtool.pcap", "wireguard.pcap", "nl80211.pcap"} {
		for _, m := range decodeCapture(t, readFrames(t, name)) {
			if m.Error != nil {
				continue
			}
			k := m.TypeName
			if want[k] == nil {
				want[k] = map[string]bool{}
			}
			want[k][m.Summary()] = true
		}
	}
	has := func(typ, prefix string) {
		t.Helper()
		for s := range want[typ] {
			if strings.HasPrefix(s, prefix) {
				return
			}
		}
		t.Errorf("no %q summary starting %q among %v", typ, prefix, want[typ])
	}
	has("nlctrl NEWFAMILY", "ethtool id ")
	has("nlctrl GETFAMILY", "ethtool")
	has("ethtool LINKINFO_GET", "dev ")
	// What ethtool.log shows for the same messages: "Port: Twisted Pair",
	// "Transceiver: internal"; -l "RX: 1 (max 2)"; -k's 25 features on, besides
	// its three aggregate lines; the features string set of 64 names.
	has("ethtool LINKINFO_GET", "dev veth0 port tp transceiver internal")
	has("ethtool CHANNELS_GET", "dev veth0 rx 1/2 tx 1/2")
	has("ethtool CHANNELS_SET", "dev veth0 rx 1 tx 1")
	has("ethtool FEATURES_GET", "dev veth0 active 25/64 features")
	has("ethtool STRSET_GET", "sets features(64)")
	has("ethtool LINKSTATE_GET", "dev veth0 link up")
	has("wireguard GET_DEVICE", "dev ")
	has("nl80211 NEW_INTERFACE", "")
}

// TestReorderedCapture moves every nlctrl frame of the real ethtool capture to the
// end, writes the result with capture's Writer and reads it back: the ethtool
// messages now come before the controller exchange that names family id. Without
// the prescan they are unnamed; with Learn over the file they are all ethtool.
func TestReorderedCapture(t *testing.T) {
	frames := readFrames(t, "ethtool.pcap")
	var first, last []capture.Frame
	for _, fr := range frames {
		if fr.Protocol == unix.NETLINK_GENERIC && isCtrlFrame(&fr) {
			last = append(last, fr)
		} else {
			first = append(first, fr)
		}
	}
	if len(last) == 0 {
		t.Fatal("no nlctrl frames in ethtool.pcap")
	}
	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range append(first, last...) {
		if err := w.WriteFrame(&fr); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	src, err := capture.NewReader(bytes.NewReader(buf.Bytes()), "reordered.pcap")
	if err != nil {
		t.Fatal(err)
	}
	var reordered []capture.Frame
	for {
		fr, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		reordered = append(reordered, fr)
	}

	// One pass, no prescan: the ethtool messages come before their explanation.
	d := decode.NewDecoder()
	unnamed := 0
	for i := range reordered[:len(first)] {
		for _, m := range d.DecodeFrame(&reordered[i], nil) {
			if strings.HasPrefix(m.TypeName, "genl-0x") {
				unnamed++
			}
		}
	}
	if unnamed == 0 {
		t.Fatal("expected unnamed messages without the prescan")
	}

	// With the prescan every one is named.
	msgs := decodeCapture(t, reordered)
	ethtool := 0
	for i := range msgs[:] {
		m := &msgs[i]
		if strings.HasPrefix(m.TypeName, "genl-0x") {
			t.Errorf("frame %d still unnamed: %s", m.Frame.Number, m.TypeName)
		}
		if m.Family == "ethtool" {
			ethtool++
		}
	}
	if ethtool < unnamed {
		t.Errorf("%d ethtool messages, %d were unnamed before", ethtool, unnamed)
	}
}

// isCtrlFrame reports whether a frame's first message is an nlctrl message.
func isCtrlFrame(fr *capture.Frame) bool {
	return len(fr.Data) >= unix.NLMSG_HDRLEN && frameOrder(fr.Data).Uint16(fr.Data[4:]) == unix.GENL_ID_CTRL
}

// TestPcapOpIDsNamed checks that the operations a NEWFAMILY reply lists are
// named by the family's commands when nldump knows the family.
func TestPcapOpIDsNamed(t *testing.T) {
	msgs := decodeCapture(t, readFrames(t, "genl-ctrl.pcap"))
	named := map[string]bool{}
	for i := range msgs {
		m := &msgs[i]
		fam := m.Field("genl.ctrl.family_name")
		if fam == nil {
			continue
		}
		m.Root.Walk(func(f *decode.Field, _ int) bool {
			if f.Def.Name == "genl.ctrl.op.id" {
				v := f.ValueString()
				if LookupFamily(string(decode.TrimNUL(fam.Bytes))) != nil && !strings.Contains(v, "_") {
					t.Errorf("%s: operation %s not named", fam.ValueString(), v)
				}
				named[fam.ValueString()+" "+v] = true
			}
			return true
		})
	}
	for _, w := range []string{"ethtool ETHTOOL_MSG_STRSET_GET (1)", "nlctrl CTRL_CMD_GETFAMILY (3)"} {
		if !named[w] {
			t.Errorf("no operation %q in genl-ctrl.pcap", w)
		}
	}
}
