package all_test

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
	"golang.org/x/sys/unix"
)

// FuzzDecodeAll feeds frames to the decoder with every protocol decoder
// registered, in both byte orders. Seeds are the frames of the real captures in
// testdata/pcaps (one in eight) plus the committed corpus. A decoder must never
// panic (a panic inside a protocol decoder would be caught and reported as a
// note, which the target treats as a failure too), and every field must lie
// inside the frame.
func FuzzDecodeAll(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "pcaps", "*.pcap*"))
	for _, p := range paths {
		src, err := capture.Open(p)
		if err != nil {
			continue
		}
		for i := 0; ; i++ {
			fr, err := src.Next()
			if err != nil {
				break
			}
			if i%8 == 0 && len(fr.Data) < 8192 {
				f.Add(fr.Data, uint8(fr.Protocol))
			}
		}
		src.Close()
	}
	f.Fuzz(func(t *testing.T, data []byte, proto uint8) {
		for _, order := range []decode.ByteOrderMode{decode.ByteOrderAuto, decode.BigEndian} {
			d := decode.NewDecoder()
			d.Order = order
			fr := &capture.Frame{Number: 1, Protocol: uint16(proto % 32), Data: data, Length: len(data)}
			msgs := d.DecodeFrame(fr, nil)
			for i := range msgs {
				m := &msgs[i]
				m.Root.Walk(func(fl *decode.Field, _ int) bool {
					if fl.Def == nil {
						t.Fatalf("field without definition")
					}
					if fl.Offset < 0 || fl.Length < 0 || fl.Offset+fl.Length > len(data) {
						t.Fatalf("%s at %d+%d outside the %d-byte frame", fl.Def.Name, fl.Offset, fl.Length, len(data))
					}
					if len(fl.Note) > 15 && fl.Note[:15] == "decoder error i" {
						t.Fatalf("protocol decoder panicked: %s", fl.Note)
					}
					_ = fl.ValueString()
					return true
				})
				checkReach(t, m)
				_ = m.Summary()
			}
		}
	})
}

// expectedProblem reports whether m is malformed on purpose: extack.pcap holds
// requests crafted with attributes of the wrong length (and the kernel's errors
// echoing them), each of which must carry exactly such a note.
func expectedProblem(file string, m *decode.Message) bool {
	if file != "extack.pcap" {
		return false
	}
	ok := false
	m.Root.Walk(func(f *decode.Field, _ int) bool {
		if f.Note != "" {
			ok = strings.Contains(f.Note, " bytes, expected ")
			return false
		}
		return true
	})
	return ok
}

// TestRealCapturesDecodeCleanly decodes every real capture and checks that no
// message is malformed (but for extack.pcap's crafted ones) and no protocol
// decoder panicked.
func TestRealCapturesDecodeCleanly(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "pcaps", "*.pcap*"))
	if len(paths) == 0 {
		t.Skip("no captures")
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			src, err := capture.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			d := decode.NewDecoder()
			d.Reuse = true
			var msgs []decode.Message
			n := 0
			for {
				fr, err := src.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				msgs = d.DecodeFrame(&fr, msgs)
				for i := range msgs {
					m := &msgs[i]
					n++
					checkReach(t, m)
					if m.Malformed && !expectedProblem(filepath.Base(p), m) {
						var notes []string
						m.Root.Walk(func(f *decode.Field, _ int) bool {
							if f.Note != "" {
								notes = append(notes, f.Def.Name+": "+f.Note)
							}
							return true
						})
						t.Errorf("frame %d message %d (%s) malformed: %v", fr.Number, i+1, m.TypeName, notes)
					}
					if m.Direction == decode.DirUnknown {
						t.Errorf("frame %d message %d: no direction", fr.Number, i+1)
					}
				}
			}
			if n == 0 {
				t.Errorf("no messages")
			}
			_ = unix.NETLINK_ROUTE
		})
	}
}

// checkReach checks FieldDef.MayContain against a decoded tree: every field
// below a field must be one its definition says may be there, or display
// filters, which skip the subtrees MayContain rules out, would miss it.
func checkReach(t *testing.T, m *decode.Message) {
	t.Helper()
	var check func(anc []*decode.FieldDef, fs []decode.Field)
	check = func(anc []*decode.FieldDef, fs []decode.Field) {
		for i := range fs {
			f := &fs[i]
			if f.Def == nil {
				continue
			}
			id := decode.NameIDOf(f.Def.Name)
			if !m.MayContain(id) {
				t.Fatalf("%s (%s): %s found in a message that says it cannot hold it", m.TypeName, m.Protocol.Name(), f.Def.Name)
			}
			for _, a := range anc {
				if !a.MayContain(id) {
					t.Fatalf("%s (%s): %s found below %s, whose definition says it cannot be there",
						m.TypeName, m.Protocol.Name(), f.Def.Name, a.Name)
				}
			}
			if len(f.Children) > 0 {
				check(append(anc, f.Def), f.Children)
			}
		}
	}
	check(nil, m.Root.Children)
}
