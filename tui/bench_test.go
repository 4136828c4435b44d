package tui

import (
	"runtime"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
)

// bigStore synthesises a store of n rows by repeating a real capture's rows and
// frames (frame numbers, times and pairing shifted at each repetition).
func bigStore(tb testing.TB, n int) (*Store, *decode.Session) {
	base, sess := loadStore(tb, "rtnl-dumps.pcap")
	s := NewStore()
	nf, nr := base.Frames(), base.Len()
	span := base.frames[nf-1].time - base.frames[0].time + int64(time.Second)
	for k := 0; s.Len() < n; k++ {
		b := &Batch{}
		if k == 0 {
			b.Names = base.names
		}
		for f := 0; f < nf; f++ {
			fr := base.frames[f]
			fr.number += int32(k * nf)
			fr.time += int64(k) * span
			b.Frames = append(b.Frames, fr)
		}
		for i := 0; i < nr && s.Len()+len(b.Rows) < n; i++ {
			r := *base.Row(int32(i))
			r.Frame += int32(k * nf)
			if r.Req >= 0 {
				r.Req += int32(k * nr)
			}
			b.Rows = append(b.Rows, r)
		}
		s.Append(b)
	}
	return s, sess
}

// bigModel returns a 200x50 model over a million rows, the cursor in the middle.
func bigModel(tb testing.TB) *Model {
	s, sess := bigStore(tb, 1_000_000)
	m := newModel(s, sess, Options{Name: "1M", NoColor: true})
	m.st = DefaultStyles()
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 50})
	m.Init()
	m.list.SetCursor(500_000)
	m.syncTree()
	return m
}

// BenchmarkView1M renders the whole screen over a million messages.
func BenchmarkView1M(b *testing.B) {
	m := bigModel(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkUpdate1M is a keystroke to its frame: Update with the key, then View.
func BenchmarkUpdate1M(b *testing.B) {
	for _, k := range []string{"j", "pgdown", "G", "tab"} {
		b.Run(k, func(b *testing.B) {
			m := bigModel(b)
			msg := kp(k)
			alt := kp("g")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if k == "G" && i%2 == 1 {
					m.Update(alt)
					m.Update(alt)
				} else {
					m.Update(msg)
				}
				_ = m.View()
				i++
			}
		})
	}
}

// BenchmarkFilter1M applies a substring filter to a million rows (all its steps).
func BenchmarkFilter1M(b *testing.B) {
	m := bigModel(b)
	b.ReportAllocs()
	for b.Loop() {
		press(m, "/", "ctrl+u", "text:veth0", "enter")
	}
	b.ReportMetric(float64(len(m.v.ids)), "matches")
}

// BenchmarkStoreMemory reports the memory a row costs (rows, frames, indexes;
// the synthesised rows share their summary strings and frame bytes).
func BenchmarkStoreMemory(b *testing.B) {
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		s, _ := bigStore(b, 1_000_000)
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(s.Len()), "B/row")
		runtime.KeepAlive(s)
	}
}

// TestFirstScreen opens the 120k-message dump through the loader goroutine and
// the tick loop, as the program does, and checks that rows arrive within the first
// ticks and that every message arrives in batches, not one message each.
func TestFirstScreen(t *testing.T) {
	src, err := capture.Open(capturePath("route-dump-120k.pcap.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	start := time.Now()
	m := New(src, Options{Name: "120k", NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Init()
	defer m.Stop()
	var first time.Duration
	ticks := 0
	for !m.done {
		time.Sleep(tickEvery)
		m.Update(tickMsg{})
		ticks++
		if first == 0 && m.store.Len() > 0 {
			first = time.Since(start)
			if !stringsContains(screen(m), "RTM_NEWROUTE") && !stringsContains(screen(m), "RTM_GETROUTE") {
				t.Errorf("first screen shows no routes:\n%s", screen(m))
			}
		}
		if ticks > 2000 {
			t.Fatal("loading did not finish")
		}
	}
	t.Logf("first rows after %v; %d messages in %v over %d ticks", first, m.store.Len(), time.Since(start), ticks)
	if first > 3*time.Second {
		t.Errorf("first screen after %v, want within 3s", first)
	}
	if m.store.Len() != 120032 {
		t.Errorf("%d messages, want 120032", m.store.Len())
	}
	if ticks > m.store.Len()/100 {
		t.Errorf("%d ticks for %d messages: batches too small", ticks, m.store.Len())
	}
}

// BenchmarkLoadMemory loads the real 120k-message dump through the loader and
// the tick loop, as `nldump --tui -r` does, and reports the heap it keeps per
// message (frames, summaries, rows, pairing) once loaded.
func BenchmarkLoadMemory(b *testing.B) {
	for b.Loop() {
		src, err := capture.Open(capturePath("route-dump-120k.pcap.gz"))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		m := New(src, Options{Name: "120k", NoColor: true})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m.Init()
		for !m.done {
			time.Sleep(tickEvery)
			m.Update(tickMsg{})
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(m.store.Len()), "B/msg")
		runtime.KeepAlive(m)
		m.Stop()
		src.Close()
	}
}
