package ynl

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/decode/genl"
	"golang.org/x/sys/unix"
)

// le builds little-endian netlink bytes.
func u16(v uint16) []byte { return binary.LittleEndian.AppendUint16(nil, v) }
func u32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func cat(p ...[]byte) []byte {
	var b []byte
	for _, x := range p {
		b = append(b, x...)
	}
	return b
}
func pad(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}
func attr(t uint16, v ...[]byte) []byte {
	x := cat(v...)
	return pad(cat(u16(uint16(4+len(x))), u16(t), x))
}
func msg(typ, flags uint16, p ...[]byte) []byte {
	x := cat(p...)
	return pad(cat(u32(uint32(16+len(x))), u16(typ), u16(flags), u32(1), u32(0), x))
}

func TestLoadToy(t *testing.T) {
	specs, err := Load("testdata/toy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) != 1 || specs[0].Name != "toy" || genl.LookupFamily("toy") == nil {
		t.Fatalf("specs %v", specs)
	}
	d := decode.NewDecoder()
	d.Session.GenlFamilies[40] = "toy"
	data := msg(40, unix.NLM_F_REQUEST,
		[]byte{1, 1, 0, 0},                 // genlmsghdr cmd=1 (GET) version=1
		u32(7), []byte{0x1f, 0x90}, u16(0), // toyhdr: ifindex 7, port 8080 (big-endian), pad
		attr(1, []byte("eth0\x00")),   // name
		attr(2, u32(2)),               // mode = auto
		attr(3, u32(3)),               // opts = fast|safe
		attr(4, []byte{192, 0, 2, 1}), // addr 192.0.2.1
		attr(5|unix.NLA_F_NESTED, attr(1, u16(9)), attr(2, attr(1, u16(10))), attr(2, attr(1, u16(11)))), // inner {id 9, item{id 10}, item{id 11}}
		attr(6, attr(0, u16(5)), attr(1, u16(6))),                                                        // list [5, 6]
		attr(7, []byte("vlan\x00")),                                                                      // kind "vlan"
		attr(8, attr(1, u16(100))),                                                                       // data: vlan {vid 100}
		attr(9, []byte{0, 0, 1, 0}),                                                                      // big = 256
		attr(10, []byte{2, 0, 0, 0, 0, 1}),                                                               // mac
		attr(20, []byte{42}),                                                                             // late (value 20)
	)
	fr := &capture.Frame{Protocol: unix.NETLINK_GENERIC, Data: data, Length: len(data)}
	m := &d.DecodeFrame(fr, nil)[0]
	if m.TypeName != "toy GET" || m.Malformed {
		t.Fatalf("type %q malformed %v", m.TypeName, m.Malformed)
	}
	want := map[string]string{
		"toy.toyhdr.ifindex": "7",
		"toy.toyhdr.port":    "8080",
		"toy.main.name":      "eth0",
		"toy.main.mode":      "TOY_MODE_AUTO (2)",
		"toy.main.opts":      "0x00000003 (FAST|SAFE)",
		"toy.main.addr":      "192.0.2.1",
		"toy.inner.id":       "9",
		"toy.main.list.elem": "5",
		"toy.vlan.vid":       "100",
		"toy.main.big":       "256",
		"toy.main.mac":       "02:00:00:00:00:01",
		"toy.main.late":      "42",
	}
	for name, v := range want {
		f := m.Field(name)
		if f == nil {
			t.Errorf("no field %s", name)
			continue
		}
		if got := f.ValueString(); got != v {
			t.Errorf("%s = %q, want %q", name, got, v)
		}
	}
	items := 0
	m.Root.Walk(func(f *decode.Field, _ int) bool {
		if f.Def.Name == "toy.inner.item" {
			items++
		}
		if f.Unknown {
			t.Errorf("unknown attribute %d under toy", f.Type)
		}
		return true
	})
	if items != 2 {
		t.Errorf("multi-attr items: %d", items)
	}

	// The sub-message's other format: a fixed header chosen by kind "hdr".
	data = msg(40, 0, []byte{3, 1, 0, 0}, u32(1), u16(0), u16(0), // NTF (cmd 3), toyhdr
		attr(7, []byte("hdr\x00")),
		attr(8, u32(99), []byte{0, 80}, u16(0))) // data: toyhdr {ifindex 99, port 80}
	fr = &capture.Frame{Protocol: unix.NETLINK_GENERIC, Data: data, Length: len(data)}
	m = &d.DecodeFrame(fr, nil)[0]
	if m.TypeName != "toy NTF" {
		t.Errorf("type %q", m.TypeName)
	}
	if f := m.Field("toy.main.data"); f == nil || len(f.Children) < 2 || f.Children[1].ValueString() != "80" {
		t.Errorf("sub-message with fixed header: %+v", f)
	}
}

func TestDirectional(t *testing.T) {
	specs, err := LoadPath("testdata/dir.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, o := range specs[0].Ops {
		got[o.Name] = [2]int{o.Req, o.Rsp}
	}
	want := map[string][2]int{"one-get": {1, 1}, "two-set": {2, -1}, "two-ntf": {-1, 2}}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: req/rsp %v, want %v", k, got[k], v)
		}
	}
	f, err := specs[0].Build()
	if err != nil {
		t.Fatal(err)
	}
	if c := f.Command(2, true); c == nil || c.CName != "DIRFAM_MSG_TWO_NTF" {
		t.Errorf("reply cmd 2: %+v", c)
	}
	if c := f.Command(1, true); c == nil || c.CName != "DIRFAM_MSG_ONE_GET_REPLY" {
		t.Errorf("reply cmd 1: %+v", c)
	}
	if c := f.Command(2, false); c == nil || c.CName != "DIRFAM_MSG_TWO_SET" {
		t.Errorf("request cmd 2: %+v", c)
	}
}

func TestSpecErrors(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"bad yaml", "name: x\nattribute-sets: [\n", "bad.yaml:2: did not find expected node content"},
		{"no name", "protocol: genetlink\n", "bad.yaml: the spec has no family name"},
		{"protocol", "name: x\nprotocol: nope\n", `protocol "nope" is not one of`},
		{"unknown nest", "name: x\nattribute-sets:\n  - name: a\n    attributes:\n      - name: n\n        type: nest\n        nested-attributes: zzz\n",
			`bad.yaml:5: attribute n of set a: nested-attributes "zzz" names no attribute set`},
		{"unknown type", "name: x\nattribute-sets:\n  - name: a\n    attributes:\n      - { name: n, type: u128 }\n",
			`bad.yaml:5: attribute n of set a: unknown type "u128"`},
		{"unknown enum", "name: x\nattribute-sets:\n  - name: a\n    attributes:\n      - { name: n, type: u8, enum: nope }\n",
			`bad.yaml:5: attribute n of set a: enum "nope" is not defined`},
		{"sub-message without selector", "name: x\nattribute-sets:\n  - name: a\n    attributes:\n      - { name: n, type: sub-message, sub-message: m }\n",
			"bad.yaml:5: attribute n of set a: a sub-message attribute needs sub-message and selector"},
		{"unknown sub-message", "name: x\nattribute-sets:\n  - name: a\n    attributes:\n      - { name: k, type: string }\n      - { name: n, type: sub-message, sub-message: m, selector: k }\n",
			`bad.yaml:6: attribute n of set a: sub-message "m" is not defined`},
		{"op set", "name: x\noperations:\n  list:\n    - name: get\n      attribute-set: nope\n      do: {}\n",
			`bad.yaml:4: operation get: attribute-set "nope" is not defined`},
		{"struct len", "name: x\ndefinitions:\n  - name: s\n    type: struct\n    members:\n      - { name: b, type: binary }\nattribute-sets: []\noperations:\n  fixed-header: s\n  list: []\n",
			"a binary member needs len"},
		{"subset", "name: x\nattribute-sets:\n  - name: a\n    attributes:\n      - { name: k, type: u8 }\n  - name: b\n    subset-of: a\n    attributes:\n      - { name: q }\n",
			"bad.yaml:9: attribute q of set b: set a has no such attribute"},
		{"cmd range", "name: x\noperations:\n  list:\n    - name: big\n      value: 300\n      do: {}\n",
			"bad.yaml:4: operation big: command value 300 does not fit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestLoadPathErrors(t *testing.T) {
	if _, err := LoadPath("testdata/none.yaml"); err == nil {
		t.Error("missing file accepted")
	}
	if _, err := LoadPath(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no *.yaml") {
		t.Errorf("empty dir: %v", err)
	}
	defer decode.Register(unix.NETLINK_USERSOCK, decode.DefaultRegistry.Lookup(unix.NETLINK_USERSOCK)) // rawtoy.yaml takes it
	specs, err := LoadPath("testdata")
	if err != nil || len(specs) != 3 {
		t.Errorf("dir: %v %d", err, len(specs))
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("name: x\nattribute-sets:\n  - name: a\n    attributes:\n      - { name: n, type: u8 }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data)
		if err == nil {
			if _, err := s.Build(); err != nil {
				t.Fatalf("Parse accepted a spec Build rejects: %v", err)
			}
		}
	})
}

// TestNetlinkRaw loads a netlink-raw spec: its message types (above 255, as
// netfilter's are) decode by its tables, the others by the decoder registered
// before it.
func TestNetlinkRaw(t *testing.T) {
	before := decode.DefaultRegistry.Lookup(unix.NETLINK_USERSOCK)
	defer decode.Register(unix.NETLINK_USERSOCK, before)
	if _, err := Load("testdata/rawtoy.yaml"); err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	data := cat(
		msg(0x121, unix.NLM_F_REQUEST|unix.NLM_F_DUMP, []byte{2, 0, 0, 0}, u32(7), attr(1, []byte("obj\x00"))),
		msg(0x120, unix.NLM_F_MULTI, []byte{2, 0, 0, 0}, u32(7), attr(1, []byte("obj\x00")), attr(2, u32(4096))),
		msg(0x300, 0, attr(1, u32(1))), // not in the spec: the raw walk as before
	)
	fr := &capture.Frame{Protocol: unix.NETLINK_USERSOCK, Data: data, Length: len(data)}
	msgs := d.DecodeFrame(fr, nil)
	if len(msgs) != 3 {
		t.Fatalf("%d messages", len(msgs))
	}
	if got := msgs[0].TypeName; got != "RAWTOY_MSG_GETOBJ" {
		t.Errorf("type %q", got)
	}
	if got := msgs[0].Protocol.Name(); got != before.Name() {
		t.Errorf("protocol renamed to %q (was %q)", got, before.Name())
	}
	if f := msgs[0].Header; f.Flags&unix.NLM_F_DUMP != unix.NLM_F_DUMP {
		t.Errorf("flags %#x", f.Flags)
	}
	if got := msgs[0].Root.Children[0].Children[2].ValueString(); !strings.Contains(got, "DUMP") {
		t.Errorf("GET flags read as %q, want DUMP", got)
	}
	want := map[string]string{"rawtoy.rawhdr.family": "2", "rawtoy.rawhdr.index": "7",
		"rawtoy.obj_attrs.name": "obj", "rawtoy.obj_attrs.size": "4096"}
	for name, v := range want {
		f := msgs[1].Field(name)
		if f == nil {
			t.Errorf("no field %s in %s", name, msgs[1].TypeName)
			continue
		}
		if got := f.ValueString(); got != v {
			t.Errorf("%s = %q, want %q", name, got, v)
		}
	}
	if msgs[1].TypeName != "RAWTOY_MSG_NEWOBJ" || msgs[0].Malformed || msgs[1].Malformed {
		t.Errorf("reply %q, malformed %v %v", msgs[1].TypeName, msgs[0].Malformed, msgs[1].Malformed)
	}
	if got, wantName := msgs[2].TypeName, "type-768"; got != wantName {
		t.Errorf("a type the spec lacks: %q, want the previous decoder's %q", got, wantName)
	}
}
