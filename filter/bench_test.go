package filter

import (
	"testing"

	"github.com/nldump/nldump/decode"
)

// walkCount is the baseline: the bare depth-first walk of a message's tree,
// comparing each field's name, as a field test does when the field is absent.
func walkCount(fs []decode.Field, name string) int {
	n := 0
	for i := range fs {
		if fs[i].Def.Name == name {
			n++
		}
		n += walkCount(fs[i].Children, name)
	}
	return n
}

// BenchmarkFilter measures filter evaluation per message over the messages of a
// real capture (rtnl-dumps.pcap: links, addresses, routes, neighbours).
// "walk" is the bare tree walk; compare ns/op with it.
func BenchmarkFilter(b *testing.B) {
	msgs := load(b, "rtnl-dumps.pcap")
	b.Run("walk", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for i := 0; b.Loop(); i++ {
			n += walkCount(msgs[i%len(msgs)].Root.Children, "ifla.nonexistent")
		}
		_ = n
	})
	for _, expr := range []string{
		"nlmsg.type == RTM_NEWROUTE",
		"nlmsg.seq == 1",
		"ifla.mtu == 1500",
		"ifa.address in 10.0.0.0/8",
		`ifla.ifname contains "veth"`,
		"nlmsg.flags & DUMP and not ifla.mtu",
		"nlmsgerr.error == EEXIST",
	} {
		f, err := Compile(expr)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(expr, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for i := 0; b.Loop(); i++ {
				if f.Match(&msgs[i%len(msgs)]) {
					n++
				}
			}
			_ = n
		})
	}
}
