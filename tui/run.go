package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/nldump/nldump/capture"
)

// Run shows src in the terminal until the user quits. It returns the error that
// stopped the program or reading the capture.
func Run(src capture.Source, o Options) error { return RunContext(context.Background(), src, o) }

// RunContext is Run that also ends, as quitting does, when ctx is done (a live
// capture's SIGTERM, which must not leave its interface behind).
func RunContext(ctx context.Context, src capture.Source, o Options) error {
	m := New(src, o)
	_, err := tea.NewProgram(m, tea.WithContext(ctx)).Run()
	m.Stop()
	if err != nil && ctx.Err() == nil {
		return err
	}
	return m.loadErr
}
