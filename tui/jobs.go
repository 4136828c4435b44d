package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/nldump/nldump/capture/owner"
	"github.com/nldump/nldump/decode"
)

// stepBudget bounds the time one step of a job takes, so that a filter over a
// million rows never holds up a key for more than a frame.
const stepBudget = 8 * time.Millisecond

// jobKind says what a scan job does.
type jobKind int

const (
	jobFilter jobKind = iota // build the filtered view
	jobSearch                // find the next row whose summary matches
)

// scanJob is a filter or a search that runs over the rows in time-budgeted steps.
type scanJob struct {
	kind  jobKind
	match func(id int32) bool
	// filter
	pos  int   // next row to test
	want int32 // row to keep selected, -1 none
	// search
	start, dir, tested, total int
}

// pending reports whether the job has rows left to test.
func (j *scanJob) pending(m *Model) bool {
	if j.kind == jobFilter {
		return j.pos < m.store.Len()
	}
	return j.tested < j.total
}

// percent returns how far a filter job is.
func (j *scanJob) percent(n int) int {
	if n == 0 {
		return 100
	}
	return j.pos * 100 / n
}

// step runs the jobs for one budget and schedules the next step if needed.
func (m *Model) step() tea.Cmd {
	deadline := time.Now().Add(stepBudget)
	if j := m.sjob; j != nil {
		m.searchStep(j, deadline)
	}
	if j := m.job; j != nil && j.pending(m) {
		n := m.store.Len()
		for j.pos < n {
			if m.store.Row(int32(j.pos)) != nil && j.match(int32(j.pos)) {
				m.v.ids = append(m.v.ids, int32(j.pos))
			}
			j.pos++
			if j.pos&255 == 0 && time.Now().After(deadline) {
				break
			}
		}
		if j.want >= 0 {
			m.list.SelectRow(j.want)
		} else {
			m.list.SetCursor(m.list.Cursor())
		}
		m.syncTree()
	}
	return m.jobCmd()
}

// searchStep looks for the next match of a search job.
func (m *Model) searchStep(j *scanJob, deadline time.Time) {
	n := m.v.Len()
	for j.tested < j.total {
		p := ((j.start+j.dir*j.tested)%n + n) % n
		j.tested++
		if j.match(m.v.At(p)) {
			m.sjob = nil
			m.list.SetCursor(p)
			m.syncTree()
			m.msg = ""
			if st := (j.start%n + n) % n; j.dir > 0 && p < st || j.dir < 0 && p > st {
				m.msg = "search wrapped"
			}
			return
		}
		if j.tested&255 == 0 && time.Now().After(deadline) {
			return
		}
	}
	m.sjob = nil
	m.msg = "not found: " + m.search
}

// startSearch searches the view for text from the row after (dir 1) or before
// (dir -1) the cursor, wrapping once.
func (m *Model) startSearch(dir int) tea.Cmd {
	if m.search == "" || m.v.Len() == 0 {
		return nil
	}
	text := m.search
	s := m.store
	m.sjob = &scanJob{kind: jobSearch, start: m.list.Cursor() + dir, dir: dir, total: m.v.Len(),
		match: func(id int32) bool { return smartContains(s.Row(id).Summary, text) }}
	m.msg = "searching…"
	return m.jobCmd()
}

// compileFilter turns the filter text into a row test.
func (m *Model) compileFilter(text string) (func(id int32) bool, error) {
	s := m.store
	if m.opts.Compile == nil {
		return func(id int32) bool {
			r := s.Row(id)
			return smartContains(r.Summary, text) || smartContains(s.Name(r.Type), text)
		}, nil
	}
	flt, err := m.opts.Compile(text)
	if err != nil {
		return nil, err
	}
	if m.fdec == nil {
		m.fdec = decode.NewDecoder()
		m.fdec.Order = m.opts.Order
		m.fdec.Reuse = true
		m.fdec.Session = &decode.Session{GenlFamilies: m.sess.GenlFamilies, GenlGroups: m.sess.GenlGroups, Links: m.sess.Links}
	}
	// The conversation fields (nl.request_in, nl.latency, nl.problem ...) need
	// every message paired in capture order, which the filter job's walk from the
	// first row to the last gives; with the whole input loaded, a first pass lets
	// requests know their answers too, as in nldump -Y.
	var pair *decode.Pairer
	if flt.Uses("nl.") {
		pair = decode.NewPairer()
	}
	primed := false
	last := int32(-1)
	var msgs []decode.Message
	return func(id int32) bool {
		r := s.Row(id)
		if r.Frame != last {
			m.mu.Lock()
			if pair != nil && !primed {
				primed = true
				if m.done {
					m.observeAll(pair, int(r.Frame))
				}
			}
			fr := s.frames[r.Frame].frame()
			msgs = m.fdec.DecodeFrame(&fr, msgs)
			owner.AttachProcess(msgs)
			if pair != nil {
				for i := range msgs {
					pair.Annotate(&msgs[i])
				}
			}
			m.mu.Unlock()
			last = r.Frame
		}
		return int(r.Index) < len(msgs) && flt.Match(&msgs[r.Index])
	}, nil
}

// observeAll runs the pairing pass over the stored frames from the frame index
// from on (the filter's first row) and readies p to replay it.
func (m *Model) observeAll(p *decode.Pairer, from int) {
	var msgs []decode.Message
	for i := from; i < len(m.store.frames); i++ {
		fr := m.store.frames[i].frame()
		msgs = m.fdec.DecodeFrame(&fr, msgs)
		owner.AttachProcess(msgs)
		for k := range msgs {
			p.Observe(&msgs[k])
		}
	}
	p.Finish()
	p.Replay()
}

// applyFilter filters the list with text ("" shows every row).
func (m *Model) applyFilter(text string) (tea.Cmd, error) {
	want, _ := m.list.Selected()
	if text == "" {
		m.filter, m.job = "", nil
		m.v.on, m.v.ids = false, nil
		m.list.SelectRow(want)
		m.syncTree()
		return nil, nil
	}
	match, err := m.compileFilter(text)
	if err != nil {
		return nil, err
	}
	if m.v.Len() == 0 {
		want = -1
	}
	m.filter = text
	m.v.on, m.v.ids = true, m.v.ids[:0]
	m.job = &scanJob{kind: jobFilter, match: match, want: want}
	m.list.SetCursor(0)
	return m.jobCmd(), nil
}

// smartContains reports whether s contains sub, ignoring ASCII case unless sub
// has upper-case letters (vim's smartcase).
func smartContains(s, sub string) bool {
	fold := true
	for i := 0; i < len(sub); i++ {
		if c := sub[i]; c >= 'A' && c <= 'Z' {
			fold = false
			break
		}
	}
	if !fold {
		return indexOf(s, sub) >= 0
	}
	n := len(sub)
	if n == 0 {
		return true
	}
outer:
	for i := 0; i+n <= len(s); i++ {
		for k := 0; k < n; k++ {
			c := s[i+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[k] {
				continue outer
			}
		}
		return true
	}
	return false
}
