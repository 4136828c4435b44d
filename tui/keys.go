package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding. It implements help.KeyMap, so the help overlay is
// generated from the bindings themselves.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom       key.Binding
	Left, Right, Toggle                           key.Binding
	NextPane, PrevPane, Maximise                  key.Binding
	Filter, Search, NextMatch, PrevMatch          key.Binding
	Mark, NextMark, PrevMark                      key.Binding
	Answer, Request, NextError, PrevError, Follow key.Binding
	Help, Quit, Cancel                            key.Binding
}

// DefaultKeyMap returns the bindings: arrows and vim keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:        b([]string{"up", "k"}, "↑/k", "up (N: N rows)"),
		Down:      b([]string{"down", "j"}, "↓/j", "down (N: N rows)"),
		PageUp:    b([]string{"pgup", "ctrl+b", "ctrl+u"}, "pgup/ctrl+b", "page up"),
		PageDown:  b([]string{"pgdown", "ctrl+f", "ctrl+d", " "}, "pgdn/ctrl+f", "page down"),
		Top:       b([]string{"g", "home"}, "gg/home", "first row"),
		Bottom:    b([]string{"G", "end"}, "G/end", "last row; NG: frame N"),
		Left:      b([]string{"left", "h"}, "←/h", "collapse; hex: byte left"),
		Right:     b([]string{"right", "l"}, "→/l", "expand; hex: byte right"),
		Toggle:    b([]string{"enter"}, "enter", "expand/collapse field"),
		NextPane:  b([]string{"tab"}, "tab", "next pane"),
		PrevPane:  b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Maximise:  b([]string{"z"}, "z", "maximise/restore pane"),
		Filter:    b([]string{"/"}, "/", "filter the list"),
		Search:    b([]string{"s"}, "s", "search summaries"),
		NextMatch: b([]string{"n"}, "n", "next search match"),
		PrevMatch: b([]string{"N"}, "N", "previous search match"),
		Mark:      b([]string{"m"}, "m", "mark/unmark row"),
		NextMark:  b([]string{"'"}, "'", "next mark"),
		PrevMark:  b([]string{"\""}, "\"", "previous mark"),
		Answer:    b([]string{"p"}, "p", "request → its replies/ACK/error"),
		Request:   b([]string{"P"}, "P", "answer → its request"),
		NextError: b([]string{"e"}, "e", "next error"),
		PrevError: b([]string{"E"}, "E", "previous error"),
		Follow:    b([]string{"F"}, "F", "follow new messages"),
		Help:      b([]string{"?"}, "?", "help"),
		Quit:      b([]string{"q", "ctrl+c"}, "q", "quit"),
		Cancel:    b([]string{"esc"}, "esc", "close, clear filter"),
	}
}

// ShortHelp is the one-line help of the status bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.NextPane, k.Filter, k.Answer, k.NextError, k.Quit}
}

// FullHelp is the help overlay, one column a group.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Left, k.Right, k.Toggle},
		{k.NextPane, k.PrevPane, k.Maximise, k.Filter, k.Search, k.NextMatch, k.PrevMatch, k.Cancel},
		{k.Mark, k.NextMark, k.PrevMark, k.Answer, k.Request, k.NextError, k.PrevError, k.Follow, k.Help, k.Quit},
	}
}
