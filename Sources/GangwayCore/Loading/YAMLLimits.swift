import CYaml

/// Bounds on what one YAML document may cost, checked on libYAML's event stream before Yams
/// composes the node tree. Yams resolves an alias by copying the anchored node, so every later
/// walk (the credential scan, the readers, even Yams' own check for duplicate keys) visits the
/// expanded tree: nine levels of nine aliases is 460 bytes of text and 387 million nodes. The
/// events name each alias once, so counting here is linear in the text.
enum YAMLLimits {
    /// How many values aliases may add to a document, beyond those written in it.
    static let aliasExpansion = 10_000
    /// How deeply lists and mappings may nest (Yams composes them recursively).
    static let nesting = 100

    enum Excess: Equatable {
        case aliases(line: Int, column: Int)
        case nesting(line: Int, column: Int)
    }

    /// The first place where `text` goes past a limit, as 1-based line and column; nil when it
    /// stays within them, or when libYAML cannot parse it (the composer reports that error).
    static func check(_ text: String) -> Excess? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Excess? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

            // Open collections, each with the number of values it holds so far (itself included).
            var open: [(anchor: String?, size: Int)] = []
            var anchors: [String: Int] = [:]
            var added = 0
            func close(_ size: Int, anchor: String?) {
                if let anchor { anchors[anchor] = size }
                if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + size, aliasExpansion + 1) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_START_EVENT:
                    anchors = [:]
                    added = 0
                case YAML_SCALAR_EVENT:
                    close(1, anchor: name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if open.count >= nesting { return .nesting(line: line, column: column) }
                    let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    open.append((name(anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let last = open.popLast() { close(last.size, anchor: last.anchor) }
                case YAML_ALIAS_EVENT:
                    // An undefined alias counts as one value: the composer reports it.
                    let size = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                    added += size
                    if added > aliasExpansion { return .aliases(line: line, column: column) }
                    close(size, anchor: nil)
                default:
                    break
                }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
