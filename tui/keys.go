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
	Pause                                         key.Binding
	Help, Quit, Cancel                            key.Binding
}

// DefaultKeyMap returns the bindings: arrows and vim keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:        b([]string{"up", "k"}, "↑/k", "up"),
		Down:      b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:    b([]string{"pgup", "ctrl+b", "ctrl+u"}, "pgup ^b", "page up"),
		PageDown:  b([]string{"pgdown", "ctrl+f", "ctrl+d", " "}, "pgdn ^f", "page down"),
		Top:       b([]string{"g", "home"}, "gg", "first row"),
		Bottom:    b([]string{"G", "end"}, "G, NG", "end, frame N"),
		Left:      b([]string{"left", "h"}, "←/h", "collapse/left"),
		Right:     b([]string{"right", "l"}, "→/l", "expand/right"),
		Toggle:    b([]string{"enter"}, "enter", "fold/unfold"),
		NextPane:  b([]string{"tab"}, "tab", "next pane"),
		PrevPane:  b([]string{"shift+tab"}, "S-tab", "previous pane"),
		Maximise:  b([]string{"z"}, "z", "maximise pane"),
		Filter:    b([]string{"/"}, "/", "filter"),
		Search:    b([]string{"s"}, "s", "search"),
		NextMatch: b([]string{"n"}, "n", "next match"),
		PrevMatch: b([]string{"N"}, "N", "prev match"),
		Cancel:    b([]string{"esc"}, "esc", "clear/close"),
		Mark:      b([]string{"m"}, "m", "mark row"),
		NextMark:  b([]string{"'"}, "'", "next mark"),
		PrevMark:  b([]string{"\""}, "\"", "prev mark"),
		Answer:    b([]string{"p"}, "p", "to reply/ack"),
		Request:   b([]string{"P"}, "P", "to request"),
		NextError: b([]string{"e"}, "e", "next error"),
		PrevError: b([]string{"E"}, "E", "prev error"),
		Follow:    b([]string{"F"}, "F", "follow"),
		Pause:     b([]string{"ctrl+s", "S"}, "S", "pause/resume"),
		Help:      b([]string{"?"}, "?", "help"),
		Quit:      b([]string{"q", "ctrl+c"}, "q", "quit"),
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
		{k.NextPane, k.PrevPane, k.Maximise, k.Filter, k.Search, k.NextMatch, k.PrevMatch, k.Cancel, k.Follow, k.Pause},
		{k.Mark, k.NextMark, k.PrevMark, k.Answer, k.Request, k.NextError, k.PrevError, k.Help, k.Quit},
	}
}
