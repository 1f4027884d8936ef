/// Turns one template's text into compiled nodes in a single pass over its UTF-8 bytes.
///
/// Linear in the input: the scanner never looks back, the column is counted incrementally, and
/// sections, parents and blocks open on an explicit stack (never by recursion), so no input
/// can make the parser slow or overflow the thread's stack.
///
/// A template is read line by line. Each line's text runs and tags are collected first, then the
/// line is either standalone (one section, comment, partial, parent, block or set-delimiter tag
/// with only blanks around it: the whole line, its newline included, is dropped) or emitted as is.
struct TemplateParser {
    let bytes: [UInt8]
    let file: String
    /// Every template's index by name, known before any is parsed, so partials resolve here.
    let templates: [String: Int]
    let selfIndex: Int
    /// Block names interned across the library.
    var blocks: [String: Int]

    var errors: [TemplateError] = []
    var references: [PartialReference] = []

    var pos = 0
    var line = 1
    var lineStart = 0
    private var columnAt = 0
    private var column = 1
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)
    /// Set by an error that makes the rest of the template meaningless (an unclosed comment, a
    /// nest deeper than the limit): parsing stops there.
    var stopped = false
    /// Set by the first close tag that does not match the open section: the structure after it is
    /// a guess, so the closes and unclosed sections that follow from it are not reported again.
    var structureBroken = false

    var items: [LineItem] = []
    /// A line has begun and nothing of it is in the tree yet.
    var lineStartPending = false
    var frames: [Frame]
    /// Sections, inverted sections and blocks open now: a partial called inside one is guarded,
    /// since the data (or an override replacing the block) can end a recursion through it.
    var guards = 0

    init(source: TemplateSource, templates: [String: Int], selfIndex: Int, blocks: [String: Int]) {
        self.bytes = Array(source.text.utf8)
        self.file = source.file
        self.templates = templates
        self.selfIndex = selfIndex
        self.blocks = blocks
        self.frames = [Frame(kind: .root, name: "", at: Position(line: 1, column: 1))]
    }

    /// The template's nodes; `errors` tells whether they may be used.
    mutating func parse() -> [Node] {
        let count = bytes.count
        var textStart = 0
        while pos < count && !stopped {
            let byte = bytes[pos]
            if byte == Byte.newline {
                addText(textStart..<pos)
                pos += 1
                endLine(newline: (pos - 1)..<pos)
                line += 1
                lineStart = pos
                textStart = pos
            } else if byte == open[0] && matches(open, at: pos) {
                addText(textStart..<pos)
                readTag()
                textStart = pos
            } else {
                pos += 1
            }
        }
        guard !stopped else { return [] }
        addText(textStart..<pos)
        endLine(newline: nil)
        guard !stopped else { return [] }
        for frame in frames.dropFirst().reversed() where !structureBroken {
            error(.syntax("\(frame.what) '\(frame.name)' is opened but never closed"), at: frame.at)
        }
        frames[0].flushText()
        return frames[0].nodes
    }

    mutating func error(_ kind: TemplateError.Kind, at position: Position) {
        errors.append(TemplateError(kind: kind, file: file, line: position.line, column: position.column))
    }

    /// The position of `offset`, which is never before the last position asked for.
    mutating func position(of offset: Int) -> Position {
        if columnAt < lineStart {
            columnAt = lineStart
            column = 1
        }
        var i = columnAt
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        columnAt = offset
        return Position(line: line, column: column)
    }

    func matches(_ sequence: [UInt8], at offset: Int) -> Bool {
        guard offset + sequence.count <= bytes.count else { return false }
        for (i, b) in sequence.enumerated() where bytes[offset + i] != b { return false }
        return true
    }

    private mutating func addText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if case .text(let last)? = items.last, last.upperBound == range.lowerBound {
            items[items.count - 1] = .text(last.lowerBound..<range.upperBound)
        } else {
            items.append(.text(range))
        }
    }
}

/// A reference from one template to another, for the cycle check.
struct PartialReference: Sendable {
    var target: Int
    /// Inside a section or inverted section, which can end a recursion.
    var guarded: Bool
    var at: Position
}

enum Byte {
    static let newline = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }
    static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab || b == newline || b == cr }
}
