/// Every template of a library lowered into one flat array of fixed-size ops, with texts,
/// names and calls in side tables. Nothing the render loop reads is reference-counted, so
/// walking a template costs no retain or release (the node tree's arrays cost a third of a
/// render in retains and releases when it was walked directly).
struct Program: Sendable {
    struct Op: Sendable {
        enum Code: UInt8, Sendable {
            /// `a` offset in `bytes`, `b` length, `c` first of `d` entries in `lineStarts`.
            case text
            case lineStart
            /// `a` the name.
            case escaped, raw
            /// `a` the name, the body is the ops up to `b`.
            case section, inverted
            /// `a` the template, `d` the call.
            case partial
            /// `a` the template, `b` first of `c` overrides, `d` the call.
            case parent
            /// `a` the block, the default body is the ops up to `b`, `d` the call.
            case block
        }

        var code: Code
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
    }

    /// A name's parts are `keys[first ..< first + count]`.
    struct NameRef: Sendable {
        var first: Int32
        var count: Int32
        var anchored: Bool
    }

    /// Where a partial, parent or block is, and the indentation it adds.
    struct Call: Sendable {
        var indentStart: Int32
        var indentCount: Int32
        var at: Position
    }

    struct OverrideRef: Sendable {
        var block: Int32
        var start: Int32
        var end: Int32
        var template: Int32
    }

    var ops: [Op] = []
    var bytes: [UInt8] = []
    var lineStarts: [Int32] = []
    var names: [NameRef] = []
    var keys: [HashedKey] = []
    var calls: [Call] = []
    var overrides: [OverrideRef] = []

    /// Lowers one template; returns the range of its top-level ops. Override bodies go after
    /// it, each a range of its own.
    mutating func add(_ nodes: [Node], template: Int) -> Range<Int> {
        var pending: [(ref: Int, body: [Node])] = []
        let root = lower(nodes, template: template, pending: &pending)
        var next = 0
        while next < pending.count {
            let (ref, body) = pending[next]
            next += 1
            let range = lower(body, template: template, pending: &pending)
            overrides[ref].start = Int32(range.lowerBound)
            overrides[ref].end = Int32(range.upperBound)
        }
        return root
    }

    /// Recursion here follows the nesting, which the parser keeps within MustacheLimits.nesting.
    private mutating func lower(_ nodes: [Node], template: Int, pending: inout [(ref: Int, body: [Node])]) -> Range<Int> {
        let start = ops.count
        for node in nodes {
            switch node {
            case .text(let text):
                ops.append(Op(code: .text, a: Int32(bytes.count), b: Int32(text.bytes.count),
                              c: Int32(lineStarts.count), d: Int32(text.lineStarts.count)))
                bytes.append(contentsOf: text.bytes)
                lineStarts.append(contentsOf: text.lineStarts.map(Int32.init))
            case .lineStart:
                ops.append(Op(code: .lineStart))
            case .value(let name, let escaped):
                ops.append(Op(code: escaped ? .escaped : .raw, a: add(name)))
            case .section(let name, let body, let inverted):
                let at = ops.count
                ops.append(Op(code: inverted ? .inverted : .section, a: add(name)))
                ops[at].b = Int32(lower(body, template: template, pending: &pending).upperBound)
            case .partial(let target, let indentation, let at):
                ops.append(Op(code: .partial, a: Int32(target), d: add(indentation, at)))
            case .parent(let target, let given, let indentation, let at):
                let first = overrides.count
                for override in given {
                    pending.append((overrides.count, override.body))
                    overrides.append(OverrideRef(block: Int32(override.block), start: 0, end: 0, template: Int32(override.template)))
                }
                ops.append(Op(code: .parent, a: Int32(target), b: Int32(first), c: Int32(given.count), d: add(indentation, at)))
            case .block(let id, let defaultBody, let indentation, let at):
                let op = ops.count
                ops.append(Op(code: .block, a: Int32(id), d: add(indentation, at)))
                ops[op].b = Int32(lower(defaultBody, template: template, pending: &pending).upperBound)
            }
        }
        return start..<ops.count
    }

    private mutating func add(_ name: Name) -> Int32 {
        names.append(NameRef(first: Int32(keys.count), count: Int32(name.parts.count), anchored: name.anchored))
        keys.append(contentsOf: name.parts.map(HashedKey.init))
        return Int32(names.count - 1)
    }

    private mutating func add(_ indentation: [UInt8], _ at: Position) -> Int32 {
        calls.append(Call(indentStart: Int32(bytes.count), indentCount: Int32(indentation.count), at: at))
        bytes.append(contentsOf: indentation)
        return Int32(calls.count - 1)
    }
}
