extension TemplateParser {
    /// Reads the tag whose opening delimiter is at `pos` and adds it to the line, or reports why
    /// it cannot be read and moves past its start.
    mutating func readTag() {
        let start = pos
        let at = position(of: start)
        var p = start + open.count
        let sigil: UInt8 = p < bytes.count ? bytes[p] : 0
        switch sigil {
        case UInt8(ascii: "!"):
            guard let end = find(close, from: p + 1) else {
                error(.syntax("a comment is opened but never closed with '\(text(close))'"), at: at)
                stopped = true
                return
            }
            countNewlines(p..<end)
            pos = end + close.count
            items.append(.tag(Tag(sigil: sigil, name: "", at: at)))
            return
        case UInt8(ascii: "="):
            readDelimiters(from: p + 1, at: at)
            return
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: ">"),
             UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "{"):
            p += 1
        default:
            break
        }
        let tagSigil = p == start + open.count ? 0 : sigil
        let end = tagSigil == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close : close
        p = skipSpace(from: p)
        let nameStart = p
        while p < bytes.count && !Byte.isSpace(bytes[p]) && !matches(end, at: p) { p += 1 }
        let nameEnd = p
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        let saved = (line, lineStart)
        p = skipSpace(from: p)
        guard matches(end, at: p) else {
            (line, lineStart) = saved
            let shown = text(open) + (tagSigil == 0 ? "" : String(Character(Unicode.Scalar(tagSigil)))) + name
            error(.syntax("the tag '\(shown)' is not closed with '\(text(end))'"), at: at)
            pos = nameEnd
            return
        }
        pos = p + end.count
        guard !name.isEmpty else {
            error(.syntax("a tag has no name"), at: at)
            return
        }
        items.append(.tag(Tag(sigil: tagSigil, name: name, at: at)))
    }

    /// `{{=<% %>=}}`: two delimiters, blank-separated, neither holding `=` or a blank.
    private mutating func readDelimiters(from start: Int, at: Position) {
        let ending = [UInt8(ascii: "=")] + close
        guard let end = find(ending, from: start) else {
            error(.syntax("a set-delimiter tag is not closed with '\(text(ending))'"), at: at)
            stopped = true
            return
        }
        countNewlines(start..<end)
        pos = end + ending.count
        let parts = bytes[start..<end].split(whereSeparator: Byte.isSpace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            error(.syntax("a set-delimiter tag needs two delimiters with a blank between, as in '{{=<% %>=}}'"), at: at)
            return
        }
        open = Array(parts[0])
        close = Array(parts[1])
        items.append(.tag(Tag(sigil: UInt8(ascii: "="), name: "", at: at)))
    }

    /// Skips blanks and newlines inside a tag, counting lines.
    private mutating func skipSpace(from start: Int) -> Int {
        var p = start
        while p < bytes.count && Byte.isSpace(bytes[p]) {
            if bytes[p] == Byte.newline {
                line += 1
                lineStart = p + 1
            }
            p += 1
        }
        return p
    }

    private mutating func countNewlines(_ range: Range<Int>) {
        for i in range where bytes[i] == Byte.newline {
            line += 1
            lineStart = i + 1
        }
    }

    private func find(_ sequence: [UInt8], from start: Int) -> Int? {
        var p = start
        while p + sequence.count <= bytes.count {
            if bytes[p] == sequence[0] && matches(sequence, at: p) { return p }
            p += 1
        }
        return nil
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
