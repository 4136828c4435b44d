package route

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/nldump/nldump/decode"
)

func TestExplore(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	unknown := map[string]int{}
	notes := map[string]int{}
	for _, name := range routeCaptures(t) {
		for _, cm := range readCapture(t, name) {
			if os.Getenv("EXPLORE") == "sum" {
				fmt.Printf("%s#%d %s %s %s\n", name, cm.frame, cm.msg.TypeName, cm.msg.Direction, cm.summary)
			}
			cm.msg.Root.Walk(func(f *decode.Field, depth int) bool {
				if f.Unknown {
					unknown[fmt.Sprintf("%s %s type %d", cm.msg.TypeName, f.Def.Name, f.Type)]++
				}
				if f.Note != "" {
					notes[fmt.Sprintf("%s %s: %s", cm.msg.TypeName, f.Def.Name, strings.SplitN(f.Note, " at offset", 2)[0])]++
				}
				return true
			})
		}
	}
	for k, v := range unknown {
		fmt.Println("UNKNOWN", k, v)
	}
	for k, v := range notes {
		fmt.Println("NOTE", k, v)
	}
}

func treeString(m *decode.Message) string {
	var b strings.Builder
	m.Root.Walk(func(f *decode.Field, depth int) bool {
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(f.Def.Name)
		if v := f.ValueString(); v != "" && f.Def.Kind != decode.KindStruct && f.Def.Kind != decode.KindNested {
			b.WriteString(" = " + v)
		}
		if f.Unknown {
			b.WriteString(fmt.Sprintf(" [unknown type %d]", f.Type))
		}
		if f.Note != "" {
			b.WriteString(" !" + f.Note)
		}
		b.WriteString("\n")
		return true
	})
	return b.String()
}

func TestTree(t *testing.T) {
	match := os.Getenv("TREE")
	if match == "" {
		t.Skip()
	}
	n := 0
	for _, name := range routeCaptures(t) {
		for _, cm := range readCapture(t, name) {
			line := fmt.Sprintf("%s#%d %s %s %s", name, cm.frame, cm.msg.TypeName, cm.msg.Direction, cm.summary)
			if strings.Contains(line, match) && n < 3 {
				n++
				fmt.Println(line)
				fmt.Print(treeString(&cm.msg))
			}
		}
	}
}

func TestHex(t *testing.T) {
	match := os.Getenv("HEX")
	if match == "" {
		t.Skip()
	}
	for _, name := range routeCaptures(t) {
		for _, cm := range readCapture(t, name) {
			line := fmt.Sprintf("%s#%d %s %s %s", name, cm.frame, cm.msg.TypeName, cm.msg.Direction, cm.summary)
			if strings.Contains(line, match) {
				fmt.Println(line)
				fmt.Printf("% x\n", cm.msg.Data)
				return
			}
		}
	}
}
