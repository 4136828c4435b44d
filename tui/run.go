package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/nldump/nldump/capture"
)

// Run shows src in the terminal until the user quits. It returns the error that
// stopped the program or reading the capture.
func Run(src capture.Source, o Options) error {
	m := New(src, o)
	_, err := tea.NewProgram(m).Run()
	m.Stop()
	if err != nil {
		return err
	}
	return m.loadErr
}
