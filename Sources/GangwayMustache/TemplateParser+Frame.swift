extension TemplateParser {
    /// One piece of a line, before the line is known to be standalone or not.
    enum LineItem {
        case text(Range<Int>)
        case tag(Tag)
    }

    struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `<`, `$`, `=`, `&`, `{`, or 0 for a plain variable.
        var sigil: UInt8
        var name: String
        var at: Position

        /// Tags that leave nothing in the output line, so a line holding only one is removed.
        var canStandAlone: Bool {
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"),
                 UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "="): true
            default: false
            }
        }

        /// The tag as written with the default delimiters, for messages.
        var written: String {
            switch sigil {
            case 0: "{{\(name)}}"
            case UInt8(ascii: "{"): "{{{\(name)}}}"
            default: "{{\(Character(Unicode.Scalar(sigil)))\(name)}}"
            }
        }
    }

    /// Something open on the parser's stack: the root, a section, a parent or a block.
    struct Frame {
        enum Kind {
            case root
            case section(Name, inverted: Bool)
            case parent(template: Int)
            /// A block given inside a parent tag: an argument to the parent.
            case override(block: Int)
            /// A block anywhere else: a place a parent's caller may override.
            case block(id: Int)
        }

        /// What the first line inside a standalone block tag decides.
        enum Measure {
            case none
            /// An override's indentation, removed from each of its lines.
            case strip
            /// A block's intrinsic indentation, added to the override rendered in its place.
            case intrinsic
        }

        var kind: Kind
        var name: String
        var at: Position
        var nodes: [Node] = []
        /// Text not yet made a node, so consecutive lines become one node.
        var text: [UInt8] = []
        var textLineStarts: [Int] = []
        var overrides: [Override] = []
        var indentation: [UInt8] = []
        /// Blanks removed from the start of each line (inside an override definition).
        var strip = 0
        var measure = Measure.none
        var intrinsic: [UInt8] = []

        var isParent: Bool {
            if case .parent = kind { return true }
            return false
        }

        var what: String {
            switch kind {
            case .root: "template"
            case .section(_, let inverted): inverted ? "inverted section" : "section"
            case .parent: "parent"
            case .override, .block: "block"
            }
        }

        mutating func appendText<C: Collection>(_ bytes: C, startsLine: Bool) where C.Element == UInt8 {
            guard !bytes.isEmpty else { return }
            if startsLine { textLineStarts.append(text.count) }
            text.append(contentsOf: bytes)
        }

        mutating func append(_ node: Node) {
            flushText()
            nodes.append(node)
        }

        mutating func flushText() {
            guard !text.isEmpty else { return }
            nodes.append(.text(Node.Text(bytes: text, lineStarts: textLineStarts)))
            text = []
            textLineStarts = []
        }
    }
}
