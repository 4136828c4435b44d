package tui

import (
	"io"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/gopacket/gopacket/layers"
	"github.com/nldump/nldump/capture"
)

// gatedSource is a live-like source: it hands out the frames of a real capture
// as the test releases them, reports itself live with a drop count, and blocks
// in Next like a socket while nothing is released.
type gatedSource struct {
	frames  []capture.Frame
	mu      sync.Mutex
	cond    *sync.Cond
	allowed int
	next    int
	dropped int
}

func newGatedSource(t *testing.T, name string) *gatedSource {
	src, err := capture.Open(capturePath(name))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	g := &gatedSource{}
	g.cond = sync.NewCond(&g.mu)
	for {
		fr, err := src.Next()
		if err != nil {
			break
		}
		g.frames = append(g.frames, fr)
	}
	return g
}

// release lets n more frames through, and sets the drop count.
func (g *gatedSource) release(n, dropped int) {
	g.mu.Lock()
	g.allowed += n
	g.dropped = dropped
	g.cond.Broadcast()
	g.mu.Unlock()
}

func (g *gatedSource) Next() (capture.Frame, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.next >= g.allowed {
		if g.next >= len(g.frames) {
			return capture.Frame{}, io.EOF
		}
		g.cond.Wait()
	}
	if g.next >= len(g.frames) {
		return capture.Frame{}, io.EOF
	}
	g.next++
	return g.frames[g.next-1], nil
}

func (g *gatedSource) Stats() capture.Stats {
	g.mu.Lock()
	defer g.mu.Unlock()
	return capture.Stats{Live: true, Records: g.next, Frames: g.next, Dropped: g.dropped}
}

func (g *gatedSource) LinkType() layers.LinkType { return capture.LinkTypeNetlink }
func (g *gatedSource) Close() error              { return nil }

// waitRows ticks the model until it holds n rows.
func waitRows(t *testing.T, m *Model, n int) {
	t.Helper()
	for i := 0; m.store.Len() < n; i++ {
		if i > 400 {
			t.Fatalf("%d rows, want %d", m.store.Len(), n)
		}
		time.Sleep(5 * time.Millisecond)
		m.Update(tickMsg{})
	}
}

// TestLivePauseResume drives the model as a live capture does: rows arrive in
// batches, the status bar says live with the drop count, pausing keeps new rows
// waiting (counted) and the cursor still, resuming shows them.
func TestLivePauseResume(t *testing.T) {
	g := newGatedSource(t, "errors.pcap")
	m := New(g, Options{Name: "nlmon0", NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	m.Init()
	defer func() { m.Stop(); g.release(len(g.frames), 0) }()

	g.release(10, 0)
	waitRows(t, m, 10)
	if s := screen(m); !stringsContains(s, "(live)") || !stringsContains(s, "dropped 0") {
		t.Errorf("status bar does not say live with drops:\n%s", s)
	}

	press(m, "S")
	if !m.paused {
		t.Fatal("S did not pause")
	}
	before := m.store.Len()
	cursor := m.list.Cursor()
	g.release(20, 3)
	deadline := time.Now().Add(2 * time.Second)
	for m.ld.waiting() < 20 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		m.Update(tickMsg{})
	}
	if m.store.Len() != before || m.list.Cursor() != cursor {
		t.Fatalf("paused, yet rows went from %d to %d (cursor %d -> %d)", before, m.store.Len(), cursor, m.list.Cursor())
	}
	if s := screen(m); !stringsContains(s, "[paused: ") {
		t.Errorf("status bar does not say paused:\n%s", s)
	}

	press(m, "S")
	if m.paused || m.store.Len() < before+20 {
		t.Fatalf("resume: paused %v, %d rows, want at least %d", m.paused, m.store.Len(), before+20)
	}
	g.release(64, 3) // enough frames for the loader to read the statistics again
	waitRows(t, m, before+20+64)
	if s := screen(m); !stringsContains(s, "dropped 3") {
		t.Errorf("status bar does not show the 3 drops:\n%s", s)
	}
}
