package owner

import "testing"

// FuzzComment: any command name, pid and port survive Comment and ParseComment,
// and ParseComment takes any text without panicking.
func FuzzComment(f *testing.F) {
	f.Add("ip", 1234, uint32(1234), "nldump: process ip[1234] port 1234")
	f.Add("a b[1] port 3", 9, uint32(12), `nldump: process x\x0ay[10] port 5`)
	f.Add("\\x", 1, uint32(0), "nldump: process ? port 2718938\nnldump: process ss[1] port 1")
	f.Fuzz(func(t *testing.T, comm string, pid int, port uint32, text string) {
		ParseComment(text)
		if pid <= 0 {
			return
		}
		p := Process{PID: pid, Comm: comm}
		got, gotPort, ok := ParseComment(Comment(p, port))
		if !ok || got != p || gotPort != port {
			t.Errorf("Comment(%+v, %d) = %q read back as %+v, %d, %v", p, port, Comment(p, port), got, gotPort, ok)
		}
	})
}
