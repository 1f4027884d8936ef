/// Renders a library's program into one byte buffer. The context stack, the indentation and
/// the active block overrides are arrays reused for the whole render, and so is the stack of
/// bodies being rendered: the renderer loops, it never recurses, so the deepest render the
/// limits allow (100 partials inside 99 sections each) fits any thread's stack, a Dispatch
/// worker's included.
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
    /// Expansions so far in this render, against `MustacheLimits.expansions`.
    var expansions = 0
    /// The template whose ops are rendering, for the position of a render-time error.
    var template: Int
    var memo: RenderMemo?
    /// The list bodies whose current item is being kept for the memo, innermost last (positions in `bodies`).
    private var memoing: [Int] = []

    /// A body being rendered: ops `next ..< end`, and what to undo when it ends.
    private struct Body {
        enum Kind { case plain, pushedValue, list, expansion }
        var kind: Kind
        var start: Int
        var next: Int
        var end: Int
        /// A list section's items and the next one to render.
        var items: [MustacheValue] = []
        var item = 0
        /// An expansion's caller, and the indentation and overrides it added.
        var caller = 0
        var indentCount = 0
        var overrideCount = 0
        /// A list item kept for the memo: where its bytes start in `out` (-1: not kept), its
        /// level in the context stack, and whether a lookup went below that level.
        var memoStart = -1
        var memoLevel = 0
        var memoTainted = false
    }

    private var bodies: [Body] = []

    init(templates: [CompiledTemplate], program: Program, template: Int) {
        self.templates = templates
        self.program = program
        self.template = template
    }

    mutating func run(_ range: Range<Int>) throws(TemplateError) {
        let ops = program.ops
        bodies.reserveCapacity(32)
        bodies.append(Body(kind: .plain, start: range.lowerBound, next: range.lowerBound, end: range.upperBound))
        while !bodies.isEmpty {
            let top = bodies.count - 1
            let i = bodies[top].next
            guard i < bodies[top].end else {
                finishBody()
                continue
            }
            let op = ops[i]
            switch op.code {
            case .text:
                emitText(op)
                bodies[top].next = i + 1
            case .lineStart:
                if !indent.isEmpty && atLineStart { out.append(contentsOf: indent) }
                bodies[top].next = i + 1
            case .escaped, .raw:
                if let value = lookup(op.a) { emit(value, escaped: op.code == .escaped) }
                bodies[top].next = i + 1
            case .section:
                bodies[top].next = Int(op.b)
                if let value = lookup(op.a) { beginSection(value, i + 1..<Int(op.b)) }
            case .inverted:
                bodies[top].next = Int(op.b)
                if !(lookup(op.a)?.isTruthy ?? false) {
                    bodies.append(Body(kind: .plain, start: i + 1, next: i + 1, end: Int(op.b)))
                }
            case .partial:
                bodies[top].next = i + 1
                try beginExpansion(templates[Int(op.a)].root, of: Int(op.a), call: op.d, overrides: 0)
            case .parent:
                bodies[top].next = i + 1
                overrides.append(contentsOf: program.overrides[Int(op.b)..<Int(op.b + op.c)])
                try beginExpansion(templates[Int(op.a)].root, of: Int(op.a), call: op.d, overrides: Int(op.c))
            case .block:
                bodies[top].next = Int(op.b)
                if let override = overrides.first(where: { $0.block == op.a }) {
                    try beginExpansion(Int(override.start)..<Int(override.end), of: Int(override.template), call: op.d, overrides: 0)
                } else {
                    bodies.append(Body(kind: .plain, start: i + 1, next: i + 1, end: Int(op.b)))
                }
            }
        }
    }

    private mutating func beginSection(_ value: MustacheValue, _ body: Range<Int>) {
        switch value {
        case .null, .bool(false):
            break
        case .bool(true):
            bodies.append(Body(kind: .plain, start: body.lowerBound, next: body.lowerBound, end: body.upperBound))
        case .list(let items):
            guard !items.isEmpty else { return }
            stack.append(items[0])
            bodies.append(Body(kind: .list, start: body.lowerBound, next: body.lowerBound, end: body.upperBound, items: items, item: 0))
            startItems(bodies.count - 1)
        case .int, .double, .string, .object:
            stack.append(value)
            bodies.append(Body(kind: .pushedValue, start: body.lowerBound, next: body.lowerBound, end: body.upperBound))
        }
    }

    /// A partial, a parent or an override, one level deeper, with its indentation.
    private mutating func beginExpansion(_ range: Range<Int>, of target: Int, call: Int32, overrides added: Int) throws(TemplateError) {
        let call = program.calls[Int(call)]
        guard depth < MustacheLimits.renderDepth else {
            throw TemplateError(kind: .renderDepth(limit: MustacheLimits.renderDepth),
                                file: templates[template].file, line: call.at.line, column: call.at.column)
        }
        expansions += 1
        guard expansions <= MustacheLimits.expansions else {
            throw TemplateError(kind: .expansions(limit: MustacheLimits.expansions),
                                file: templates[template].file, line: call.at.line, column: call.at.column)
        }
        depth += 1
        bodies.append(Body(kind: .expansion, start: range.lowerBound, next: range.lowerBound, end: range.upperBound,
                           caller: template, indentCount: indent.count, overrideCount: added))
        template = target
        if call.indentCount > 0 {
            indent.append(contentsOf: program.bytes[Int(call.indentStart)..<Int(call.indentStart + call.indentCount)])
        }
    }

    /// The top body has run to its end: the next list item, or undo what it began with.
    private mutating func finishBody() {
        let top = bodies.count - 1
        switch bodies[top].kind {
        case .plain:
            bodies.removeLast()
        case .pushedValue:
            stack.removeLast()
            bodies.removeLast()
        case .list:
            endItem(top)
            bodies[top].item += 1
            startItems(top)
        case .expansion:
            let body = bodies.removeLast()
            template = body.caller
            indent.removeLast(indent.count - body.indentCount)
            overrides.removeLast(body.overrideCount)
            depth -= 1
        }
    }

    /// From the list body's current item on: each item the memo has is appended as it was kept;
    /// the first it has not is set up to render (and be kept, when it may be). Past the last
    /// item, the list ends.
    private mutating func startItems(_ top: Int) {
        while bodies[top].item < bodies[top].items.count {
            let item = bodies[top].items[bodies[top].item]
            stack[stack.count - 1] = item
            bodies[top].next = bodies[top].start
            bodies[top].memoStart = -1
            if let memo, case .object(let object) = item, indent.isEmpty,
               memo.isPlain(bodies[top].start..<bodies[top].end, in: program) {
                let key = RenderMemo.Key(template: template, body: bodies[top].start, item: object.identity)
                if let bytes = memo.bytes(for: key) {
                    out.append(contentsOf: bytes)
                    bodies[top].item += 1
                    continue
                }
                bodies[top].memoStart = out.count
                bodies[top].memoLevel = stack.count - 1
                bodies[top].memoTainted = false
                memoing.append(top)
            }
            return
        }
        stack.removeLast()
        bodies.removeLast()
    }

    /// The list body's current item has rendered: kept for the memo when nothing outside it was read.
    private mutating func endItem(_ top: Int) {
        guard bodies[top].memoStart >= 0 else { return }
        memoing.removeLast()
        if !bodies[top].memoTainted, let memo, case .object(let object) = bodies[top].items[bodies[top].item] {
            memo.keep(Array(out[bodies[top].memoStart...]), of: object,
                      for: RenderMemo.Key(template: template, body: bodies[top].start, item: object.identity))
        }
        bodies[top].memoStart = -1
    }

    /// A lookup read the context stack down to `level`: the items being kept above it depend on more than themselves.
    private mutating func reached(_ level: Int) {
        var k = memoing.count - 1
        while k >= 0 && bodies[memoing[k]].memoLevel > level {
            bodies[memoing[k]].memoTainted = true
            k -= 1
        }
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
    private mutating func lookup(_ nameIndex: Int32) -> MustacheValue? {
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
                guard i > 0 else {
                    if !memoing.isEmpty { reached(0) }
                    return nil
                }
                i -= 1
            }
            if !memoing.isEmpty { reached(i) }
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
