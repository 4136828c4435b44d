package ynl

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The YAML document, as far as decoding needs it. Fields not listed (doc, mcast
// groups, kernel-policy, ...) are ignored.

type yFamily struct {
	Name        string         `yaml:"name"`
	Protocol    string         `yaml:"protocol"`
	Protonum    *int           `yaml:"protonum"`
	UAPIHeader  string         `yaml:"uapi-header"`
	Definitions []yDefinition  `yaml:"definitions"`
	Sets        []ySet         `yaml:"attribute-sets"`
	SubMessages []ySubMessage  `yaml:"sub-messages"`
	Operations  *yOperations   `yaml:"operations"`
	Extra       map[string]any `yaml:",inline"`
}

type yDefinition struct {
	Name       string    `yaml:"name"`
	Type       string    `yaml:"type"`
	Value      yaml.Node `yaml:"value"`
	NamePrefix *string   `yaml:"name-prefix"`
	EnumName   *string   `yaml:"enum-name"`
	ValueStart *int64    `yaml:"value-start"`
	Entries    []yEntry  `yaml:"entries"`
	Members    []yMember `yaml:"members"`
	Header     string    `yaml:"header"`
	line       int
}

func (d *yDefinition) UnmarshalYAML(n *yaml.Node) error {
	type plain yDefinition
	if err := n.Decode((*plain)(d)); err != nil {
		return err
	}
	d.line = n.Line
	return nil
}

// yEntry is an enum entry: a bare name or {name, value}.
type yEntry struct {
	Name  string
	Value *int64
	line  int
}

func (e *yEntry) UnmarshalYAML(n *yaml.Node) error {
	e.line = n.Line
	if n.Kind == yaml.ScalarNode {
		e.Name = n.Value
		return nil
	}
	var v struct {
		Name  string `yaml:"name"`
		Value *int64 `yaml:"value"`
	}
	if err := n.Decode(&v); err != nil {
		return err
	}
	e.Name, e.Value = v.Name, v.Value
	return nil
}

type yMember struct {
	Name      string    `yaml:"name"`
	Type      string    `yaml:"type"`
	Len       yaml.Node `yaml:"len"`
	ByteOrder string    `yaml:"byte-order"`
	Enum      string    `yaml:"enum"`
	AsFlags   bool      `yaml:"enum-as-flags"`
	Hint      string    `yaml:"display-hint"`
	Struct    string    `yaml:"struct"`
	line      int
}

func (m *yMember) UnmarshalYAML(n *yaml.Node) error {
	type plain yMember
	if err := n.Decode((*plain)(m)); err != nil {
		return err
	}
	m.line = n.Line
	return nil
}

type ySet struct {
	Name       string  `yaml:"name"`
	NamePrefix *string `yaml:"name-prefix"`
	SubsetOf   string  `yaml:"subset-of"`
	Attributes []yAttr `yaml:"attributes"`
	line       int
}

func (s *ySet) UnmarshalYAML(n *yaml.Node) error {
	type plain ySet
	if err := n.Decode((*plain)(s)); err != nil {
		return err
	}
	s.line = n.Line
	return nil
}

type yAttr struct {
	Name       string  `yaml:"name"`
	Type       string  `yaml:"type"`
	Value      *int64  `yaml:"value"`
	Nested     string  `yaml:"nested-attributes"`
	SubType    string  `yaml:"sub-type"`
	MultiAttr  bool    `yaml:"multi-attr"`
	Enum       string  `yaml:"enum"`
	AsFlags    bool    `yaml:"enum-as-flags"`
	ByteOrder  string  `yaml:"byte-order"`
	Hint       string  `yaml:"display-hint"`
	Struct     string  `yaml:"struct"`
	SubMessage string  `yaml:"sub-message"`
	Selector   string  `yaml:"selector"`
	NamePrefix *string `yaml:"name-prefix"`
	Doc        string  `yaml:"doc"`
	line       int
}

func (a *yAttr) UnmarshalYAML(n *yaml.Node) error {
	type plain yAttr
	if err := n.Decode((*plain)(a)); err != nil {
		return err
	}
	a.line = n.Line
	return nil
}

type ySubMessage struct {
	Name    string    `yaml:"name"`
	Formats []yFormat `yaml:"formats"`
	line    int
}

func (s *ySubMessage) UnmarshalYAML(n *yaml.Node) error {
	type plain ySubMessage
	if err := n.Decode((*plain)(s)); err != nil {
		return err
	}
	s.line = n.Line
	return nil
}

type yFormat struct {
	Value       string `yaml:"value"`
	Set         string `yaml:"attribute-set"`
	FixedHeader string `yaml:"fixed-header"`
}

type yOperations struct {
	EnumModel   string  `yaml:"enum-model"`
	NamePrefix  *string `yaml:"name-prefix"`
	AsyncPrefix *string `yaml:"async-prefix"`
	FixedHeader string  `yaml:"fixed-header"`
	List        []yOp   `yaml:"list"`
}

type yOp struct {
	Name        string    `yaml:"name"`
	Value       *int64    `yaml:"value"`
	Set         string    `yaml:"attribute-set"`
	FixedHeader string    `yaml:"fixed-header"`
	Do          *yOpMode  `yaml:"do"`
	Dump        *yOpMode  `yaml:"dump"`
	Notify      string    `yaml:"notify"`
	Event       yaml.Node `yaml:"event"`
	line        int
}

func (o *yOp) UnmarshalYAML(n *yaml.Node) error {
	type plain yOp
	if err := n.Decode((*plain)(o)); err != nil {
		return err
	}
	o.line = n.Line
	return nil
}

type yOpMode struct {
	Request *yMsg `yaml:"request"`
	Reply   *yMsg `yaml:"reply"`
}

type yMsg struct {
	Value *int64 `yaml:"value"`
}

// cName makes a C name from a prefix and a spec name: "ethtool-a-header-" +
// "dev-index" -> "ETHTOOL_A_HEADER_DEV_INDEX".
func cName(prefix, name string) string {
	return strings.ToUpper(strings.ReplaceAll(prefix+name, "-", "_"))
}

// intOf reads a YAML scalar that is a number or the name of a const definition.
func intOf(n *yaml.Node, consts map[string]int64) (int64, error) {
	if n.Kind == 0 {
		return 0, fmt.Errorf("missing")
	}
	if v, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
		return v, nil
	}
	if v, ok := consts[n.Value]; ok {
		return v, nil
	}
	return 0, fmt.Errorf("%q is neither a number nor a const definition", n.Value)
}
