/// Bounds on what one YAML document may cost, checked by `YAMLComposer` on libYAML's events as
/// it composes the tree. An alias stands for the whole anchored node, so every walk of the tree
/// (the credential scan, the readers, the check for duplicate keys) visits the expanded tree:
/// nine levels of nine aliases is 460 bytes of text and 387 million nodes. The events name each
/// alias once, so counting there is linear in the text.
enum YAMLLimits {
    /// How many values aliases may add to a document, beyond those written in it.
    static let aliasExpansion = 10_000
    /// How deeply lists and mappings may nest (Yams' own walks recurse).
    static let nesting = 100

    enum Excess: Equatable {
        case aliases(line: Int, column: Int)
        case nesting(line: Int, column: Int)
    }
}
