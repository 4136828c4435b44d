package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/nldump/nldump/decode"
)

// Styles is every style the interface uses, in one place.
type Styles struct {
	// Title is a pane's title line; TitleFocused the focused pane's.
	Title, TitleFocused lipgloss.Style
	// Header is the list's column header.
	Header lipgloss.Style
	// Dir colours list rows by kind of message, indexed by decode.Direction.
	Dir [6]lipgloss.Style
	// Malformed marks rows of messages that did not decode cleanly.
	Malformed lipgloss.Style
	// Cursor is the selected row or field in the focused pane; CursorBlur in another.
	Cursor, CursorBlur lipgloss.Style
	// Mark is the marker of marked rows.
	Mark lipgloss.Style
	// Note is a problem note in the tree.
	Note lipgloss.Style
	// HexOffset is the offset column, HexField the selected field's bytes, HexCursor
	// the byte under the hex cursor.
	HexOffset, HexField, HexCursor lipgloss.Style
	// Explain is the explanation line, Status the status line.
	Explain, Status lipgloss.Style
	// FilterOK, FilterBad style the filter bar's text; FilterErr points at the error.
	FilterOK, FilterBad, FilterErr lipgloss.Style
	// Help styles the help overlay.
	Help help.Styles
	// HelpBox frames the help overlay.
	HelpBox lipgloss.Style
}

// DefaultStyles returns the colour styles.
func DefaultStyles() Styles {
	c := lipgloss.Color
	s := Styles{
		Title:        lipgloss.NewStyle().Foreground(c("250")).Background(c("236")),
		TitleFocused: lipgloss.NewStyle().Bold(true).Foreground(c("231")).Background(c("25")),
		Header:       lipgloss.NewStyle().Bold(true).Foreground(c("250")),
		Malformed:    lipgloss.NewStyle().Foreground(c("201")),
		Cursor:       lipgloss.NewStyle().Reverse(true),
		CursorBlur:   lipgloss.NewStyle().Background(c("238")),
		Mark:         lipgloss.NewStyle().Bold(true).Foreground(c("214")),
		Note:         lipgloss.NewStyle().Foreground(c("203")),
		HexOffset:    lipgloss.NewStyle().Foreground(c("244")),
		HexField:     lipgloss.NewStyle().Foreground(c("16")).Background(c("186")),
		HexCursor:    lipgloss.NewStyle().Reverse(true).Bold(true),
		Explain:      lipgloss.NewStyle().Foreground(c("152")),
		Status:       lipgloss.NewStyle().Foreground(c("252")).Background(c("237")),
		FilterOK:     lipgloss.NewStyle().Foreground(c("120")),
		FilterBad:    lipgloss.NewStyle().Foreground(c("210")),
		FilterErr:    lipgloss.NewStyle().Underline(true).Foreground(c("196")),
		Help:         help.DefaultDarkStyles(),
		HelpBox:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1),
	}
	s.Dir[decode.DirUnknown] = lipgloss.NewStyle().Foreground(c("201"))
	s.Dir[decode.DirRequest] = lipgloss.NewStyle().Foreground(c("81"))
	s.Dir[decode.DirReply] = lipgloss.NewStyle().Foreground(c("252"))
	s.Dir[decode.DirNotify] = lipgloss.NewStyle().Foreground(c("179"))
	s.Dir[decode.DirAck] = lipgloss.NewStyle().Foreground(c("114"))
	s.Dir[decode.DirError] = lipgloss.NewStyle().Foreground(c("203")).Bold(true)
	return s
}

// PlainStyles returns styles without colour, for NO_COLOR (https://no-color.org)
// and tests: selection and highlights use reverse video, bold and underline.
func PlainStyles() Styles {
	n := lipgloss.NewStyle
	s := Styles{
		Title: n(), TitleFocused: n().Bold(true), Header: n().Bold(true), Malformed: n(),
		Cursor: n().Reverse(true), CursorBlur: n().Underline(true), Mark: n().Bold(true),
		Note: n(), HexOffset: n(), HexField: n().Reverse(true), HexCursor: n().Underline(true).Bold(true),
		Explain: n(), Status: n().Reverse(true), FilterOK: n(), FilterBad: n(), FilterErr: n().Underline(true),
		Help: help.Styles{}, HelpBox: n().Border(lipgloss.NormalBorder()).Padding(0, 1),
	}
	for i := range s.Dir {
		s.Dir[i] = n()
	}
	s.Dir[decode.DirError] = n().Bold(true)
	return s
}
