package decode

// Fields that do not come from a message's bytes: properties of the message
// (frame number, protocol, direction), evaluated by the display-filter compiler,
// and the conversation fields a Pairer adds under an "nl" node of the tree.
var (
	defFrameNumber = FieldDef{Name: "frame.number", Label: "Frame", Kind: KindU32,
		Desc: "Number of the frame (1-based, as printed) the message came in."}
	defProtoName = FieldDef{Name: "nl.protocol", Label: "Protocol", Kind: KindString,
		Desc: "Netlink protocol name: route, generic, netfilter, sock_diag, xfrm, ... (proto-N when unnamed)."}
	defDirection = FieldDef{Name: "nl.direction", Label: "Direction", Kind: KindString,
		Desc: "Which way the message went: request, reply, notification, ack, error or unknown."}

	defConv = FieldDef{Name: "nl", Label: "Conversation", Kind: KindNone,
		Desc: "Request/reply pairing computed by nldump (generated; present with --pair, --stats, or a filter on nl.* fields)."}
	defRequestIn = FieldDef{Name: "nl.request_in", Label: "Request in frame", Kind: KindU32,
		Desc: "Frame number of the request this reply, ACK or error answers."}
	defResponseIn = FieldDef{Name: "nl.response_in", Label: "Response in frame", Kind: KindU32,
		Desc: "Frame number of the first answer to this request (needs a file: standard input cannot look ahead)."}
	defLatency = FieldDef{Name: "nl.latency", Label: "Latency", Kind: KindU64, Unit: "us",
		Desc: "Microseconds from the request to this answer (on a request: to its last answer)."}
	defDumpParts = FieldDef{Name: "nl.dump_parts", Label: "Dump parts", Kind: KindU32,
		Desc: "Number of NLM_F_MULTI messages the dump returned (on the request and on its NLMSG_DONE)."}
	defCopies = FieldDef{Name: "nl.copies", Label: "Copies", Kind: KindU32,
		Desc: "How many times nlmon saw this notification (one delivery per listening socket); with --dedup the other copies are not shown."}
	defProblem = FieldDef{Name: "nl.problem", Label: "Problem", Kind: KindString,
		Desc: "What is wrong with the exchange: dump without NLMSG_DONE, dump interrupted (NLM_F_DUMP_INTR), request never answered, ACK requested but missing."}
)

// MessageDefs returns the definitions of the message properties display filters
// can test besides the fields of the tree: frame.number, nl.protocol, nl.direction.
func MessageDefs() []*FieldDef { return []*FieldDef{&defFrameNumber, &defProtoName, &defDirection} }

// ConversationDefs returns the definitions of the fields a Pairer adds.
func ConversationDefs() []*FieldDef {
	return []*FieldDef{&defConv, &defRequestIn, &defResponseIn, &defLatency, &defDumpParts, &defCopies, &defProblem}
}
