/// A place in a template, 1-based; the column counts Unicode scalars.
struct Position: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A compiled template: where its ops are in the library's program, and where it came from
/// for render-time errors.
struct CompiledTemplate: Sendable {
    var name: String
    var file: String
    var root: Range<Int> = 0..<0
}

/// One piece of a parsed template, as the parser builds it; `Program` lowers it for rendering.
/// Names are split on "." and partials resolved to template indices once, at compile time.
enum Node: Sendable {
    /// Literal bytes; `lineStarts` are the offsets where a line of the template begins, where an
    /// indented partial's indentation goes.
    case text(Text)
    /// A template line that begins with a tag: the indentation point for that line.
    case lineStart
    case value(Name, escaped: Bool)
    case section(Name, body: [Node], inverted: Bool)
    /// `indentation` is the whitespace before a standalone `{{>name}}`, empty otherwise.
    case partial(template: Int, indentation: [UInt8], at: Position)
    /// `{{<name}}…{{/name}}`: the template with these blocks overridden.
    case parent(template: Int, overrides: [Override], indentation: [UInt8], at: Position)
    /// `{{$name}}default{{/name}}`; `indentation` is applied to an override rendered here.
    case block(id: Int, defaultBody: [Node], indentation: [UInt8], at: Position)

    struct Text: Sendable {
        var bytes: [UInt8]
        var lineStarts: [Int]
    }
}

/// A block's replacement given inside a parent tag, with the template it was written in.
struct Override: Sendable {
    var block: Int
    var body: [Node]
    var template: Int
}

/// A variable or section name, pre-split: `a.b.c` is `["a", "b", "c"]`, `.` is no parts, and a
/// leading dot (`.a`) looks in the current context only, as swift-mustache allows.
struct Name: Sendable {
    var parts: [String]
    var anchored: Bool

    var isImplicit: Bool { parts.isEmpty }
}
