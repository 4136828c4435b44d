// Package ynl loads the kernel's YNL netlink specs (Documentation/netlink/specs/
// *.yaml in a kernel tree; schemas genetlink, genetlink-legacy, genetlink-c and
// netlink-raw) and turns them into the decode tables nldump uses for its built-in
// families, at run time: `nldump --spec FILE_OR_DIR`.
//
// # What is supported
//
// Attribute sets (also subset-of), nests, multi-attr, indexed arrays and
// nest-type-value, enums and flags (value-start, explicit values, enum-as-flags),
// byte order, display hints (hex, mac, ipv4, ipv6), structs as fixed headers and as
// binary attribute layouts (member lengths as numbers or const definitions),
// bitfield32, sub-messages chosen by a selector attribute, and both operation enum
// models (unified and directional, with name-prefix and async-prefix).
//
// # Errors
//
// A spec that cannot be used gets an error naming the file, the line and the
// problem: "specs/foo.yaml:41: attribute bar of set foo: nested-attributes "baz"
// names no attribute set".
package ynl
