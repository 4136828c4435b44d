package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// helpView renders the help overlay, generated from the key map, centred in w x h.
func helpView(st *Styles, keys KeyMap, w, h int) string {
	hm := help.New()
	hm.Styles = st.Help
	hm.ShowAll = true
	hm.SetWidth(max(w-4, 20))
	body := "nldump keys   (in the filter bar: enter applies, esc cancels; ctrl+u clears)\n\n" +
		hm.View(keys) +
		"\n\nNumbers prefix moves: 5j, 120G (frame 120). Colours: request, reply,\nnotification, ack, error. p/P pair by protocol and sequence number."
	box := st.HelpBox.Render(body)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}
