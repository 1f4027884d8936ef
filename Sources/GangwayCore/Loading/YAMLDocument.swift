import Yams

/// Parses YAML into Yams nodes, turning every libYAML error into a diagnostic at its own position.
/// `lineOffset` shifts positions when the YAML is front matter inside a Markdown file.
struct YAMLDocument {
    let file: String
    let lineOffset: Int

    func parse(_ text: String, into diagnostics: inout [Diagnostic]) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, text: text))
            return nil
        } catch {
            diagnostics.append(.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1 + lineOffset)))
            return nil
        }
    }

    func location(_ node: Node) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: max(mark.column, 1))
    }

    private func diagnostic(for error: YamlError, text: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error(message, at: location(mark))
        case let .reader(problem, offset, _, _):
            let loc = offset.map { lineAndColumn(ofByte: $0, in: text) } ?? location(nil)
            return .error("invalid YAML: \(problem)", at: loc)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("key \(keys) appears more than once in the same mapping", at: location(context.mark))
        default:
            return .error("invalid YAML: \(error)", at: location(nil))
        }
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
