package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// helpView renders the help overlay, generated from the key map, centred in w x h.
func helpView(st *Styles, keys KeyMap, w, h int) string {
	hm := help.New()
	hm.Styles = st.Help
	hm.ShowAll = true
	hm.FullSeparator = "  "
	hm.SetWidth(max(w-4, 20))
	body := "nldump keys (NG: frame N; a number repeats moves: 5j)\n\n" +
		hm.View(keys) +
		"\n\nFilter bar: enter applies, esc cancels, ctrl+u clears.\n" +
		"Rows: request, reply, notification, ack, error colours."
	box := st.HelpBox.Render(body)
	return fitBlock(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), w, h)
}

// fitBlock cuts or pads styled text to exactly w x h cells.
func fitBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		if n := lipgloss.Width(l); n > w {
			lines[i] = truncateStyled(l, w)
		} else if n < w {
			lines[i] = l + strings.Repeat(" ", w-n)
		}
	}
	return strings.Join(lines, "\n")
}
