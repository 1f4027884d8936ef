import Foundation
import Yams

/// Parses YAML into a `YAMLTree` (`YAMLComposer`), turning every libYAML error into a diagnostic at
/// its own position, and reads the tree's nodes for the loaders. `lineOffset` shifts positions
/// when the YAML is front matter inside a Markdown file.
struct YAMLDocument {
    /// Only the implicit types Gangway reads (booleans, whole numbers, null, merge keys).
    /// Yams' default set also tries float and timestamp patterns on every scalar, a regular
    /// expression each; dates are read from the text, so those would be wasted work.
    static let resolver = Resolver.basic.appending(.bool).appending(.int).appending(.null).appending(.merge)

    let file: String
    let lineOffset: Int
    /// The parsed document's nodes; empty until `parse`.
    private(set) var tree = YAMLTree()

    init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// The document's root node. Empty text (or only comments) gives an empty mapping, so that
    /// required keys are reported as missing rather than the file being skipped in silence.
    mutating func parse(_ text: String, into diagnostics: inout [Diagnostic]) -> YAMLNode? {
        switch YAMLComposer.compose(text) {
        case .success(let (tree, root)):
            self.tree = tree
            return root ?? self.tree.addCollection(mapping: true, children: [], tag: TagCode.map, style: YAMLTree.Style.any, line: 0, column: 0)
        case .failure(let failure):
            diagnostics.append(diagnostic(for: failure, text: text))
            return nil
        }
    }

    func location(_ node: YAMLNode) -> SourceLocation {
        location(line: tree.line(node), column: tree.column(node))
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// A position in the YAML text (1-based) as a position in the file.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(line, 1) + lineOffset, column: max(column, 1))
    }

    // MARK: The nodes, as the loaders read them

    func isScalar(_ node: YAMLNode) -> Bool { tree.isScalar(node) }
    func isMapping(_ node: YAMLNode) -> Bool { tree.kind(node) == .mapping }
    func isSequence(_ node: YAMLNode) -> Bool { tree.kind(node) == .sequence }
    func isPlain(_ node: YAMLNode) -> Bool { tree.style(node) == YAMLTree.Style.plain }
    /// A scalar's text; "" for a collection.
    func text(_ node: YAMLNode) -> String { tree.text(node) }
    func string(_ node: YAMLNode) -> String? { tree.string(node) }
    func bool(_ node: YAMLNode) -> Bool? { tree.bool(node) }
    func isNull(_ node: YAMLNode) -> Bool { tree.isNull(node) }
    func items(_ node: YAMLNode) -> ArraySlice<YAMLNode> { tree.kind(node) == .sequence ? tree.children(node) : [] }
    func pairCount(_ node: YAMLNode) -> Int { tree.pairCount(node) }
    func key(_ node: YAMLNode, _ pair: Int) -> YAMLNode { tree.key(node, pair) }
    func value(_ node: YAMLNode, _ pair: Int) -> YAMLNode { tree.value(node, pair) }
    func isMergeKey(_ node: YAMLNode) -> Bool { tree.isScalar(node) && tree.resolvedTag(node) == TagCode.merge }

    func kindName(_ node: YAMLNode) -> String {
        switch tree.kind(node) {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar: return isNull(node) ? "empty" : "text"
        }
    }

    /// The value quoted for a message (`'maybe'`), or its kind when it is not a short scalar.
    func describedValue(_ node: YAMLNode) -> String {
        let text = tree.text(node)
        guard isScalar(node), !isNull(node), text.count <= 40, !text.contains("\n") else { return kindName(node) }
        return "'\(text)'"
    }

    private func diagnostic(for failure: YAMLComposer.Failure, text: String) -> Diagnostic {
        switch failure {
        case .excess(.aliases(let line, let column)):
            return .error("aliases here would expand the YAML past \(YAMLLimits.aliasExpansion) values, the limit; it is not read",
                          at: location(line: line, column: column),
                          hint: "an anchor (&name) repeated by aliases (*name) that repeat others grows exponentially; write the values out")
        case .excess(.nesting(let line, let column)):
            return .error("lists and mappings nest here more than \(YAMLLimits.nesting) levels deep, the limit; it is not read",
                          at: location(line: line, column: column))
        case let .syntax(context, problem, mark):
            var message: String
            if let context, problem.hasPrefix("but ") {
                // libYAML splits some messages in two: "expected a single document …" + "but found another document".
                message = "invalid YAML: \(context.text), \(problem)"
            } else {
                message = "invalid YAML: \(problem)"
                if let context, context.mark.line != mark.line, !context.text.contains("next token") {
                    message += " (\(context.text) that starts on line \(context.mark.line + lineOffset))"
                }
            }
            return .error(message, at: location(mark), hint: YAMLHints.hint(problem: problem, at: mark, in: text))
        case let .reader(problem, offset):
            let loc = offset.map { lineAndColumn(ofByte: $0, in: text) } ?? location(nil)
            return .error("invalid YAML: \(problem)", at: loc)
        case let .duplicateKey(key, mark):
            let first = location(mark)
            let second = secondOccurrence(of: key, after: mark, in: text)
            return .error("key '\(key)' appears twice in the same mapping (first on line \(first.line))",
                          at: second ?? first, hint: "keep only one '\(key)'")
        case .memory:
            return .error("invalid YAML: Memory error", at: location(nil))
        }
    }

    /// Where `key` is written again below its first occurrence at `mark`, at the same indentation
    /// (block style) or after a comma on the same line (flow style). Yams only marks the first one.
    private func secondOccurrence(of key: String, after mark: Mark, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).unicodeScalars) }
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        func keyStarts(_ line: [Unicode.Scalar], at i: Int) -> Bool {
            spellings.contains { s in
                guard i + s.count <= line.count, Array(line[i..<(i + s.count)]) == s else { return false }
                var j = i + s.count
                while j < line.count, line[j] == " " { j += 1 }
                return j < line.count && line[j] == ":"
            }
        }
        // Flow style: `{a: 1, a: 2}` on the first key's own line.
        let firstLine = lines[mark.line - 1]
        for i in min(mark.column, firstLine.count)..<firstLine.count
        where firstLine[..<i].last(where: { $0 != " " }) == "," && keyStarts(firstLine, at: i) {
            return location(line: mark.line, column: i + 1)
        }
        // Block style: a later line indented like the first key.
        let indent = mark.column - 1
        for n in mark.line..<lines.count {
            let line = lines[n]
            let leading = line.prefix { $0 == " " }.count
            if leading == indent, keyStarts(line, at: indent) { return location(line: n + 1, column: indent + 1) }
        }
        return nil
    }

    private func lineAndColumn(ofByte offset: Int, in text: String) -> SourceLocation {
        var line = 1, column = 1
        for (i, byte) in text.utf8.enumerated() {
            if i >= offset { break }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }
}

/// How to fix the YAML mistakes people make most, keyed by libYAML's own wording.
enum YAMLHints {
    static func hint(problem: String, at mark: Mark, in text: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "put text that contains ': ' in quotes, like note: \"Sent: waiting for a reply\", and check this line's indentation"
        case "found character that cannot start any token":
            switch character(at: mark, in: text) {
            case "\t": return "YAML does not allow tabs here: indent with spaces"
            case let c?: return "text that starts with '\(c)' must be in quotes, like note: \"\(c)…\""
            case nil: return nil
            }
        case "did not find expected key", "did not find expected '-' indicator":
            return "check the indentation: keys of one mapping, and items of one list, must line up"
        case "could not find expected ':'":
            return "each line of a mapping needs 'key: value'; check the line above"
        case "did not find expected ',' or '}'":
            return "a '{' is not closed with '}', or a value in it contains a comma and needs quotes"
        case "did not find expected ',' or ']'":
            return "a '[' is not closed with ']', or an item in it contains a comma and needs quotes"
        case "found unexpected end of stream":
            return "a quote is opened but never closed"
        case "found undefined alias":
            return "text that starts with '*' must be in quotes"
        case "but found another document":
            return "remove the '---' line: this file holds one document"
        default:
            return nil
        }
    }

    private static func character(at mark: Mark, in text: String) -> Character? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column >= 1, mark.column <= scalars.count else { return nil }
        return Character(scalars[mark.column - 1])
    }
}
