import Yams

/// One node of a `YAMLTree`: its position in the tree's table, nothing more, so that holding,
/// copying and comparing nodes costs no reference counting.
struct YAMLNode: Hashable, Sendable {
    let index: Int32
}

/// One YAML document as `YAMLComposer` reads it from libYAML's events, in flat tables: a node
/// is an entry (kind, style, tag, position, and where its text or children are), a scalar's text
/// is a `String` of `texts`, a collection's children a run of `links` (a mapping's alternate key,
/// value). An alias is the node its anchor names, so a node may be the child of several.
///
/// It reads as Yams' `Node` reads with `YAMLDocument.resolver` (`YAMLComposerTests` compares the
/// two on thousands of texts): the same texts, styles and marks, the same resolved tags, and the
/// same answer from `bool`, which reads a node's tag as it is stored, before resolution.
struct YAMLTree: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    /// The two of libYAML's style numbers Gangway reads (the rest are quoted and block scalars;
    /// a collection's style is always "any", see `YAMLComposer`).
    enum Style {
        static let any: UInt8 = 0
        static let plain: UInt8 = 1
    }

    struct Entry: Sendable {
        var kind: Kind
        var style: UInt8
        /// The tag as stored (`TagCode`): implicit or `!` until something resolves it.
        var tag: Int32
        /// 1-based; 0 for a node that has no place in the text (the empty document's mapping).
        var line: Int32
        var column: Int32
        /// A scalar's index in `texts`; a collection's first child in `links`.
        var first: Int32
        /// A collection's number of children (a mapping's is twice its pairs); 0 for a scalar.
        var count: Int32
    }

    private(set) var entries: [Entry] = []
    private(set) var texts: [String] = []
    private(set) var links: [YAMLNode] = []
    /// Tag names written in the text beyond `TagCode.known`.
    private(set) var tagNames: [String] = []

    // MARK: Building (YAMLComposer)

    mutating func addScalar(_ text: String, style: UInt8, tag: Int32, line: Int, column: Int) -> YAMLNode {
        texts.append(text)
        return add(Entry(kind: .scalar, style: style, tag: tag, line: Int32(clamping: line), column: Int32(clamping: column),
                         first: Int32(texts.count - 1), count: 0))
    }

    mutating func addCollection(mapping: Bool, children: ArraySlice<YAMLNode>, tag: Int32, style: UInt8, line: Int, column: Int) -> YAMLNode {
        let first = Int32(links.count)
        links.append(contentsOf: children)
        return add(Entry(kind: mapping ? .mapping : .sequence, style: style, tag: tag, line: Int32(clamping: line),
                         column: Int32(clamping: column), first: first, count: Int32(children.count)))
    }

    private mutating func add(_ entry: Entry) -> YAMLNode {
        entries.append(entry)
        return YAMLNode(index: Int32(entries.count - 1))
    }

    /// The code for a tag name written in the text.
    mutating func tagCode(named name: String) -> Int32 {
        if let known = TagCode.known.firstIndex(of: name) { return Int32(known) }
        if let written = tagNames.firstIndex(of: name) { return Int32(TagCode.known.count + written) }
        tagNames.append(name)
        return Int32(TagCode.known.count + tagNames.count - 1)
    }

    /// Stores the node's resolved tag as its tag, as Yams' `Node.tag` does to the node's `Tag`.
    mutating func resolve(_ node: YAMLNode) {
        entries[Int(node.index)].tag = resolvedTag(node)
    }

    /// `resolve` on the node and everything under it: what hashing a node in Yams does.
    mutating func resolveAll(_ node: YAMLNode) {
        resolve(node)
        for child in children(node) { resolveAll(child) }
    }

    // MARK: Reading

    func kind(_ node: YAMLNode) -> Kind { entries[Int(node.index)].kind }
    func isScalar(_ node: YAMLNode) -> Bool { kind(node) == .scalar }
    func style(_ node: YAMLNode) -> UInt8 { entries[Int(node.index)].style }
    func line(_ node: YAMLNode) -> Int { Int(entries[Int(node.index)].line) }
    func column(_ node: YAMLNode) -> Int { Int(entries[Int(node.index)].column) }

    /// A scalar's text; "" for a collection.
    func text(_ node: YAMLNode) -> String {
        let entry = entries[Int(node.index)]
        return entry.kind == .scalar ? texts[Int(entry.first)] : ""
    }

    /// A collection's children, in order (a mapping's: key, value, key, value…); none for a scalar.
    func children(_ node: YAMLNode) -> ArraySlice<YAMLNode> {
        let entry = entries[Int(node.index)]
        guard entry.kind != .scalar else { return [] }
        return links[Int(entry.first)..<Int(entry.first + entry.count)]
    }

    /// A mapping's number of pairs.
    func pairCount(_ node: YAMLNode) -> Int {
        let entry = entries[Int(node.index)]
        return entry.kind == .mapping ? Int(entry.count) / 2 : 0
    }

    func key(_ node: YAMLNode, _ pair: Int) -> YAMLNode { links[Int(entries[Int(node.index)].first) + 2 * pair] }
    func value(_ node: YAMLNode, _ pair: Int) -> YAMLNode { links[Int(entries[Int(node.index)].first) + 2 * pair + 1] }

    /// What Yams' `Node.string` gives: a scalar's text; for a mapping, the text of the value of
    /// its first `!!value` key (YAML 1.1's default value); nil otherwise.
    func string(_ node: YAMLNode) -> String? {
        switch kind(node) {
        case .scalar: return text(node)
        case .sequence: return nil
        case .mapping:
            for i in 0..<pairCount(node) where resolvedTag(key(node, i)) == TagCode.value {
                return string(value(node, i))
            }
            return nil
        }
    }

    /// What Yams' `Node.bool` gives: nil for a collection or a scalar whose stored tag is `str`,
    /// else whether its lower-cased text is one of YAML 1.1's words for true or false.
    func bool(_ node: YAMLNode) -> Bool? {
        let entry = entries[Int(node.index)]
        guard entry.kind == .scalar, entry.tag != TagCode.str else { return nil }
        let text = texts[Int(entry.first)]
        guard text.utf8.count <= 20 else { return nil }  // no lower-casing makes a longer text one of the words
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A plain scalar that YAML reads as empty: nothing, `~` or `null` in one of its spellings.
    func isNull(_ node: YAMLNode) -> Bool {
        let entry = entries[Int(node.index)]
        guard entry.kind == .scalar, entry.style == Style.plain else { return false }
        let text = texts[Int(entry.first)].utf8
        return text.count <= 4 && ScalarTags.nullWords.contains { $0.elementsEqual(text) }
    }

    /// The tag's code once resolved: an implicit tag as the resolver's rules read the text, `!` as
    /// the kind's own (`str`, `seq`, `map`).
    func resolvedTag(_ node: YAMLNode) -> Int32 {
        let entry = entries[Int(node.index)]
        switch (entry.tag, entry.kind) {
        case (TagCode.implicit, .scalar):
            var text = texts[Int(entry.first)]
            return text.withUTF8 { ScalarTags.resolvedCode($0) }
        case (TagCode.implicit, .sequence), (TagCode.nonSpecific, .sequence): return TagCode.seq
        case (TagCode.implicit, .mapping), (TagCode.nonSpecific, .mapping): return TagCode.map
        case (TagCode.nonSpecific, .scalar): return TagCode.str
        default: return entry.tag
        }
    }

    /// A tag code's name, as Yams writes it (`tag:yaml.org,2002:str`).
    func tagName(_ code: Int32) -> String {
        Int(code) < TagCode.known.count ? TagCode.known[Int(code)] : tagNames[Int(code) - TagCode.known.count]
    }

    /// The node and everything under it as Yams nodes, with their tags as they stand: for the
    /// rare mapping with a list or mapping as a key, whose duplicates Yams' own algorithm finds.
    func yamsNode(_ node: YAMLNode) -> Node {
        let entry = entries[Int(node.index)]
        let mark = entry.line > 0 ? Mark(line: Int(entry.line), column: Int(entry.column)) : nil
        let tag = Tag(Tag.Name(rawValue: tagName(entry.tag)), YAMLDocument.resolver)
        switch entry.kind {
        case .scalar:
            return .scalar(.init(text(node), tag, Node.Scalar.Style(rawValue: UInt32(entry.style)) ?? .any, mark))
        case .sequence:
            return .sequence(.init(children(node).map(yamsNode), tag, .any, mark))
        case .mapping:
            return .mapping(.init((0..<pairCount(node)).map { (yamsNode(key(node, $0)), yamsNode(value(node, $0))) }, tag, .any, mark))
        }
    }
}

/// Tag names by number: the ones Gangway meets (the empty, implicit name first), then the tree's own.
enum TagCode {
    static let known: [String] = [
        Tag.Name.implicit, .nonSpecific, .str, .bool, .int, .null, .merge, .map, .seq, .value,
    ].map(\.rawValue)
    static let implicit: Int32 = 0
    static let nonSpecific: Int32 = 1
    static let str: Int32 = 2
    static let bool: Int32 = 3
    static let int: Int32 = 4
    static let null: Int32 = 5
    static let merge: Int32 = 6
    static let map: Int32 = 7
    static let seq: Int32 = 8
    static let value: Int32 = 9
}
