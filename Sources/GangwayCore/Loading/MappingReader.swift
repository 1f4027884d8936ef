import Yams

/// Reads a YAML mapping key by key, reporting wrong types, unknown keys and missing keys
/// at the position of the offending key or value.
struct MappingReader {
    let doc: YAMLDocument
    let node: Node
    let what: String
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []

    /// Returns nil (after a diagnostic) when `node` is not a mapping.
    init?(_ node: Node, doc: YAMLDocument, what: String, into diagnostics: inout [Diagnostic]) {
        self.doc = doc
        self.node = node
        self.what = what
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("\(what) must be a mapping of keys to values, not \(node.kindName)", at: doc.location(node)))
            return nil
        }
        for (k, v) in mapping {
            pairs.append((k.string ?? "\(k.any)", k, v))
        }
    }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }
    func has(_ key: String) -> Bool { value(key) != nil }

    /// Reports every key outside `known`, with a suggestion when one is close. Credential keys
    /// are left to `CredentialScan`, which reports them on its own.
    func checkKeys(known: [String], into diagnostics: inout [Diagnostic]) {
        for (key, keyNode, _) in pairs where !known.contains(key) && !CredentialScan.isCredential(key) {
            var message = "unknown key '\(key)' in \(what)"
            if let near = Suggest.closest(to: key, among: known) { message += " (did you mean '\(near)'?)" }
            diagnostics.append(.error(message, at: doc.location(keyNode)))
        }
    }

    func requireKey(_ key: String, into diagnostics: inout [Diagnostic]) {
        if !has(key) {
            diagnostics.append(.error("missing required key '\(key)' in \(what)", at: doc.location(node)))
        }
    }

    /// A scalar read as text. Null and empty give nil; a mapping or list is an error.
    func string(_ key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let v = value(key) else { return nil }
        return scalarText(v, key: key, into: &diagnostics)
    }

    func scalarText(_ v: Node, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard case .scalar(let scalar) = v else {
            diagnostics.append(.error("'\(key)' must be text, not \(v.kindName)", at: doc.location(v)))
            return nil
        }
        if v.isNull { return nil }
        return scalar.string
    }

    func bool(_ key: String, into diagnostics: inout [Diagnostic]) -> Bool? {
        guard let v = value(key), !v.isNull else { return nil }
        guard case .scalar = v, let b = v.bool else {
            diagnostics.append(.error("'\(key)' must be true or false", at: doc.location(v)))
            return nil
        }
        return b
    }

    func int(_ key: String, range: ClosedRange<Int>, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let v = value(key), !v.isNull else { return nil }
        guard case .scalar(let s) = v, s.style == .plain, let i = Int(s.string), range.contains(i) else {
            diagnostics.append(.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: doc.location(v)))
            return nil
        }
        return i
    }

    /// An ISO date; a string that is not a real calendar date is an error.
    func day(_ key: String, into diagnostics: inout [Diagnostic]) -> Day? {
        guard let v = value(key), !v.isNull else { return nil }
        guard case .scalar(let s) = v else {
            diagnostics.append(.error("'\(key)' must be a date like 2026-10-03, not \(v.kindName)", at: doc.location(v)))
            return nil
        }
        guard let day = Day(iso: s.string) else {
            let message = Day.looksLikeISO(s.string)
                ? "'\(s.string)' is not a real date"
                : "'\(key)' must be a date like 2026-10-03, not '\(s.string)'"
            diagnostics.append(.error(message, at: doc.location(v)))
            return nil
        }
        return day
    }

    /// A list of text items, e.g. `requires: [signatory]`.
    func stringList(_ key: String, into diagnostics: inout [Diagnostic]) -> [(String, Node)]? {
        guard let v = value(key), !v.isNull else { return nil }
        guard case .sequence(let seq) = v else {
            diagnostics.append(.error("'\(key)' must be a list, not \(v.kindName)", at: doc.location(v)))
            return nil
        }
        var out: [(String, Node)] = []
        for item in seq {
            if let text = scalarText(item, key: key, into: &diagnostics) { out.append((text, item)) }
        }
        return out
    }
}

extension Node {
    var isNull: Bool {
        guard case .scalar(let s) = self else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    var kindName: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar: return isNull ? "empty" : "text"
        case .alias: return "an alias"
        }
    }
}

extension Day {
    static func looksLikeISO(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
