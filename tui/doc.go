// Package tui is nldump's terminal user interface: a message list, the selected
// message's field tree and its bytes in hex, linked both ways, like Wireshark's three
// panes, built for captures of a million messages.
//
// # Size
//
// The list keeps one compact [Row] per message (numbers, interned names and the
// summary string) and the bytes of each frame; field trees are decoded lazily for the
// selected message only, behind a small cache, with the decode.Session the list pass
// filled. The list renders only the rows on screen. Frames are decoded in a goroutine
// and reach the program in batches, one program message per tick, never one per
// netlink message; filters and searches over many rows run in time-budgeted steps so
// that keys are answered while they run.
//
// # Structure
//
// Each pane is a small component that renders a string of exactly the size given
// by SetSize: [List], [Tree], [Hex], [FilterBar], the status and explanation lines
// and the help overlay. One [Styles] and one [KeyMap] serve them all; only the root
// [Model] returns a tea.View.
package tui
