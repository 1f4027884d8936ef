import CYaml
import Yams

/// Composes one YAML document into a `YAMLTree` in a single pass over libYAML's events, checking
/// `YAMLLimits` on the way. It gives the tree, the marks and the errors `Yams.compose` gives with
/// `YAMLDocument.resolver` (`YAMLComposerTests` compares them), for less: Yams builds an enum
/// of boxed nodes, each with a `Tag` object, whose every copy is reference counted, checks keys
/// by hashing whole nodes and resolves each key's tag with a regular expression; here a node is
/// an entry in a flat table, keys are compared as (text, tag) and plain scalars are resolved by
/// hand, byte by byte.
///
/// What Yams does and this keeps, so that every reader and rule sees the same nodes:
/// - an alias is the anchored node itself (same mark), and an anchor is defined once its node
///   is complete, so an alias inside its own anchor's node is undefined;
/// - a plain scalar's tag is what the resolver's rules (bool, int, null, merge) give, a quoted
///   or block one is `str`, an explicit tag is kept as written; a plain scalar left implicit
///   by Yams until something asks (`Node.bool` reads the tag unresolved) still is, where that
///   makes a difference (see `ScalarTags`); every key's tag is resolved when its mapping is
///   complete, as Yams' duplicate check resolves it;
/// - a collection's style is read from its end event, which carries none (`.any`), as Yams reads it;
/// - the first error in the stream wins, except that going past a limit anywhere before
///   libYAML's own first error wins over all (the limits were checked on the whole text first).
enum YAMLComposer {
    enum Failure: Error {
        case excess(YAMLLimits.Excess)
        /// libYAML's reader (bad characters); `offset` counts Characters, as Yams counts it.
        case reader(problem: String, offset: Int?)
        /// libYAML's scanner and parser, and the composer's own (undefined alias, a second document).
        case syntax(context: Context?, problem: String, mark: Mark)
        /// The duplicated key that sorts first, and where it is first written.
        case duplicateKey(String, first: Mark)
        case memory

        struct Context {
            let text: String
            let mark: Mark
        }
    }

    /// The tree and its root: nil when the text holds no document (empty, or only comments).
    static func compose(_ text: String) -> Result<(tree: YAMLTree, root: YAMLNode?), Failure> {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(.memory) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var state = State()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(state.failure ?? libYAMLFailure(parser, text: text))
                }
                defer { yaml_event_delete(&event) }
                if let excess = state.take(event) { return .failure(.excess(excess)) }
                if event.type == YAML_STREAM_END_EVENT { break }
            }
            if let failure = state.failure { return .failure(failure) }
            return .success((state.tree, state.root))
        }
    }

    /// The composer's state between events: the open collections, the anchors, the limits' counts.
    private struct State {
        private struct Open {
            let isMapping: Bool
            let tag: Int32
            let line: Int
            let column: Int
            let anchor: String?
            /// Where its children start in `pending`.
            let start: Int
            /// The values it holds so far, itself included, for the alias limit (capped just past it).
            var size = 1
        }

        private(set) var tree = YAMLTree()
        private var open: [Open] = []
        /// The children of the open collections, innermost last.
        private var pending: [YAMLNode] = []
        private var anchors: [String: (node: YAMLNode?, size: Int)] = [:]
        private var added = 0
        private var documents = 0
        /// Nodes are built until the first error; the limits are counted to the end of the stream.
        private(set) var failure: Failure?
        private(set) var root: YAMLNode?
        private var building: Bool { failure == nil && documents == 1 }

        /// Takes one event; returns where a limit is first exceeded.
        mutating func take(_ event: yaml_event_t) -> YAMLLimits.Excess? {
            let (line, column) = (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]
                added = 0
                documents += 1
                if documents == 2, failure == nil {
                    failure = .syntax(context: .init(text: "expected a single document in the stream", mark: Mark(line: 1, column: 1)),
                                      problem: "but found another document", mark: Mark(line: line, column: column))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let anchor = name(scalar.anchor)
                var node: YAMLNode?
                if building {
                    let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                    let tag = scalar.quoted_implicit == 1 ? TagCode.str : scalar.tag.map { tree.tagCode(named: String(cString: $0)) }
                        ?? ScalarTags.plain(value)
                    node = tree.addScalar(text(value), style: UInt8(truncatingIfNeeded: scalar.style.rawValue), tag: tag, line: line, column: column)
                }
                close(node, size: 1, anchor: anchor)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if open.count >= YAMLLimits.nesting { return .nesting(line: line, column: column) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let (m, s) = (event.data.mapping_start, event.data.sequence_start)
                let (anchor, tag, implicit) = isMapping ? (m.anchor, m.tag, m.implicit) : (s.anchor, s.tag, s.implicit)
                var code = isMapping ? TagCode.map : TagCode.seq
                if implicit == 0, let tag, building {
                    let written = String(cString: tag)
                    if written != Tag.Name.nonSpecific.rawValue { code = tree.tagCode(named: written) }
                }
                open.append(Open(isMapping: isMapping, tag: code, line: line, column: column, anchor: name(anchor), start: pending.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let last = open.popLast() else { break }
                var node: YAMLNode?
                if building {
                    let children = pending[last.start...]
                    if last.isMapping, let duplicate = DuplicateKeys.first(in: children, tree: &tree) {
                        failure = .duplicateKey(duplicate.key, first: duplicate.mark)
                    } else {
                        // The end event carries no style: Yams reads libYAML's zero, "any".
                        let style = UInt8(truncatingIfNeeded: last.isMapping ? event.data.mapping_start.style.rawValue
                                                                             : event.data.sequence_start.style.rawValue)
                        node = tree.addCollection(mapping: last.isMapping, children: children, tag: last.tag, style: style,
                                                  line: last.line, column: last.column)
                    }
                }
                pending.removeSubrange(last.start...)
                close(node, size: last.size, anchor: last.anchor)
            case YAML_ALIAS_EVENT:
                let anchored = name(event.data.alias.anchor).flatMap { anchors[$0] }
                // An undefined alias counts as one value.
                added += anchored?.size ?? 1
                if added > YAMLLimits.aliasExpansion { return .aliases(line: line, column: column) }
                if building, anchored?.node == nil {
                    failure = .syntax(context: nil, problem: "found undefined alias", mark: Mark(line: line, column: column))
                }
                close(anchored?.node, size: anchored?.size ?? 1, anchor: nil)
            default:
                break
            }
            return nil
        }

        /// A complete value: counted into its parent, anchored, and added to the tree.
        private mutating func close(_ node: YAMLNode?, size: Int, anchor: String?) {
            if let anchor { anchors[anchor] = (building ? node : nil, size) }
            guard !open.isEmpty else {
                if building { root = node }
                return
            }
            let top = open.count - 1
            open[top].size = min(open[top].size + size, YAMLLimits.aliasExpansion + 1)
            guard building, let node else { return }
            pending.append(node)
        }

        /// A scalar's text as Yams makes it, with Foundation's `String(bytes:encoding:)`, which
        /// drops a byte order mark at the start (`"\uFEFF…"`).
        private func text(_ value: UnsafeBufferPointer<UInt8>) -> String {
            let bom = value.count >= 3 && value[0] == 0xEF && value[1] == 0xBB && value[2] == 0xBF
            return String(decoding: bom ? UnsafeBufferPointer(rebasing: value[3...]) : value, as: UTF8.self)
        }

        private func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: $0) }
        }
    }

    /// libYAML's error, as Yams reports it.
    private static func libYAMLFailure(_ parser: yaml_parser_t, text: String) -> Failure {
        func mark(_ m: yaml_mark_t) -> Mark { Mark(line: Int(m.line) + 1, column: Int(m.column) + 1) }
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        switch parser.error {
        case YAML_READER_ERROR:
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: parser.problem_offset, limitedBy: text.utf8.endIndex)?
                .samePosition(in: text)
            return .reader(problem: problem, offset: index.map { text.distance(from: text.startIndex, to: $0) })
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let context = parser.context.map { Failure.Context(text: String(cString: $0), mark: mark(parser.context_mark)) }
            return .syntax(context: context, problem: problem, mark: mark(parser.problem_mark))
        default:
            return .memory
        }
    }
}

/// The tags the composer gives plain scalars, as `TagCode`s.
enum ScalarTags {
    /// The tag of a plain scalar without one. `Node.bool` reads a scalar's tag as it stands, and
    /// Yams leaves a value's tag unresolved unless it is also a key: then `tRuE` reads as true,
    /// though it resolves to `str`. Those few keep the implicit tag, as with Yams.
    static func plain(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        let code = resolvedCode(text)
        return code == TagCode.str && looksBoolean(text) ? TagCode.implicit : code
    }

    /// What `YAMLDocument.resolver` resolves `text` to: its rules in order (bool, int, null, merge),
    /// each a whole-text match of an ICU pattern whose `$` also matches before one final line break.
    static func resolve(_ text: UnsafeBufferPointer<UInt8>) -> Tag.Name {
        switch resolvedCode(text) {
        case TagCode.bool: return .bool
        case TagCode.int: return .int
        case TagCode.null: return .null
        case TagCode.merge: return .merge
        default: return .str
        }
    }

    /// `resolve`, as a `TagCode`: what the composer stores, with no tag name to compare as text
    /// (mapping the resolved name to a code compared it as text: 0.9 % of a 10,000-clinic build).
    static func resolvedCode(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        let core = UnsafeBufferPointer(rebasing: text[..<(text.count - finalBreakLength(text))])
        if isBool(core) { return TagCode.bool }
        if isInt(core) { return TagCode.int }
        if isNull(core) { return TagCode.null }
        if core.count == 2, core[0] == UInt8(ascii: "<"), core[1] == UInt8(ascii: "<") { return TagCode.merge }
        return TagCode.str
    }

    /// The length of the line break ICU's `$` may stand before at the end of the text.
    private static func finalBreakLength(_ t: UnsafeBufferPointer<UInt8>) -> Int {
        let n = t.count
        guard n > 0 else { return 0 }
        switch t[n - 1] {
        case 0x0A: return n >= 2 && t[n - 2] == 0x0D ? 2 : 1
        case 0x0B, 0x0C, 0x0D: return 1
        case 0x85 where n >= 2 && t[n - 2] == 0xC2: return 2                                   // NEL
        case 0xA8 where n >= 3 && t[n - 3] == 0xE2 && t[n - 2] == 0x80: return 3               // LS
        case 0xA9 where n >= 3 && t[n - 3] == 0xE2 && t[n - 2] == 0x80: return 3               // PS
        default: return 0
        }
    }

    private static let boolWords: [[UInt8]] = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                               "on", "On", "ON", "off", "Off", "OFF"].map { Array($0.utf8) }
    private static let lowerBoolWords: [[UInt8]] = ["true", "yes", "on", "false", "no", "off"].map { Array($0.utf8) }
    /// The spellings of null; a plain scalar written as one of them is empty (`YAMLTree.isNull`).
    static let nullWords: [[UInt8]] = ["", "~", "null", "Null", "NULL"].map { Array($0.utf8) }

    private static func isBool(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        t.count >= 2 && t.count <= 5 && boolWords.contains { $0.elementsEqual(t) }
    }

    private static func isNull(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        t.count <= 4 && nullWords.contains { $0.elementsEqual(t) }
    }

    /// Whether `Bool.construct` would read `text` as a boolean, were its tag unresolved: its
    /// lower-cased form is one of Yams' words.
    private static func looksBoolean(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 2, text.count <= 20 else { return false }
        if text.allSatisfy({ $0 < 0x80 }) {
            guard text.count <= 5 else { return false }
            return lowerBoolWords.contains { $0.elementsEqual(text.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }) }
        }
        // Lower-casing maps a scalar to one or more, so more than five cannot become a word.
        guard text.lazy.filter({ $0 & 0xC0 != 0x80 }).count <= 5 else { return false }
        let lowered = String(decoding: text, as: UTF8.self).lowercased()
        return lowerBoolWords.contains { $0.elementsEqual(lowered.utf8) }
    }

    /// `[-+]?` then one of: `0b[0-1_]+`, `0o?[0-7_]+`, `0|[1-9][0-9_]*`, `0x[0-9a-fA-F_]+`,
    /// `[1-9][0-9_]*(?::[0-5]?[0-9])+`.
    private static func isInt(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < t.count, t[i] == UInt8(ascii: "-") || t[i] == UInt8(ascii: "+") { i += 1 }
        guard i < t.count else { return false }
        let rest = UnsafeBufferPointer(rebasing: t[i...])
        func all(from start: Int, _ allowed: (UInt8) -> Bool) -> Bool {
            start < rest.count && rest[start...].allSatisfy(allowed)
        }
        let isDigit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        if rest[0] == UInt8(ascii: "0") {
            if rest.count == 1 { return true }
            switch rest[1] {
            case UInt8(ascii: "b"): return all(from: 2) { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }
            case UInt8(ascii: "x"): return all(from: 2) { isDigit($0) || $0 == UInt8(ascii: "_") || (($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "f")) }
            case UInt8(ascii: "o"): return all(from: 2, isOctal)
            default: return all(from: 1, isOctal)
            }
        }
        guard rest[0] >= UInt8(ascii: "1"), rest[0] <= UInt8(ascii: "9") else { return false }
        var j = 1
        while j < rest.count, isDigit(rest[j]) || rest[j] == UInt8(ascii: "_") { j += 1 }
        if j == rest.count { return true }
        // Sexagesimal: one or more `:` each followed by one or two digits, the first of two at most 5.
        while j < rest.count {
            guard rest[j] == UInt8(ascii: ":") else { return false }
            j += 1
            guard j < rest.count, isDigit(rest[j]) else { return false }
            if j + 1 < rest.count, isDigit(rest[j + 1]) {
                guard rest[j] <= UInt8(ascii: "5") else { return false }
                j += 2
            } else {
                j += 1
            }
        }
        return true
    }

    private static func isOctal(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "7")) || c == UInt8(ascii: "_")
    }
}

/// Yams reports a mapping's duplicated keys, the one that sorts first by text, at its first
/// occurrence. Keys are equal when their text and resolved tag are (so `1` and `"1"` differ).
/// Every key's tag is resolved on the way, as Yams' check resolves it.
enum DuplicateKeys {
    /// `children`: a mapping's, key and value alternately.
    static func first(in children: ArraySlice<YAMLNode>, tree: inout YAMLTree) -> (key: String, mark: Mark)? {
        let keyNodes = stride(from: children.startIndex, to: children.endIndex, by: 2).map { children[$0] }
        var keys: [(text: String, tag: Int32)] = []
        keys.reserveCapacity(keyNodes.count)
        for key in keyNodes {
            guard tree.isScalar(key) else { return yamsOrder(keyNodes, tree: &tree) }
            tree.resolve(key)
            keys.append((tree.text(key), tree.resolvedTag(key)))
        }
        guard keys.count > 1 else { return nil }
        // The first occurrence of the duplicated key that sorts first; among equal texts, the earliest.
        var best: Int?
        func consider(_ first: Int) {
            if best.map({ keys[first].text < keys[$0].text }) ?? true { best = first }
        }
        if keys.count <= 16 {
            var repeated = [Bool](repeating: false, count: keys.count)
            for a in 0..<keys.count where !repeated[a] {
                var twice = false
                for b in (a + 1)..<keys.count where !repeated[b] && keys[a].tag == keys[b].tag && keys[a].text == keys[b].text {
                    repeated[b] = true
                    twice = true
                }
                if twice { consider(a) }
            }
        } else {
            var firsts: [Key: Int] = [:]
            var reported: Set<Int> = []
            for (i, key) in keys.enumerated() {
                let k = Key(text: key.text, tag: key.tag)
                if let f = firsts[k] {
                    if reported.insert(f).inserted { consider(f) }
                } else {
                    firsts[k] = i
                }
            }
        }
        return best.map { (keys[$0].text, Mark(line: tree.line(keyNodes[$0]), column: tree.column(keyNodes[$0]))) }
    }

    private struct Key: Hashable {
        let text: String
        let tag: Int32
    }

    /// A mapping with a list or mapping as a key: Yams' own algorithm, on `Node`'s equality and
    /// order. Hashing a node resolves the tag of everything under it, so that is done here too.
    private static func yamsOrder(_ keys: [YAMLNode], tree: inout YAMLTree) -> (key: String, mark: Mark)? {
        for key in keys { tree.resolveAll(key) }
        let nodes = keys.map { tree.yamsNode($0) }
        let duplicates = Dictionary(grouping: nodes) { $0 }.filter { $1.count > 1 }
        guard let firstKey = duplicates.keys.sorted().first else { return nil }
        return (firstKey.string ?? "<uncovertable>", firstKey.mark ?? Mark(line: 0, column: 0))
    }
}

extension Mark {
    /// Yams gives `Mark` no public initializer; its layout is its two stored `Int`s, line then
    /// column (a test checks it), so one is made from the same pair.
    init(line: Int, column: Int) {
        self = unsafeBitCast(MarkFields(line: line, column: column), to: Mark.self)
    }
}

private struct MarkFields {
    let line: Int
    let column: Int
}
