package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/capture/owner"
	"github.com/nldump/nldump/decode"
	"github.com/nldump/nldump/filter"
)

// TestProcessFromComments opens a pcapng whose first frame carries a live
// capture's process comment: the list leads that row's summary with the
// process, its tree has the nl.process node, and nl.comm filters find it.
func TestProcessFromComments(t *testing.T) {
	src, err := capture.Open(capturePath("errors.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "proc.pcapng")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w, err := capture.NewPcapngWriter(f)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		fr, err := src.Next()
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			fr.Comment = owner.Comment(owner.Process{PID: 116, Comm: "ip"}, 116)
		}
		if err := w.WriteFrame(&fr); err != nil {
			t.Fatal(err)
		}
	}
	src.Close()
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	in, err := capture.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	m := New(in, Options{Name: "proc", NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	m.Init()
	defer m.Stop()
	for i := 0; !m.done; i++ {
		if i > 200 {
			t.Fatal("loading did not finish")
		}
		time.Sleep(5 * time.Millisecond)
		m.Update(tickMsg{})
	}
	if s := m.store.Row(0).Summary; !strings.HasPrefix(s, "ip[116] ") {
		t.Errorf("row 0 summary %q does not lead with the process", s)
	}
	if s := m.store.Row(1).Summary; strings.Contains(s, "[116]") {
		t.Errorf("row 1 (no comment) summary %q names a process", s)
	}
	found := false
	m.tree.Message().Root.Walk(func(f *decode.Field, _ int) bool {
		found = found || f.Def.Name == "nl.comm" && f.ValueString() == "ip"
		return true
	})
	if !found {
		t.Errorf("the selected row's tree has no nl.comm = ip")
	}
	m.opts.Compile = func(expr string) (Filter, error) { return filter.Compile(expr) }
	press(m, "/", "text:nl.comm == ip", "enter")
	if len(m.v.ids) != 1 || m.v.ids[0] != 0 {
		t.Errorf("nl.comm == ip matches rows %v, want [0]", m.v.ids)
	}
}
