import Yams

/// Reads a YAML mapping key by key, reporting wrong types, unknown keys and missing keys
/// at the position of the offending key or value.
struct MappingReader {
    let doc: YAMLDocument
    let node: Node
    let what: String
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    /// The pairs' keys, for lookups that do not copy every pair's nodes on the way.
    private var keys: [String] = []

    /// Returns nil (after a diagnostic) when `node` is not a mapping. `example` shows the
    /// expected shape in the hint, e.g. `signatory: {name: …, email: …}`.
    init?(_ node: Node, doc: YAMLDocument, what: String, example: String? = nil, into diagnostics: inout [Diagnostic]) {
        self.doc = doc
        self.node = node
        self.what = what
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("\(what) must be 'key: value' pairs, not \(node.kindName)", at: doc.location(node),
                                      hint: example.map { "write it like \($0)" }))
            return nil
        }
        pairs = Self.flatten(mapping, doc: doc, into: &diagnostics)
        keys = pairs.map(\.key)
    }

    /// The pairs of a mapping with YAML 1.1's merge keys applied: `<<: *base` adds the pairs of
    /// the mapping `base` names, and `<<: [*a, *b]` those of each in turn, the mapping's own keys
    /// and earlier mappings winning.
    private static func flatten(_ mapping: Node.Mapping, doc: YAMLDocument, into diagnostics: inout [Diagnostic])
        -> [(key: String, keyNode: Node, value: Node)] {
        var out: [(key: String, keyNode: Node, value: Node)] = []
        var merges: [Node] = []
        out.reserveCapacity(mapping.count)
        // By index: iterating a Node.Mapping first copies all its pairs into a new array.
        for i in mapping.indices {
            let (k, v) = mapping[i]
            if case .scalar = k, k.tag.rawValue == Tag.Name.merge.rawValue {
                merges.append(v)
                continue
            }
            // A mapping or list used as a key is named by its kind: its text could hold a credential.
            out.append((k.string ?? "(\(k.kindName))", k, v))
        }
        guard !merges.isEmpty else { return out }
        var seen = Set(out.map(\.key))
        func add(_ node: Node) {
            guard case .mapping(let merged) = node else {
                diagnostics.append(.error("'<<' merges a mapping or a list of mappings, not \(node.kindName)", at: doc.location(node),
                                          hint: "write it like <<: *defaults, with &defaults on a mapping"))
                return
            }
            for pair in flatten(merged, doc: doc, into: &diagnostics) where !seen.contains(pair.key) {
                seen.insert(pair.key)
                out.append(pair)
            }
        }
        for value in merges {
            if case .sequence(let items) = value {
                for item in items { add(item) }
            } else {
                add(value)
            }
        }
        return out
    }

    func value(_ key: String) -> Node? { keys.firstIndex(of: key).map { pairs[$0].value } }
    func keyNode(_ key: String) -> Node? { keys.firstIndex(of: key).map { pairs[$0].keyNode } }
    func has(_ key: String) -> Bool { value(key) != nil }
    /// Whether `key` is there with a value that is not empty.
    func hasValue(_ key: String) -> Bool { value(key).map { !$0.isNull } ?? false }

    /// Reports every key outside `known`, with a suggestion when one is close, else the list of
    /// known keys. Credential keys are left to `CredentialScan`, which reports them on its own.
    /// Returns the known keys that were suggested: their absence is probably that typo's doing.
    @discardableResult
    func checkKeys(known: [String], into diagnostics: inout [Diagnostic]) -> Set<String> {
        var suggested: Set<String> = []
        for (key, keyNode, _) in pairs where !known.contains(key) && !CredentialScan.isCredential(key) {
            if let near = Suggest.closest(to: key, among: known) {
                suggested.insert(near)
                diagnostics.append(.error("unknown key '\(key)' in \(what) (did you mean '\(near)'?)", at: doc.location(keyNode)))
            } else {
                diagnostics.append(.error("unknown key '\(key)' in \(what)", at: doc.location(keyNode),
                                          hint: "the keys it may have: \(known.joined(separator: ", "))"))
            }
        }
        return suggested
    }

    func requireKey(_ key: String, hint: String? = nil, into diagnostics: inout [Diagnostic]) {
        if !has(key) {
            diagnostics.append(.error("missing required key '\(key)' in \(what)", at: doc.location(node), hint: hint))
        }
    }

    /// A required text value: a missing key is reported at the mapping, an empty one at the key.
    func requiredString(_ key: String, hint: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let v = value(key) else {
            requireKey(key, hint: hint, into: &diagnostics)
            return nil
        }
        let text = scalarText(v, key: key, into: &diagnostics)
        if v.isNull || text?.allSatisfy(\.isWhitespace) == true {
            diagnostics.append(.error("'\(key)' in \(what) is empty", at: doc.location(keyNode(key) ?? v), hint: hint))
            return nil
        }
        return text
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
            // `"true"` in quotes is text to YAML; say so rather than "must be true, not 'true'".
            let quoted = v.scalar.map { $0.style != .plain && ["true", "false"].contains($0.string.lowercased()) } ?? false
            diagnostics.append(.error("'\(key)' must be true or false, \(quoted ? "without quotes" : "not \(v.describedValue)")", at: doc.location(v)))
            return nil
        }
        return b
    }

    func int(_ key: String, range: ClosedRange<Int>, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let v = value(key), !v.isNull else { return nil }
        guard case .scalar(let s) = v, s.style == .plain, let i = Int(s.string), range.contains(i) else {
            diagnostics.append(.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(v.describedValue)",
                                      at: doc.location(v)))
            return nil
        }
        return i
    }

    /// An ISO date; a string that is not a real calendar date is an error that says why.
    func day(_ key: String, into diagnostics: inout [Diagnostic]) -> Day? {
        guard let v = value(key), !v.isNull else { return nil }
        guard case .scalar(let s) = v else {
            diagnostics.append(.error("'\(key)' must be a date like 2026-10-03, not \(v.kindName)", at: doc.location(v)))
            return nil
        }
        if let day = Day(iso: s.string) { return day }
        diagnostics.append(.error(Day.problem(with: s.string, key: key), at: doc.location(v)))
        return nil
    }

    /// A list of text items, e.g. `requires: [signatory]`.
    func stringList(_ key: String, example: String, into diagnostics: inout [Diagnostic]) -> [(String, Node)]? {
        guard let v = value(key), !v.isNull else { return nil }
        guard case .sequence(let seq) = v else {
            diagnostics.append(.error("'\(key)' must be a list, not \(v.kindName)", at: doc.location(v), hint: "write it like \(example)"))
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

    /// The value quoted for a message (`'maybe'`), or its kind when it is not a short scalar.
    var describedValue: String {
        guard case .scalar(let s) = self, !isNull, s.string.count <= 40, !s.string.contains("\n") else { return kindName }
        return "'\(s.string)'"
    }
}

extension Day {
    private static let fullMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                         "September", "October", "November", "December"]

    /// Why `text` is not a date Gangway accepts, in a coordinator's words.
    static func problem(with text: String, key: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil }
        guard parts.count == 3, numbers.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return "'\(key)' must be a date like 2026-10-03, not '\(text)'"
        }
        let (y, m, d) = (numbers[0], numbers[1], numbers[2])
        if let real = Day(year: y, month: m, day: d) {
            return "'\(text)' is not written as YYYY-MM-DD (did you mean '\(real.iso)'?)"
        }
        if !(1...12).contains(m) { return "'\(text)' is not a real date: there is no month \(m)" }
        if (1...9999).contains(y), d >= 1 {
            return "'\(text)' is not a real date: \(fullMonthNames[m - 1]) \(y) has \(daysIn(month: m, year: y)) days"
        }
        return "'\(text)' is not a real date"
    }
}
