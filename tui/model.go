package tui

import (
	"os"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/nldump/nldump/capture"
	"github.com/nldump/nldump/decode"
)

// Options configure the interface.
type Options struct {
	// Name names the capture in the status bar.
	Name string
	// Prepare fills the session before the first frame is decoded (generic
	// netlink families learned from the whole file, names given by hand). It runs
	// in the loader goroutine.
	Prepare func(*decode.Session) error
	// Order is the byte order mode of the decoders.
	Order decode.ByteOrderMode
	// Compile compiles a display filter; nil makes the filter bar a substring
	// match on summaries. Errors of type *FilterError say where the text is wrong.
	Compile func(expr string) (Filter, error)
	// NoColor renders without colour (NO_COLOR is honoured too).
	NoColor bool
	// Mouse enables the mouse (wheel scrolls, click selects).
	Mouse bool
}

// pane names a pane.
type pane int

const (
	paneList pane = iota
	paneTree
	paneHex
	numPanes
)

// mode is what keys go to.
type mode int

const (
	modeNormal mode = iota
	modeFilter      // editing the filter
	modeSearch      // editing the search
)

// Typed messages.
type (
	// tickMsg asks the model to take the loader's rows.
	tickMsg struct{}
	// stepMsg runs the next step of a filter or search job.
	stepMsg struct{}
)

// Model is the root of the interface: it owns the panes, routes keys and
// returns the program's view.
type Model struct {
	opts  Options
	st    Styles
	keys  KeyMap
	store *Store
	v     view
	sess  *decode.Session
	mu    *sync.Mutex
	ld    *loader
	cache *treeCache

	list *List
	tree *Tree
	hex  *Hex
	bar  *FilterBar

	w, h     int
	focus    pane
	maxed    bool
	help     bool
	mode     mode
	count    int
	pendingG bool
	follow   bool
	paused   bool   // live: batches wait in the loader until resumed
	msg      string // transient status message

	// rate is the messages per second of the input, measured over rateEvery.
	rate      float64
	rateAt    time.Time
	rateCount int

	filter    string // applied filter text
	search    string
	job       *scanJob        // the filter, kept while it is applied to match new rows
	sjob      *scanJob        // a search under way
	fdec      *decode.Decoder // decoder of the display filter's jobs
	shownRow  int32           // the row whose tree is shown; -1 none
	done      bool
	loadErr   error
	stats     capture.Stats
	stepQueue bool // a stepMsg is on its way
}

// New returns a model that reads src in the background once the program starts.
func New(src capture.Source, o Options) *Model {
	m := newModel(NewStore(), decode.NewSession(), o)
	m.ld = newLoader(src, m.sess, m.mu, o.Prepare)
	m.ld.dec.Order = o.Order
	return m
}

// newModel returns a model over a store (tests and benchmarks fill it directly).
func newModel(s *Store, sess *decode.Session, o Options) *Model {
	st := DefaultStyles()
	if o.NoColor || os.Getenv("NO_COLOR") != "" {
		st = PlainStyles()
	}
	if o.Name == "" {
		o.Name = "nldump"
	}
	m := &Model{opts: o, st: st, keys: DefaultKeyMap(), store: s, sess: sess, mu: new(sync.Mutex), shownRow: -1}
	m.v = view{s: s}
	m.list = NewList(&m.v, &m.st)
	m.tree = NewTree(&m.st)
	m.hex = NewHex(&m.st)
	m.bar = NewFilterBar(&m.st)
	m.cache = newTreeCache(s, sess, m.mu)
	m.cache.dec.Order = o.Order
	m.setSize(80, 24)
	return m
}

// Init starts the loader and the tick that collects its batches.
func (m *Model) Init() tea.Cmd {
	if m.ld == nil {
		m.done = true
		m.syncTree()
		return nil
	}
	go m.ld.run()
	return tea.Tick(time.Millisecond, func(time.Time) tea.Msg { return tickMsg{} })
}

// Stop stops the loader.
func (m *Model) Stop() {
	if m.ld != nil {
		m.ld.stop.Store(true)
	}
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
	case tickMsg:
		return m, m.takeBatch()
	case stepMsg:
		m.stepQueue = false
		return m, m.step()
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			m.moveBy(-3)
		} else if msg.Button == tea.MouseWheelDown {
			m.moveBy(3)
		}
	case tea.MouseClickMsg:
		m.click(msg.X, msg.Y)
	}
	return m, nil
}

// takeBatch appends what the loader decoded since the last tick.
func (m *Model) takeBatch() tea.Cmd {
	if !m.paused {
		if b := m.ld.take(); b != nil {
			m.Append(b)
		}
	}
	m.measureRate(time.Now())
	if m.done {
		return m.jobCmd()
	}
	return tea.Batch(m.jobCmd(), tea.Tick(tickEvery, func(time.Time) tea.Msg { return tickMsg{} }))
}

// Append adds a batch of rows (from the loader, or live capture).
func (m *Model) Append(b *Batch) {
	first := m.store.Len() == 0
	m.store.Append(b)
	if b.Stats.Records > 0 || b.Stats.Live {
		m.stats = b.Stats
	}
	if b.Done {
		m.done, m.loadErr, m.stats = true, b.Err, b.Stats
		if b.Err != nil {
			m.msg = "read error: " + terminalSafe(b.Err.Error())
		}
	}
	if m.follow && m.v.Len() > 0 {
		m.list.SetCursor(m.v.Len() - 1)
		m.syncTree()
	} else if first || m.shownRow < 0 {
		m.list.scroll()
		m.syncTree()
	}
}

// rateEvery is the span over which the input rate is measured.
const rateEvery = time.Second

// measureRate updates the input rate (messages per second, counting the rows
// still waiting while paused) once per rateEvery.
func (m *Model) measureRate(now time.Time) {
	n := m.store.Len()
	if m.paused && m.ld != nil {
		n += m.ld.waiting()
	}
	if m.rateAt.IsZero() {
		m.rateAt, m.rateCount = now, n
		return
	}
	if d := now.Sub(m.rateAt); d >= rateEvery {
		m.rate = float64(n-m.rateCount) / d.Seconds()
		m.rateAt, m.rateCount = now, n
	}
}

// jobCmd schedules the next step of a job that has rows left.
func (m *Model) jobCmd() tea.Cmd {
	busy := m.job != nil && m.job.pending(m) || m.sjob != nil
	if !busy || m.stepQueue {
		return nil
	}
	m.stepQueue = true
	return func() tea.Msg { return stepMsg{} }
}

// syncTree shows the selected row's tree and bytes.
func (m *Model) syncTree() {
	id, ok := m.list.Selected()
	if !ok {
		if m.shownRow >= 0 {
			m.tree.SetMessage(nil, 0)
			m.hex.SetData(nil, 0, 0)
			m.shownRow = -1
		}
		return
	}
	if id == m.shownRow {
		return
	}
	m.shownRow = id
	msg := m.cache.Message(id)
	m.tree.SetMessage(msg, m.store.Row(id).Dir)
	if msg == nil {
		m.hex.SetData(nil, 0, 0)
		return
	}
	end := msg.Root.Offset + msg.Root.Length
	for i := range msg.Root.Children { // padding attached to the message
		c := &msg.Root.Children[i]
		end = max(end, c.Offset+c.Length)
	}
	m.hex.SetData(msg.Frame.Data, msg.Root.Offset, end)
	m.syncHex()
}

// syncHex highlights the selected field's bytes.
func (m *Model) syncHex() {
	if f := m.tree.Selected(); f != nil {
		m.hex.Select(f.Offset, f.Length)
	}
}

// setSize lays the panes out.
func (m *Model) setSize(w, h int) {
	m.w, m.h = max(w, 1), max(h, 1)
	l := m.layout()
	m.list.SetSize(l.list.w, l.list.h)
	m.tree.SetSize(l.tree.w, l.tree.h)
	m.hex.SetSize(l.hex.w, l.hex.h)
	m.bar.SetSize(m.w)
}

// barShown reports whether the filter bar has a line.
func (m *Model) barShown() bool { return m.mode != modeNormal || m.filter != "" }

// View renders the whole screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.WindowTitle = "nldump " + m.opts.Name
	if m.opts.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

// Render returns the screen's text.
func (m *Model) Render() string {
	if m.help {
		return helpView(&m.st, m.keys, m.w, m.h)
	}
	l := m.layout()
	var sb strings.Builder
	sb.Grow(m.w * m.h * 2)
	add := func(s string) {
		if s == "" {
			return
		}
		if sb.Len() > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(s)
	}
	if l.list.h > 0 {
		add(m.list.View(m.focus == paneList))
	}
	switch {
	case l.side && l.tree.h > 0:
		tl := strings.Split(m.tree.View(m.focus == paneTree), "\n")
		hl := strings.Split(m.hex.View(m.focus == paneHex), "\n")
		for i := range tl {
			add(tl[i] + m.st.Title.Render("│") + hl[i])
		}
	default:
		if l.tree.h > 0 {
			add(m.tree.View(m.focus == paneTree))
		}
		if l.hex.h > 0 {
			add(m.hex.View(m.focus == paneHex))
		}
	}
	add(m.st.Explain.Render(fit(explain(m.tree.Selected()), m.w)))
	if m.barShown() {
		m.bar.SetInfo(m.barInfo())
		add(m.bar.View(m.mode != modeNormal))
	}
	add(m.statusLine())
	return sb.String()
}

// Filter is a compiled display filter (*filter.Filter is one).
type Filter interface {
	// Match reports whether the message passes the filter.
	Match(m *decode.Message) bool
	// Uses reports whether the filter names a field whose name starts with
	// prefix: "nl." makes the filter pass pair requests with their answers.
	Uses(prefix string) bool
}

// barInfo is the filter bar's right-hand text.
func (m *Model) barInfo() string {
	if m.mode == modeSearch {
		return "search summaries (n/N repeat)"
	}
	if m.filter == "" || m.mode == modeFilter {
		if m.opts.Compile != nil {
			return "display filter"
		}
		return "substring of summaries"
	}
	return itoa(len(m.v.ids)) + " of " + itoa(m.store.Len()) + " match"
}

// rect is a pane size.
type rect struct{ w, h int }

// layoutInfo is the sizes of the panes.
type layoutInfo struct {
	list, tree, hex rect
	side            bool // tree and hex side by side
}

// hexWide is the width of a 16-byte hex pane.
const hexWide = 4 + 2 + 16*3 + 1 + 1 + 16

// layout computes the pane sizes for the terminal size and focus.
func (m *Model) layout() layoutInfo {
	h := m.h - 2 // explanation and status lines
	if m.barShown() {
		h--
	}
	h = max(h, 0)
	var l layoutInfo
	if m.maxed {
		switch m.focus {
		case paneList:
			l.list = rect{m.w, h}
		case paneTree:
			l.tree = rect{m.w, h}
		case paneHex:
			l.hex = rect{m.w, h}
		}
		return l
	}
	if m.w >= hexWide+1+60 {
		l.side = true
		l.list = rect{m.w, h * 55 / 100}
		rest := h - l.list.h
		l.tree = rect{m.w - hexWide - 1, rest}
		l.hex = rect{hexWide, rest}
		return l
	}
	l.list = rect{m.w, h * 40 / 100}
	l.tree = rect{m.w, (h - l.list.h) / 2}
	l.hex = rect{m.w, h - l.list.h - l.tree.h}
	return l
}
