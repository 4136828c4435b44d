package main

import (
	"slices"

	"github.com/nldump/nldump/capture"
)

// protoSource hands out only the frames of some netlink protocols (--proto on a
// file; a live capture filters in the kernel instead). Frames keep their numbers
// in the file.
type protoSource struct {
	capture.Source
	protos []uint16
}

// keepProtocols filters src by netlink protocol.
func keepProtocols(src capture.Source, protos []uint16) capture.Source {
	return &protoSource{Source: src, protos: protos}
}

// Next returns the next frame of one of the protocols.
func (p *protoSource) Next() (capture.Frame, error) {
	for {
		fr, err := p.Source.Next()
		if err != nil || slices.Contains(p.protos, fr.Protocol) {
			return fr, err
		}
	}
}
