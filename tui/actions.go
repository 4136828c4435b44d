package tui

import (
	"math"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// key handles a key press.
func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch m.mode {
	case modeFilter, modeSearch:
		return m.barKey(k)
	}
	if m.help {
		if key.Matches(k, m.keys.Quit) && k.String() == "ctrl+c" {
			return tea.Quit
		}
		m.help = false // any key closes the help
		return nil
	}
	s := k.String()
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' && (s != "0" || m.count > 0) {
		m.count = min(m.count*10+int(s[0]-'0'), 1<<30)
		return nil
	}
	count := m.count
	m.count = 0
	n := max(count, 1)
	wasG := m.pendingG
	m.pendingG = false
	m.msg = ""
	ks := &m.keys
	switch {
	case key.Matches(k, ks.Quit):
		m.Stop()
		return tea.Quit
	case key.Matches(k, ks.Help):
		m.help = true
	case key.Matches(k, ks.Cancel):
		m.maxed = false
		m.sjob = nil
		if m.filter != "" {
			return m.setFilter("")
		}
		m.setSize(m.w, m.h)
	case key.Matches(k, ks.NextPane):
		m.focus = (m.focus + 1) % numPanes
		m.setSize(m.w, m.h)
	case key.Matches(k, ks.PrevPane):
		m.focus = (m.focus + numPanes - 1) % numPanes
		m.setSize(m.w, m.h)
	case key.Matches(k, ks.Maximise):
		m.maxed = !m.maxed
		m.setSize(m.w, m.h)
	case key.Matches(k, ks.Up):
		m.moveBy(-n)
	case key.Matches(k, ks.Down):
		m.moveBy(n)
	case key.Matches(k, ks.PageUp):
		m.moveBy(-n * m.page())
	case key.Matches(k, ks.PageDown):
		m.moveBy(n * m.page())
	case key.Matches(k, ks.Top):
		if s == "g" && !wasG {
			m.pendingG = true
			m.count = count
			return nil
		}
		m.moveTo(0)
	case key.Matches(k, ks.Bottom):
		if count > 0 && m.focus == paneList {
			m.gotoFrame(count)
		} else if count > 0 {
			m.moveTo(count - 1)
		} else {
			m.moveTo(math.MaxInt)
		}
	case key.Matches(k, ks.Left):
		switch m.focus {
		case paneTree:
			m.tree.Expand(false)
			m.syncHex()
		case paneHex:
			m.hexMove(-n)
		}
	case key.Matches(k, ks.Right):
		switch m.focus {
		case paneTree:
			m.tree.Expand(true)
			m.syncHex()
		case paneHex:
			m.hexMove(n)
		}
	case key.Matches(k, ks.Toggle):
		switch m.focus {
		case paneTree:
			m.tree.Toggle()
			m.syncHex()
		case paneList:
			m.focus = paneTree
			m.setSize(m.w, m.h)
		}
	case key.Matches(k, ks.Filter):
		m.mode = modeFilter
		m.bar.Open("/ ", m.filter)
		m.validate()
		m.setSize(m.w, m.h)
	case key.Matches(k, ks.Search):
		m.mode = modeSearch
		m.bar.Open("search: ", m.search)
		m.setSize(m.w, m.h)
	case key.Matches(k, ks.NextMatch):
		return m.startSearch(1)
	case key.Matches(k, ks.PrevMatch):
		return m.startSearch(-1)
	case key.Matches(k, ks.Mark):
		m.list.ToggleMark()
	case key.Matches(k, ks.NextMark), key.Matches(k, ks.PrevMark):
		m.jumpMark(key.Matches(k, ks.NextMark))
	case key.Matches(k, ks.Answer):
		m.jumpAnswer()
	case key.Matches(k, ks.Request):
		m.jumpRequest()
	case key.Matches(k, ks.NextError):
		m.jumpError(1)
	case key.Matches(k, ks.PrevError):
		m.jumpError(-1)
	case key.Matches(k, ks.Follow):
		m.follow = !m.follow
		if m.follow {
			m.moveTo(math.MaxInt)
		}
	case key.Matches(k, ks.Pause):
		m.paused = !m.paused && !m.done
		if !m.paused && m.ld != nil {
			if b := m.ld.take(); b != nil {
				m.Append(b)
			}
		}
	}
	return nil
}

// barKey handles a key while the filter or search bar is being edited.
func (m *Model) barKey(k tea.KeyPressMsg) tea.Cmd {
	switch m.bar.HandleKey(k) {
	case barChanged:
		if m.mode == modeFilter {
			m.validate()
		}
	case barCancel:
		m.mode = modeNormal
		m.setSize(m.w, m.h)
	case barEnter:
		text := m.bar.Text()
		if m.mode == modeSearch {
			m.mode = modeNormal
			m.setSize(m.w, m.h)
			m.search = text
			return m.startSearch(1)
		}
		return m.setFilter(text)
	}
	return nil
}

// setFilter applies a filter; an invalid one leaves the bar open with its error.
func (m *Model) setFilter(text string) tea.Cmd {
	cmd, err := m.applyFilter(text)
	if err != nil {
		m.bar.SetError(filterError(err))
		return nil
	}
	m.mode = modeNormal
	m.setSize(m.w, m.h)
	return cmd
}

// validate compiles the bar's text and shows where it is wrong.
func (m *Model) validate() {
	text := m.bar.Text()
	if m.opts.Compile == nil || text == "" {
		m.bar.SetError(nil)
		return
	}
	if _, err := m.opts.Compile(text); err != nil {
		m.bar.SetError(filterError(err))
		return
	}
	m.bar.SetError(nil)
}

func filterError(err error) *FilterError {
	if fe, ok := err.(*FilterError); ok {
		return fe
	}
	return &FilterError{Msg: err.Error()}
}

// page returns the rows a page key moves in the focused pane.
func (m *Model) page() int {
	switch m.focus {
	case paneTree:
		return m.tree.Page()
	case paneHex:
		return m.hex.Page()
	}
	return m.list.Page()
}

// moveBy moves the focused pane's cursor n lines.
func (m *Model) moveBy(n int) {
	switch m.focus {
	case paneList:
		m.list.MoveBy(n)
		m.follow = m.follow && n > 0
		m.afterListMove()
	case paneTree:
		m.tree.MoveBy(n)
		m.syncHex()
	case paneHex:
		m.hexMove(n * m.hex.perLine())
	}
}

// moveTo moves the focused pane's cursor to line p (clamped).
func (m *Model) moveTo(p int) {
	switch m.focus {
	case paneList:
		m.list.SetCursor(p)
		m.afterListMove()
	case paneTree:
		m.tree.SetCursor(p)
		m.syncHex()
	case paneHex:
		m.hexMove(-1 << 30)
		if p > 0 {
			m.hexMove(min(p, 1<<30) * m.hex.perLine())
		}
	}
}

// afterListMove follows a user move of the list cursor.
func (m *Model) afterListMove() {
	if m.job != nil {
		m.job.want = -1 // the user chose; a running filter keeps the position
	}
	m.syncTree()
}

// hexMove moves the hex cursor n bytes and selects the field owning the byte.
func (m *Model) hexMove(n int) {
	m.hex.MoveBy(n)
	c := m.hex.Cursor()
	m.tree.SelectByte(c)
	if f := m.tree.Selected(); f != nil {
		m.hex.selOff, m.hex.selLen = f.Offset, f.Length
	}
}

// selectRow selects row id in the list, saying so when the filter hides it.
func (m *Model) selectRow(id int32, what string) {
	if _, ok := m.v.Pos(id); !ok {
		m.msg = what + " (frame " + itoa(m.store.FrameNumber(id)) + ") is hidden by the filter"
		return
	}
	m.focus = paneList
	m.list.SelectRow(id)
	m.afterListMove()
	m.setSize(m.w, m.h)
}

// gotoFrame selects the first message of frame n.
func (m *Model) gotoFrame(n int) {
	id, ok := m.store.FindFrame(n)
	if !ok {
		m.msg = "no frame " + itoa(n)
		return
	}
	p, _ := m.v.Pos(id)
	m.list.SetCursor(p)
	m.afterListMove()
}

// jumpAnswer goes from a request to its first answer, and from an answer to the
// next answer of the same request, then back to the request.
func (m *Model) jumpAnswer() {
	id, ok := m.list.Selected()
	if !ok {
		return
	}
	r := m.store.Row(id)
	req := id
	if r.Req >= 0 {
		req = r.Req
	}
	ans := m.store.Answers(req)
	if len(ans) == 0 {
		m.msg = "no reply, ACK or error pairs with this message"
		return
	}
	i, _ := slices.BinarySearch(ans, id+1)
	if req == id || i >= len(ans) {
		if req != id {
			m.selectRow(req, "the request")
			return
		}
		i = 0
	}
	m.selectRow(ans[i], "the answer")
	if m.msg == "" {
		m.msg = "answer " + itoa(i+1) + " of " + itoa(len(ans))
	}
}

// jumpRequest goes from an answer to its request.
func (m *Model) jumpRequest() {
	id, ok := m.list.Selected()
	if !ok {
		return
	}
	if r := m.store.Row(id); r.Req >= 0 {
		m.selectRow(r.Req, "the request")
		return
	}
	m.msg = "no request pairs with this message"
}

// jumpError goes to the next (dir 1) or previous error shown.
func (m *Model) jumpError(dir int) {
	id, ok := m.list.Selected()
	if !ok {
		return
	}
	errs := m.store.Errors()
	i, found := slices.BinarySearch(errs, id)
	if dir > 0 && found {
		i++
	}
	if dir < 0 {
		i--
	}
	for ; i >= 0 && i < len(errs); i += dir {
		if _, ok := m.v.Pos(errs[i]); ok {
			m.selectRow(errs[i], "the error")
			return
		}
	}
	if dir > 0 {
		m.msg = "no error after this row"
	} else {
		m.msg = "no error before this row"
	}
}

// jumpMark goes to the next or previous marked row.
func (m *Model) jumpMark(next bool) {
	id, ok := m.list.Selected()
	if !ok || len(m.list.marks) == 0 {
		m.msg = "no marks (m marks a row)"
		return
	}
	ids := make([]int32, 0, len(m.list.marks))
	for k := range m.list.marks {
		if _, ok := m.v.Pos(k); ok {
			ids = append(ids, k)
		}
	}
	if len(ids) == 0 {
		m.msg = "the filter hides every mark"
		return
	}
	slices.Sort(ids)
	var to int32
	if next {
		i, found := slices.BinarySearch(ids, id)
		if found {
			i++
		}
		to = ids[i%len(ids)]
	} else {
		i, _ := slices.BinarySearch(ids, id)
		to = ids[(i-1+len(ids))%len(ids)]
	}
	m.selectRow(to, "the mark")
}

// click selects what the mouse points at in the list.
func (m *Model) click(x, y int) {
	l := m.layout()
	if y >= 1 && y < l.list.h {
		m.focus = paneList
		m.list.SetCursor(m.list.top + y - 1)
		m.afterListMove()
		m.setSize(m.w, m.h)
	}
	_ = x
}
