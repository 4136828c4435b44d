package main

import (
	"bufio"

	"github.com/nldump/nldump/decode"
)

// printFields lists every filter name with its type and description, one per line
// and tab-separated like tshark -G fields: name, kind, C name, label, description.
func printFields(w *bufio.Writer) {
	for _, d := range decode.DefaultRegistry.Fields() {
		w.WriteString(d.Name)
		w.WriteByte('\t')
		w.WriteString(d.Kind.String())
		w.WriteByte('\t')
		w.WriteString(d.CName)
		w.WriteByte('\t')
		w.WriteString(d.Label)
		w.WriteByte('\t')
		w.WriteString(d.Desc)
		w.WriteByte('\n')
	}
}
