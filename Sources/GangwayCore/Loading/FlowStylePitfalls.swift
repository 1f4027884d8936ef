/// The mistakes one-line `{…}` mappings invite, in a case file's step records, and a hint for
/// each: to quote the value or write the record in block style. YAML reads them as something
/// else (`{status:done}` as one key, a comma inside a value as the start of a new key, ` #` as a
/// comment that swallows the closing `}`), so without a hint the message points the wrong way.
enum FlowStylePitfalls {
    static let blockStyle = "or write the step in block style, one key a line"

    /// A better hint for an unknown key of a record, when the key's shape shows the pitfall.
    /// `previous` is the value of the key before it in the same mapping.
    static func hint(forUnknownKey key: String, keyNode: YAMLNode, value: YAMLNode, previous: YAMLNode?, known: [String], doc: YAMLDocument) -> String? {
        if let colon = key.firstIndex(of: ":"), known.contains(String(key[..<colon])) {
            let rest = key[key.index(after: colon)...]
            return "YAML needs a space after the colon: write '\(key[..<colon]): \(rest)'"
        }
        // In block style a comma is part of the value; on one line with the value before it, this is flow style.
        if doc.isNull(value), let previous, doc.isScalar(previous), doc.isPlain(previous), !doc.isNull(previous),
           doc.tree.line(keyNode) == doc.tree.line(previous) {
            return "a comma ends a value inside { }: put the whole value in quotes, like \"\(doc.text(previous)), \(key)\", \(blockStyle)"
        }
        return nil
    }

    /// A YAML error inside `{…}` moved to, and explained at, the character that caused it:
    /// ` #` that began a comment (libYAML reports the missing `}` on a later line), or `: `
    /// inside a value.
    static func explain(_ diagnostic: Diagnostic, text: String, file: String) -> Diagnostic {
        guard diagnostic.message.hasPrefix("invalid YAML: did not find expected ',' or '}'") else { return diagnostic }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let line = diagnostic.location.line
        // ` #` after an unclosed `{` on this line or the one above.
        for n in [line, line - 1] where n >= 1 && n <= lines.count {
            let chars = lines[n - 1]
            guard let open = chars.firstIndex(of: "{"),
                  let hash = (open..<chars.count).first(where: { chars[$0] == "#" && $0 > 0 && chars[$0 - 1] == " " }),
                  !chars[open..<hash].contains("}") else { continue }
            var moved = diagnostic
            moved.location = SourceLocation(file: file, line: n, column: hash + 1)
            var value = String(String.UnicodeScalarView(chars[hash...])).trimmingCharacters(in: .whitespaces)
            while value.hasSuffix("}") || value.hasSuffix(" ") { value.removeLast() }
            moved.hint = "' #' starts a comment, which hides the rest of the line and its '}': put the value in quotes, like \"\(value)\", \(blockStyle)"
            return moved
        }
        // `: ` inside a value: the error sits just after that colon.
        let column = diagnostic.location.column
        if line >= 1, line <= lines.count, column >= 1, column - 1 < lines[line - 1].count, lines[line - 1][column - 1] == ":" {
            let chars = lines[line - 1]
            var start = column - 1
            while start > 1, !(chars[start - 1] == " " && chars[start - 2] == ":") { start -= 1 }
            var end = column
            while end < chars.count, chars[end] != ",", chars[end] != "}" { end += 1 }
            let value = String(String.UnicodeScalarView(chars[start..<end])).trimmingCharacters(in: .whitespaces)
            var explained = diagnostic
            explained.hint = "a value inside { } that holds ': ' needs quotes, like \"\(value)\", \(blockStyle)"
            return explained
        }
        return diagnostic
    }
}
