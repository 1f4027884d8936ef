/// Renders a library's program into one byte buffer. The context stack, the indentation and
/// the active block overrides are arrays reused for the whole render; recursion follows the
/// template's nesting, which compile-time and render-time limits bound.
struct Renderer {
    let templates: [CompiledTemplate]
    let program: Program
    var out: [UInt8] = []
    /// Where this render's output starts in `out`: the start of a line.
    var base = 0
    var stack: [MustacheValue] = []
    var indent: [UInt8] = []
    /// Overrides of the parents being rendered, outermost first: the outermost wins.
    var overrides: [Program.OverrideRef] = []
    var depth = 0
    /// The template whose ops are rendering, for the position of a render-time error.
    var template: Int

    init(templates: [CompiledTemplate], program: Program, template: Int) {
        self.templates = templates
        self.program = program
        self.template = template
    }

    mutating func run(_ range: Range<Int>) throws(TemplateError) {
        let ops = program.ops  // one retain per body, not one per op while `self` changes
        var i = range.lowerBound
        while i < range.upperBound {
            let op = ops[i]
            switch op.code {
            case .text:
                emitText(op)
                i += 1
            case .lineStart:
                if !indent.isEmpty && atLineStart { out.append(contentsOf: indent) }
                i += 1
            case .escaped, .raw:
                if let value = lookup(op.a) { emit(value, escaped: op.code == .escaped) }
                i += 1
            case .section:
                if let value = lookup(op.a) { try renderSection(value, i + 1..<Int(op.b)) }
                i = Int(op.b)
            case .inverted:
                if !(lookup(op.a)?.isTruthy ?? false) { try run(i + 1..<Int(op.b)) }
                i = Int(op.b)
            case .partial:
                try expand(templates[Int(op.a)].root, of: Int(op.a), call: op.d)
                i += 1
            case .parent:
                let given = program.overrides[Int(op.b)..<Int(op.b + op.c)]
                overrides.append(contentsOf: given)
                try expand(templates[Int(op.a)].root, of: Int(op.a), call: op.d)
                overrides.removeLast(given.count)
                i += 1
            case .block:
                if let override = overrides.first(where: { $0.block == op.a }) {
                    try expand(Int(override.start)..<Int(override.end), of: Int(override.template), call: op.d)
                } else {
                    try run(i + 1..<Int(op.b))
                }
                i = Int(op.b)
            }
        }
    }

    private mutating func renderSection(_ value: MustacheValue, _ body: Range<Int>) throws(TemplateError) {
        switch value {
        case .null, .bool(false):
            break
        case .bool(true):
            try run(body)
        case .list(let items):
            for item in items {
                stack.append(item)
                try run(body)
                stack.removeLast()
            }
        case .int, .double, .string, .object:
            stack.append(value)
            try run(body)
            stack.removeLast()
        }
    }

    /// Renders a partial, a parent or an override one level deeper, with its indentation.
    private mutating func expand(_ range: Range<Int>, of target: Int, call: Int32) throws(TemplateError) {
        let call = program.calls[Int(call)]
        guard depth < MustacheLimits.renderDepth else {
            throw TemplateError(kind: .renderDepth(limit: MustacheLimits.renderDepth),
                                file: templates[template].file, line: call.at.line, column: call.at.column)
        }
        depth += 1
        let caller = template
        let indentCount = indent.count
        template = target
        if call.indentCount > 0 {
            indent.append(contentsOf: program.bytes[Int(call.indentStart)..<Int(call.indentStart + call.indentCount)])
        }
        try run(range)
        indent.removeLast(indent.count - indentCount)
        template = caller
        depth -= 1
    }

    private var atLineStart: Bool { out.count == base || out.last == Byte.newline }

    private mutating func emitText(_ op: Program.Op) {
        let start = Int(op.a), end = Int(op.a + op.b)
        guard !indent.isEmpty && op.d > 0 else {
            // Through a buffer pointer the copy is one memcpy, not the generic slice append.
            program.bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
            return
        }
        var from = start
        for k in Int(op.c)..<Int(op.c + op.d) {
            let lineStart = start + Int(program.lineStarts[k])
            out.append(contentsOf: program.bytes[from..<lineStart])
            if atLineStart { out.append(contentsOf: indent) }
            from = lineStart
        }
        out.append(contentsOf: program.bytes[from..<end])
    }

    /// The value a name stands for, or nil when it is missing. The first part is looked up from
    /// the innermost context outwards; the rest only inside what the first part found.
    private func lookup(_ nameIndex: Int32) -> MustacheValue? {
        let name = program.names[Int(nameIndex)]
        guard name.count > 0 else { return stack.last }
        let first = Int(name.first)
        var value: MustacheValue
        if name.anchored {
            guard let found = stack[stack.count - 1].child(program.keys[first]) else { return nil }
            value = found
        } else {
            var i = stack.count - 1
            while true {
                if let found = stack[i].child(program.keys[first]) {
                    value = found
                    break
                }
                guard i > 0 else { return nil }
                i -= 1
            }
        }
        for k in (first + 1)..<(first + Int(name.count)) {
            guard let next = value.child(program.keys[k]) else { return nil }
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

private extension MustacheValue {
    func child(_ key: HashedKey) -> MustacheValue? {
        guard case .object(let object) = self else { return nil }
        return object.value(for: key)
    }
}
