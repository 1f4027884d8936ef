import Yams

/// Rewrites one step's record inside a case file's text, leaving every other byte as it was:
/// comments, key order, quoting, blank lines, CRLF line endings. Finds the record through the
/// positions Yams gives its nodes, and writes it back in the style it had: a block mapping,
/// a flow mapping `{…}`, or the `step: status` shorthand.
/// Pure: text in, text out. The text has no byte order mark (the caller keeps it aside).
struct StepRecordEditor {
    enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable
        case notAMapping
        case stepsNotBlock
        case recordNotEditable(String)

        var description: String {
            switch self {
            case .unreadable: return "the case file is not valid YAML; fix it first"
            case .notAMapping: return "the case file is not a mapping of keys to values"
            case .stepsNotBlock: return "'steps' is not written one step a line (block style); mark edits only that form"
            case .recordNotEditable(let id): return "the record of step '\(id)' is neither a status nor a mapping; fix it first"
            }
        }
    }

    enum Style { case block, flow, shorthand }

    let text: String
    private var lines: [String]
    private let eol: String

    init(text: String) {
        self.text = text
        // Split on scalars: as Characters, "\r\n" is one and would not split on "\n".
        self.lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        self.eol = text.contains("\r\n") ? "\r\n" : "\n"
    }

    /// The text with `stepID`'s record changed as `change` says. `order` is the guide's step order,
    /// which decides where a step not yet listed goes.
    func applying(_ change: StepChange, to stepID: String, order: [String], today: Day) throws -> String {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text, YAMLDocument.resolver) else { throw Failure.notAMapping }
            root = node
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.unreadable
        }
        guard case .mapping(let top) = root else { throw Failure.notAMapping }
        var out = self
        guard let (stepsKey, stepsValue) = top.first(where: { $0.key.string == "steps" }) else {
            out.appendSteps(stepID, change.fields(old: RecordFields(), today: today))
            return out.joined()
        }
        if stepsValue.isNull {
            try out.insertFirst(stepID, change.fields(old: RecordFields(), today: today), under: stepsKey)
            return out.joined()
        }
        guard case .mapping(let steps) = stepsValue, !out.isFlow(stepsValue) else { throw Failure.stepsNotBlock }
        let records = steps.map { (key: $0.key, value: $0.value) }
        if let found = records.first(where: { $0.key.string == stepID }) {
            try out.replace(found.key, found.value, id: stepID, change: change, today: today)
        } else {
            try out.insert(stepID, change.fields(old: RecordFields(), today: today), among: records, order: order)
        }
        return out.joined()
    }

    // MARK: - Editing

    private func joined() -> String { lines.joined(separator: "\n") }

    /// A line without its `\r`, as Unicode scalars: Yams' columns count scalars.
    private func scalars(_ n: Int) -> [Unicode.Scalar] {
        var s = Array(lines[n].unicodeScalars)
        if s.last == "\r" { s.removeLast() }
        return s
    }

    private func cr(_ n: Int) -> String { lines[n].hasSuffix("\r") ? "\r" : "" }

    private static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: s)
        return out
    }

    private mutating func appendSteps(_ id: String, _ fields: RecordFields) {
        let ending = eol == "\r\n" ? "\r" : ""
        if lines.last == "" { lines.removeLast() }
        if let last = lines.indices.last, ending == "\r", !lines[last].hasSuffix("\r") { lines[last] += "\r" }
        lines.append("steps:" + ending)
        lines.append("  " + Self.flowLine(id, fields) + ending)
        lines.append("")
    }

    /// `steps:` with nothing under it: the record goes on the next line.
    private mutating func insertFirst(_ id: String, _ fields: RecordFields, under key: Node) throws {
        guard let mark = key.mark else { throw Failure.stepsNotBlock }
        let n = mark.line - 1
        let line = scalars(n)
        guard let colon = line[(mark.column - 1)...].firstIndex(of: ":") else { throw Failure.stepsNotBlock }
        let rest = Self.string(line[(colon + 1)...]).trimmingSpaces
        guard rest.isEmpty || rest.hasPrefix("#") else { throw Failure.stepsNotBlock }
        let indent = String(repeating: " ", count: mark.column - 1 + 2)
        lines.insert(indent + Self.flowLine(id, fields) + cr(n), at: n + 1)
    }

    private mutating func replace(_ key: Node, _ value: Node, id: String, change: StepChange, today: Day) throws {
        guard let keyMark = key.mark else { throw Failure.recordNotEditable(id) }
        let keyLine = keyMark.line - 1
        switch value {
        case .scalar where value.isNull:
            let new = change.fields(old: RecordFields(), today: today)
            try replaceAfterColon(keyLine, from: keyMark.column - 1, with: new.isStatusOnly ? RecordFields.scalar("status", new.status!, flow: false) : Self.flow(new), id: id)
        case .scalar(let scalar):
            guard let mark = value.mark else { throw Failure.recordNotEditable(id) }
            var old = RecordFields()
            old.status = scalar.string
            let new = change.fields(old: old, today: today)
            let start = mark.column - 1
            let end = Self.scalarEnd(scalars(mark.line - 1), from: start)
            splice(line: mark.line - 1, from: start, to: end, with: new.isStatusOnly ? RecordFields.scalar("status", new.status!, flow: false) : Self.flow(new))
        case .mapping(let map):
            guard let mark = value.mark else { throw Failure.recordNotEditable(id) }
            var old = RecordFields()
            for pair in map {
                guard let k = pair.key.string else { continue }
                old.order.append(k)
                let v = pair.value.isNull ? nil : pair.value.string
                switch k {
                case "status": old.status = v
                case "started": old.started = v
                case "done": old.done = v
                case "since": old.since = v
                case "note": old.note = v
                default: break
                }
            }
            let new = change.fields(old: old, today: today)
            if isFlow(value) {
                guard let (endLine, endColumn) = flowEnd(line: mark.line - 1, column: mark.column - 1) else { throw Failure.recordNotEditable(id) }
                spliceAcross(from: (mark.line - 1, mark.column - 1), to: (endLine, endColumn + 1), with: Self.flow(new))
            } else {
                editBlock(map, indent: mark.column - 1, recordEnd: blockEnd(after: keyLine, indent: keyMark.column - 1), old: old, new: new)
            }
        default:
            throw Failure.recordNotEditable(id)
        }
    }

    /// A block record is edited field by field: a field whose value stays keeps its lines as
    /// they were (comments, quoting, a block scalar); a changed one becomes one line, keeping the
    /// comment after a one-line value; a field that goes is removed; a new one goes where
    /// `RecordFields.canonical` puts it among the others.
    private mutating func editBlock(_ map: Node.Mapping, indent: Int, recordEnd: Int, old: RecordFields, new: RecordFields) {
        let pad = String(repeating: " ", count: indent)
        let keys = map.map { (name: $0.key.string ?? "", line: ($0.key.mark?.line ?? 1) - 1) }
        var spans: [(name: String, first: Int, last: Int)] = []
        for (i, key) in keys.enumerated() {
            let bound = i + 1 < keys.count ? keys[i + 1].line - 1 : recordEnd
            spans.append((key.name, key.line, min(blockEnd(after: key.line, indent: indent), bound)))
        }
        let wanted = Dictionary(new.pairs, uniquingKeysWith: { a, _ in a })
        // Edits by line index, applied from the bottom up so that earlier indices stay valid.
        var edits: [(at: Int, order: Int, remove: Int, lines: [String])] = []
        for span in spans where RecordFields.canonical.contains(span.name) {
            let before = old[span.name]
            guard let value = wanted[span.name] else {
                edits.append((span.first, 0, span.last - span.first + 1, []))
                continue
            }
            guard value != before else { continue }
            var tail = ""
            if span.first == span.last {
                let s = scalars(span.first)
                if let colon = s[indent...].firstIndex(of: ":") {
                    var start = colon + 1
                    while start < s.count, s[start] == " " { start += 1 }
                    tail = Self.string(s[Self.scalarEnd(s, from: start)...])
                }
            }
            edits.append((span.first, 0, span.last - span.first + 1,
                          [pad + span.name + ": " + RecordFields.scalar(span.name, value, flow: false) + tail + cr(span.last)]))
        }
        let present = Set(spans.map(\.name))
        for (key, value) in new.pairs where !present.contains(key) {
            let rank = RecordFields.rank(key)
            let after = spans.last { RecordFields.rank($0.name) < rank }
            let at = after.map { $0.last + 1 } ?? (spans.first?.first ?? recordEnd + 1)
            let ending = cr(after?.last ?? spans.first?.first ?? recordEnd)
            edits.append((at, 1 + rank, 0, [pad + key + ": " + RecordFields.scalar(key, value, flow: false) + ending]))
        }
        // Bottom up; at one index, insertions in reverse canonical order and replacements last,
        // so that what is inserted before a field lands above it, in canonical order.
        for edit in edits.sorted(by: { ($0.at, $0.order) > ($1.at, $1.order) }) {
            lines.replaceSubrange(edit.at..<(edit.at + edit.remove), with: edit.lines)
        }
    }

    private mutating func insert(_ id: String, _ fields: RecordFields, among records: [(key: Node, value: Node)], order: [String]) throws {
        guard let position = order.firstIndex(of: id) else { throw Failure.recordNotEditable(id) }
        let listed = records.compactMap { r -> (Int, Node, Node)? in
            guard let name = r.key.string, let i = order.firstIndex(of: name) else { return nil }
            return (i, r.key, r.value)
        }
        guard let anyRecord = listed.first ?? records.first.map({ (0, $0.key, $0.value) }),
              let anyMark = anyRecord.1.mark else { throw Failure.stepsNotBlock }
        let indent = String(repeating: " ", count: anyMark.column - 1)
        let neighbour = listed.last(where: { $0.0 < position }) ?? listed.first ?? anyRecord
        let text: [String]
        switch neighbour.2 {
        case .mapping where !isFlow(neighbour.2):
            let inner = String(repeating: " ", count: max((neighbour.2.mark?.column ?? anyMark.column + 2) - 1, indent.count + 1))
            text = [indent + id + ":"] + fields.pairs.map { inner + $0.0 + ": " + RecordFields.scalar($0.0, $0.1, flow: false) }
        case .scalar where !neighbour.2.isNull && fields.isStatusOnly:
            text = [indent + id + ": " + RecordFields.scalar("status", fields.status!, flow: false)]
        default:
            text = [indent + Self.flowLine(id, fields)]
        }
        if let before = listed.last(where: { $0.0 < position }), let mark = before.1.mark {
            let end = recordEnd(key: before.1, value: before.2, keyLine: mark.line - 1)
            let ending = cr(end)
            lines.insert(contentsOf: text.map { $0 + ending }, at: end + 1)
        } else {
            let after = listed.first(where: { $0.0 > position }) ?? anyRecord
            let n = (after.1.mark?.line ?? anyMark.line) - 1
            let ending = cr(n)
            lines.insert(contentsOf: text.map { $0 + ending }, at: n)
        }
    }

    // MARK: - Finding the end of a record

    /// Whether a mapping is written in flow style: its first character is `{`. (Yams composes
    /// every mapping with the style of its end event, which libYAML leaves unset, so
    /// `Node.Mapping.style` cannot tell.)
    func isFlow(_ node: Node) -> Bool {
        guard case .mapping = node, let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return false }
        let s = scalars(mark.line - 1)
        return mark.column >= 1 && mark.column <= s.count && s[mark.column - 1] == "{"
    }

    /// The last line of a record (index), whatever its style.
    private func recordEnd(key: Node, value: Node, keyLine: Int) -> Int {
        switch value {
        case .mapping where isFlow(value):
            if let mark = value.mark, let (line, _) = flowEnd(line: mark.line - 1, column: mark.column - 1) { return line }
            return keyLine
        case .mapping:
            return blockEnd(after: keyLine, indent: (key.mark?.column ?? 1) - 1)
        default:
            return keyLine
        }
    }

    /// The last line that belongs to a block record whose key is on `keyLine` at `indent`:
    /// lines indented deeper, with comment and blank lines at its end left to what follows.
    private func blockEnd(after keyLine: Int, indent: Int) -> Int {
        var last = keyLine
        var n = keyLine + 1
        while n < lines.count {
            let s = scalars(n)
            let leading = s.prefix { $0 == " " }.count
            let blank = leading == s.count
            if !blank {
                if leading <= indent { break }
                if s[leading] != "#" { last = n }
            }
            n += 1
        }
        return last
    }

    /// Where the `}` closing the flow mapping that opens at (`line`, `column`) sits.
    private func flowEnd(line: Int, column: Int) -> (Int, Int)? {
        var depth = 0
        var quote: Unicode.Scalar?
        var n = line, i = column
        while n < lines.count {
            let s = scalars(n)
            var previous: Unicode.Scalar = " "
            while i < s.count {
                let c = s[i]
                if let q = quote {
                    if q == "\"" && c == "\\" { i += 2; continue }
                    if c == q {
                        if q == "'" && i + 1 < s.count && s[i + 1] == "'" { i += 2; continue }
                        quote = nil
                    }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "#" && previous == " " {
                    break
                } else if c == "{" || c == "[" {
                    depth += 1
                } else if c == "}" || c == "]" {
                    depth -= 1
                    if depth == 0 { return (n, i) }
                }
                previous = c
                i += 1
            }
            n += 1
            i = 0
        }
        return nil
    }

    /// The end (exclusive) of a one-line scalar starting at `start`: its closing quote, or the
    /// start of a comment, trailing spaces left out.
    private static func scalarEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        guard start < s.count else { return start }
        if s[start] == "\"" || s[start] == "'" {
            let q = s[start]
            var i = start + 1
            while i < s.count {
                if q == "\"" && s[i] == "\\" { i += 2; continue }
                if s[i] == q {
                    if q == "'" && i + 1 < s.count && s[i + 1] == "'" { i += 2; continue }
                    return i + 1
                }
                i += 1
            }
            return s.count
        }
        var end = start
        var i = start
        while i < s.count {
            if s[i] == "#" && i > start && s[i - 1] == " " { break }
            if s[i] != " " { end = i + 1 }
            i += 1
        }
        return end
    }

    private mutating func splice(line n: Int, from start: Int, to end: Int, with replacement: String) {
        let s = scalars(n)
        lines[n] = Self.string(s[..<start]) + replacement + Self.string(s[min(end, s.count)...]) + cr(n)
    }

    private mutating func spliceAcross(from a: (Int, Int), to b: (Int, Int), with replacement: String) {
        let first = scalars(a.0), last = scalars(b.0)
        let merged = Self.string(first[..<a.1]) + replacement + Self.string(last[min(b.1, last.count)...]) + cr(b.0)
        lines.replaceSubrange(a.0...b.0, with: [merged])
    }

    private mutating func replaceAfterColon(_ n: Int, from column: Int, with replacement: String, id: String) throws {
        let s = scalars(n)
        guard let colon = s[column...].firstIndex(of: ":") else { throw Failure.recordNotEditable(id) }
        let end = Self.scalarEnd(s, from: colon + 1) // spaces only: the end of what follows, before a comment
        let tail = Self.string(s[end...])
        lines[n] = Self.string(s[...colon]) + " " + replacement + (tail.isEmpty || tail.hasPrefix(" ") ? tail : " " + tail) + cr(n)
    }

    // MARK: - Writing a record

    static func flow(_ f: RecordFields) -> String {
        "{" + f.pairs.map { $0.0 + ": " + RecordFields.scalar($0.0, $0.1, flow: true) }.joined(separator: ", ") + "}"
    }

    static func flowLine(_ id: String, _ f: RecordFields) -> String {
        id + ": " + flow(f)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}

extension Node {
    /// A plain scalar that YAML reads as empty, as `YAMLTree.isNull` reads it.
    fileprivate var isNull: Bool {
        guard case .scalar(let s) = self else { return false }
        return s.style == .plain && ScalarTags.nullWords.contains { $0.elementsEqual(s.string.utf8) }
    }
}
