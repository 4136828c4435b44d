package filter

import (
	"sort"
	"strings"
	"sync"

	"github.com/nldump/nldump/decode"
	unix "github.com/nldump/nldump/internal/abi"
)

// typeNameCache holds the message type names of each registry's protocols.
var typeNameCache sync.Map // *decode.Registry -> map[string]bool

// typeNames returns the message type names the registered protocols give
// (RTM_NEWROUTE, IPCTNL_MSG_CT_NEW, ...) and the control types, for checking
// `nlmsg.type == NAME` at compile time. Generic netlink names depend on the
// families a capture announces and are not listed.
func typeNames(reg *decode.Registry) map[string]bool {
	if m, ok := typeNameCache.Load(reg); ok {
		return m.(map[string]bool)
	}
	known := map[string]bool{"NLMSG_NOOP": true, "NLMSG_ERROR": true, "NLMSG_DONE": true, "NLMSG_OVERRUN": true}
	for p := uint16(0); p < 32; p++ {
		if p == unix.NETLINK_GENERIC {
			continue
		}
		proto := reg.Lookup(p)
		if _, raw := proto.(*decode.RawProtocol); raw {
			continue
		}
		for t := uint16(unix.NLMSG_MIN_TYPE); t < 0x2000; t++ {
			if n, ok := safeTypeName(proto, t); ok {
				known[n] = true
			}
		}
	}
	typeNameCache.Store(reg, known)
	return known
}

func safeTypeName(p decode.Protocol, t uint16) (name string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	name, _ = p.MessageType(&decode.Context{}, t)
	return name, name != ""
}

// knownPrefix reports whether some known name starts with prefix.
func knownPrefix(known map[string]bool, prefix string) bool {
	for n := range known {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// suggest returns "; did you mean a, b or c?" with the names nearest to s by edit
// distance (case-insensitive), or names ending in the same component
// ("mtu" -> ifla.mtu), or "".
func suggest(s string, names []string) string {
	type cand struct {
		name string
		d    int
	}
	ls := strings.ToLower(s)
	limit := max(2, len(s)/3)
	var cs []cand
	for _, n := range names {
		if d := levenshtein(ls, strings.ToLower(n), limit); d <= limit {
			cs = append(cs, cand{n, d})
		}
	}
	if len(cs) == 0 {
		last := ls[strings.LastIndexByte(ls, '.')+1:]
		for _, n := range names {
			ln := strings.ToLower(n)
			if last != "" && (ln == last || strings.HasSuffix(ln, "."+last) || strings.HasSuffix(ln, "_"+last)) {
				cs = append(cs, cand{n, len(n)})
			}
		}
	}
	if len(cs) == 0 {
		return ""
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].name < cs[j].name
	})
	if len(cs) > 3 {
		cs = cs[:3]
	}
	var b strings.Builder
	b.WriteString("; did you mean ")
	for i, c := range cs {
		switch {
		case i > 0 && i == len(cs)-1:
			b.WriteString(" or ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(c.name)
	}
	b.WriteString("?")
	return b.String()
}

// levenshtein returns the edit distance of a and b, or limit+1 once it is
// certain to exceed limit.
func levenshtein(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
