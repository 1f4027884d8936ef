/// Renders compiled nodes into one byte buffer. The context stack, the indentation and the
/// active block overrides are arrays reused for the whole render; recursion follows the
/// template's nesting, which compile-time and render-time limits bound.
struct Renderer {
    let templates: [CompiledTemplate]
    var out: [UInt8] = []
    /// Where this render's output starts in `out`: the start of a line.
    var base = 0
    var stack: [MustacheValue] = []
    var indent: [UInt8] = []
    /// Overrides of the parents being rendered, outermost first: the outermost wins.
    var overrides: [Override] = []
    var depth = 0
    /// The template whose nodes are rendering, for the position of a render-time error.
    var template: Int

    init(templates: [CompiledTemplate], template: Int) {
        self.templates = templates
        self.template = template
    }

    mutating func render(_ nodes: [Node]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                if indent.isEmpty || text.lineStarts.isEmpty {
                    out.append(contentsOf: text.bytes)
                } else {
                    emitIndented(text)
                }
            case .lineStart:
                if !indent.isEmpty && atLineStart { out.append(contentsOf: indent) }
            case .value(let name, let escaped):
                if let value = lookup(name) { emit(value, escaped: escaped) }
            case .section(let name, let body, let inverted):
                let value = lookup(name)
                if inverted {
                    if !(value?.isTruthy ?? false) { try render(body) }
                } else if let value {
                    try renderSection(value, body)
                }
            case .partial(let target, let indentation, let at):
                try expand(templates[target].nodes, of: target, indentation: indentation, at: at)
            case .parent(let target, let given, let indentation, let at):
                overrides.append(contentsOf: given)
                try expand(templates[target].nodes, of: target, indentation: indentation, at: at)
                overrides.removeLast(given.count)
            case .block(let id, let defaultBody, let indentation, let at):
                if let override = overrides.first(where: { $0.block == id }) {
                    try expand(override.body, of: override.template, indentation: indentation, at: at)
                } else {
                    try render(defaultBody)
                }
            }
        }
    }

    private mutating func renderSection(_ value: MustacheValue, _ body: [Node]) throws(TemplateError) {
        switch value {
        case .null, .bool(false):
            break
        case .bool(true):
            try render(body)
        case .list(let items):
            for item in items {
                stack.append(item)
                try render(body)
                stack.removeLast()
            }
        case .int, .double, .string, .object:
            stack.append(value)
            try render(body)
            stack.removeLast()
        }
    }

    /// Renders a partial, a parent or an override one level deeper, with its indentation.
    private mutating func expand(_ nodes: [Node], of target: Int, indentation: [UInt8], at: Position) throws(TemplateError) {
        guard depth < MustacheLimits.renderDepth else {
            throw TemplateError(kind: .renderDepth(limit: MustacheLimits.renderDepth),
                                file: templates[template].file, line: at.line, column: at.column)
        }
        depth += 1
        let caller = template
        let indentCount = indent.count
        template = target
        indent.append(contentsOf: indentation)
        try render(nodes)
        indent.removeLast(indent.count - indentCount)
        template = caller
        depth -= 1
    }

    private var atLineStart: Bool { out.count == base || out.last == Byte.newline }

    private mutating func emitIndented(_ text: Node.Text) {
        var from = 0
        for start in text.lineStarts {
            out.append(contentsOf: text.bytes[from..<start])
            if atLineStart { out.append(contentsOf: indent) }
            from = start
        }
        out.append(contentsOf: text.bytes[from...])
    }

    /// The value a name stands for, or nil when it is missing. The first part is looked up from
    /// the innermost context outwards; the rest only inside what the first part found.
    private func lookup(_ name: Name) -> MustacheValue? {
        guard let first = name.parts.first else { return stack.last }
        var value: MustacheValue
        if name.anchored {
            guard case .object(let object)? = stack.last, let found = object[first] else { return nil }
            value = found
        } else {
            var found: MustacheValue?
            for entry in stack.reversed() {
                if case .object(let object) = entry, let v = object[first] {
                    found = v
                    break
                }
            }
            guard let found else { return nil }
            value = found
        }
        for part in name.parts.dropFirst() {
            guard case .object(let object) = value, let next = object[part] else { return nil }
            value = next
        }
        return value
    }

    private mutating func emit(_ value: MustacheValue, escaped: Bool) {
        switch value {
        case .null, .list, .object:
            break  // a list or object has no text of its own
        case .bool(let b):
            out.append(contentsOf: b ? Self.trueBytes : Self.falseBytes)
        case .int(let i):
            out.appendDecimal(i)
        case .double(let d):
            out.append(contentsOf: d.description.utf8)
        case .string(let s):
            if escaped { out.appendEscapingHTML(s) } else { out.append(contentsOf: s.utf8) }
        }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
}
