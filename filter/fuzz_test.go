package filter

import (
	"testing"

	"github.com/nldump/nldump/decode"
)

// FuzzParse compiles arbitrary filter text: it must return a filter or an error
// with a column inside the text (or just past it), never panic; a filter that
// compiles must run on a real message.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"ifla.mtu == 1500", "nlmsg.type in {RTM_NEWROUTE RTM_DELROUTE}", "ifa.address in 10.0.0.0/8",
		"nlmsg.flags & DUMP", `ifla.ifname matches r"^veth\d"`, "!(nlmsgerr.error == EEXIST) || frame.number < 3",
		`ifla.ifname == "a\x00b\"c"`, "ifla.mtu in {1..10, 0x10}", "ifla.address == 02:00:00:00:00:aa",
		"nl.direction == request and nl.latency > 100", "ifla.mtu >", "((", "{", "a.b.c", "\"", "r\"", "nlmsg.flags & 0x300 == 0x300",
	} {
		f.Add(s)
	}
	var msgs []decode.Message
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := Compile(s)
		if err != nil {
			if e, ok := err.(*Error); !ok || e.Col < 1 || e.Col > len(s)+1 {
				t.Fatalf("Compile(%q): error %v has no column inside the text", s, err)
			}
			return
		}
		if msgs == nil {
			msgs = load(t, "errors.pcap")
		}
		for i := range msgs {
			flt.Match(&msgs[i])
		}
	})
}
