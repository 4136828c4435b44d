package genl

import (
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/internal/nlwire"
	"golang.org/x/sys/unix"
)

func TestUnknownFamilyWalkedAsAttributes(t *testing.T) {
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			w := o.w
			data := w.msg(0x1c, unix.NLM_F_REQUEST|unix.NLM_F_ACK, 9, 0,
				genlhdr(3, 1),                  // cmd 3, version 1
				w.Attr(1, w.U32(7)),            // type 1, u32 7
				w.Nest(2, w.Attr(1, str("x"))), // type 2 nested { type 1 "x" }
			)
			m := &decode.NewDecoder().DecodeFrame(frame(data), nil)[0]
			if m.TypeName != "genl-0x1c CMD_3" || m.Family != "genl-0x1c" || m.Malformed {
				t.Fatalf("type %q family %q malformed %v", m.TypeName, m.Family, m.Malformed)
			}
			got := treeText(m)
			want := `genl
  genl.cmd=3
  genl.version=1
  genl.reserved=0
 genl.attr.unknown=`
			if !strings.Contains(got, want) {
				t.Errorf("tree:\n%s\nwant part:\n%s", got, want)
			}
			if u := unknownAttrs(m); strings.Join(u, ",") != "genl-0x1c CMD_3>1,genl-0x1c CMD_3>2,genl.attr.unknown>1" {
				t.Errorf("raw walk %v\n%s", u, got)
			}
			if s := m.Summary(); s != "2 attributes" {
				t.Errorf("summary %q", s)
			}
		})
	}
}

func TestUnknownFamilyNotAttributes(t *testing.T) {
	w := wire{}
	// A fixed header the decoder does not know: bytes that do not walk as attributes
	// are shown as one payload field, not as a malformed attribute.
	data := w.msg(0x1d, 0, 0, 0, genlhdr(1, 1), []byte{0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4})
	m := &decode.NewDecoder().DecodeFrame(frame(data), nil)[0]
	if m.Malformed || m.Field("genl.payload") == nil {
		t.Errorf("malformed %v\n%s", m.Malformed, treeText(m))
	}
}

func TestShortGenlHeader(t *testing.T) {
	w := wire{}
	data := w.msg(unix.GENL_ID_CTRL, 0, 0, 0, []byte{1, 2}) // 2 bytes of a 4-byte genlmsghdr
	m := &decode.NewDecoder().DecodeFrame(frame(data), nil)[0]
	if !m.Malformed || !strings.Contains(treeText(m), "struct genlmsghdr needs 4 bytes") {
		t.Errorf("short genlmsghdr:\n%s", treeText(m))
	}
	if m.TypeName != "nlctrl" {
		t.Errorf("type %q", m.TypeName)
	}
}

// TestLearnBeforeExplanation: a message of family 21 comes first, the controller's
// NEWFAMILY that names 21 comes later. Without the prescan the first message is
// genl-0x15; after Learn over every frame, it is ethtool.
func TestLearnBeforeExplanation(t *testing.T) {
	w := wire{}
	early := frame(w.msg(21, unix.NLM_F_REQUEST, 1, 0, genlhdr(unix.ETHTOOL_MSG_LINKINFO_GET, 1),
		w.Nest(unix.ETHTOOL_A_LINKINFO_HEADER, w.Attr(unix.ETHTOOL_A_HEADER_DEV_NAME, str("veth0")))))
	later := frame(newFamilyEthtool(w, 0))
	later.Number = 2

	d := decode.NewDecoder()
	if m := d.DecodeFrame(early, nil)[0]; m.TypeName != "genl-0x15 CMD_2" {
		t.Errorf("without prescan: %q", m.TypeName)
	}

	d = decode.NewDecoder()
	for _, fr := range []*capture.Frame{early, later} {
		Learn(d.Session, fr)
	}
	m := d.DecodeFrame(early, nil)[0]
	if m.Family != "ethtool" || !strings.HasPrefix(m.TypeName, "ethtool ") {
		t.Errorf("after prescan: type %q family %q", m.TypeName, m.Family)
	}
	if d.Session.GenlGroups[5] != "ethtool/monitor" {
		t.Errorf("groups %v", d.Session.GenlGroups)
	}
}

func TestLearnIgnoresOthers(t *testing.T) {
	w := wire{}
	sess := decode.NewSession()
	fr := frame(newFamilyEthtool(w, 0))
	fr.Protocol = unix.NETLINK_ROUTE
	Learn(sess, fr)                                 // not generic netlink
	Learn(sess, frame([]byte{1, 2, 3}))             // too short
	Learn(sess, frame(newFamilyEthtool(w, 0)[:40])) // cut short: nlmsg_len past the end
	Learn(nil, frame(newFamilyEthtool(w, 0)))       // no session
	if len(sess.GenlFamilies) != 0 {
		t.Errorf("learned %v", sess.GenlFamilies)
	}
	Learn(sess, frame(newFamilyEthtool(wire{nlwire.Wire{BE: true}}, 0))) // big-endian capture
	if sess.GenlFamilies[21] != "ethtool" {
		t.Errorf("big-endian: %v", sess.GenlFamilies)
	}
}

func TestParseFamilyFlag(t *testing.T) {
	cases := []struct {
		in   string
		id   uint16
		name string
		err  string
	}{
		{"28=ethtool", 28, "ethtool", ""},
		{"0x1c=ethtool", 28, "ethtool", ""},
		{" 30 = wireguard ", 30, "wireguard", ""},
		{"16=nlctrl", 16, "nlctrl", ""},
		{"ethtool", 0, "", "want ID=NAME"},
		{"x=ethtool", 0, "", `family id "x" is not a number`},
		{"5=ethtool", 0, "", "out of range"},
		{"2000=ethtool", 0, "", "out of range"},
		{"16=ethtool", 0, "", "always nlctrl"},
		{"28=", 0, "", "name is empty"},
		{"28=averyveryverylongname", 0, "", "longer than 15 bytes"},
	}
	for _, tc := range cases {
		id, name, err := ParseFamilyFlag(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.err)
		case id != tc.id || name != tc.name:
			t.Errorf("%q: %d %q", tc.in, id, name)
		}
	}
}

func TestGenlFamilyByHand(t *testing.T) {
	w := wire{}
	d := decode.NewDecoder()
	id, name, err := ParseFamilyFlag("0x1c=nlctrl-copy")
	if err != nil {
		t.Fatal(err)
	}
	d.Session.GenlFamilies[id] = name
	m := d.DecodeFrame(frame(w.msg(0x1c, 0, 0, 0, genlhdr(4, 1))), nil)[0]
	if m.TypeName != "nlctrl-copy CMD_4" || m.Family != "nlctrl-copy" {
		t.Errorf("type %q family %q", m.TypeName, m.Family)
	}
}

func FuzzDecode(f *testing.F) {
	w := wire{}
	f.Add(newFamilyEthtool(w, 0))
	f.Add(newFamilyEthtool(wire{nlwire.Wire{BE: true}}, unix.NLM_F_REQUEST))
	f.Add(w.msg(0x1c, 0, 0, 0, genlhdr(3, 1), w.Attr(1, w.U32(7))))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := decode.NewDecoder()
		Learn(d.Session, frame(data))
		for _, m := range d.DecodeFrame(frame(data), nil) {
			_ = m.Summary()
			if m.Field("nlmsg.payload") != nil && strings.Contains(m.Field("nlmsg.payload").Note, "decoder error") {
				t.Fatalf("decoder panicked: %s", m.Field("nlmsg.payload").Note)
			}
		}
	})
}
