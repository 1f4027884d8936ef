/// Reads a YAML mapping key by key, reporting wrong types, unknown keys and missing keys
/// at the position of the offending key or value.
struct MappingReader {
    let doc: YAMLDocument
    let node: YAMLNode
    let what: String
    private(set) var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
    /// The pairs' keys, for lookups by key.
    private var keys: [String] = []

    /// Returns nil (after a diagnostic) when `node` is not a mapping. `example` shows the
    /// expected shape in the hint, e.g. `signatory: {name: …, email: …}`.
    init?(_ node: YAMLNode, doc: YAMLDocument, what: String, example: String? = nil, into diagnostics: inout [Diagnostic]) {
        self.doc = doc
        self.node = node
        self.what = what
        guard doc.isMapping(node) else {
            diagnostics.append(.error("\(what) must be 'key: value' pairs, not \(doc.kindName(node))", at: doc.location(node),
                                      hint: example.map { "write it like \($0)" }))
            return nil
        }
        pairs = Self.flatten(node, doc: doc, into: &diagnostics)
        keys = pairs.map(\.key)
    }

    /// The pairs of a mapping with YAML 1.1's merge keys applied: `<<: *base` adds the pairs of
    /// the mapping `base` names, and `<<: [*a, *b]` those of each in turn, the mapping's own keys
    /// and earlier mappings winning.
    private static func flatten(_ mapping: YAMLNode, doc: YAMLDocument, into diagnostics: inout [Diagnostic])
        -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        var out: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        var merges: [YAMLNode] = []
        let count = doc.pairCount(mapping)
        out.reserveCapacity(count)
        for i in 0..<count {
            let (k, v) = (doc.key(mapping, i), doc.value(mapping, i))
            if doc.isMergeKey(k) {
                merges.append(v)
                continue
            }
            // A mapping or list used as a key is named by its kind: its text could hold a credential.
            out.append((doc.string(k) ?? "(\(doc.kindName(k)))", k, v))
        }
        guard !merges.isEmpty else { return out }
        var seen = Set(out.map(\.key))
        func add(_ node: YAMLNode) {
            guard doc.isMapping(node) else {
                diagnostics.append(.error("'<<' merges a mapping or a list of mappings, not \(doc.kindName(node))", at: doc.location(node),
                                          hint: "write it like <<: *defaults, with &defaults on a mapping"))
                return
            }
            for pair in flatten(node, doc: doc, into: &diagnostics) where !seen.contains(pair.key) {
                seen.insert(pair.key)
                out.append(pair)
            }
        }
        for value in merges {
            if doc.isSequence(value) {
                for item in doc.items(value) { add(item) }
            } else {
                add(value)
            }
        }
        return out
    }

    func value(_ key: String) -> YAMLNode? { keys.firstIndex(of: key).map { pairs[$0].value } }
    func keyNode(_ key: String) -> YAMLNode? { keys.firstIndex(of: key).map { pairs[$0].keyNode } }
    func has(_ key: String) -> Bool { value(key) != nil }
    /// Whether `key` is there with a value that is not empty.
    func hasValue(_ key: String) -> Bool { value(key).map { !doc.isNull($0) } ?? false }

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
        if doc.isNull(v) || text?.allSatisfy(\.isWhitespace) == true {
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

    func scalarText(_ v: YAMLNode, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard doc.isScalar(v) else {
            diagnostics.append(.error("'\(key)' must be text, not \(doc.kindName(v))", at: doc.location(v)))
            return nil
        }
        if doc.isNull(v) { return nil }
        return doc.text(v)
    }

    func bool(_ key: String, into diagnostics: inout [Diagnostic]) -> Bool? {
        guard let v = value(key), !doc.isNull(v) else { return nil }
        guard doc.isScalar(v), let b = doc.bool(v) else {
            // `"true"` in quotes is text to YAML; say so rather than "must be true, not 'true'".
            let quoted = doc.isScalar(v) && !doc.isPlain(v) && ["true", "false"].contains(doc.text(v).lowercased())
            diagnostics.append(.error("'\(key)' must be true or false, \(quoted ? "without quotes" : "not \(doc.describedValue(v))")", at: doc.location(v)))
            return nil
        }
        return b
    }

    func int(_ key: String, range: ClosedRange<Int>, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let v = value(key), !doc.isNull(v) else { return nil }
        guard doc.isScalar(v), doc.isPlain(v), let i = Int(doc.text(v)), range.contains(i) else {
            diagnostics.append(.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(doc.describedValue(v))",
                                      at: doc.location(v)))
            return nil
        }
        return i
    }

    /// An ISO date; a string that is not a real calendar date is an error that says why.
    func day(_ key: String, into diagnostics: inout [Diagnostic]) -> Day? {
        guard let v = value(key), !doc.isNull(v) else { return nil }
        guard doc.isScalar(v) else {
            diagnostics.append(.error("'\(key)' must be a date like 2026-10-03, not \(doc.kindName(v))", at: doc.location(v)))
            return nil
        }
        let text = doc.text(v)
        if let day = Day(iso: text) { return day }
        diagnostics.append(.error(Day.problem(with: text, key: key), at: doc.location(v)))
        return nil
    }

    /// A list of text items, e.g. `requires: [signatory]`.
    func stringList(_ key: String, example: String, into diagnostics: inout [Diagnostic]) -> [(String, YAMLNode)]? {
        guard let v = value(key), !doc.isNull(v) else { return nil }
        guard doc.isSequence(v) else {
            diagnostics.append(.error("'\(key)' must be a list, not \(doc.kindName(v))", at: doc.location(v), hint: "write it like \(example)"))
            return nil
        }
        var out: [(String, YAMLNode)] = []
        for item in doc.items(v) {
            if let text = scalarText(item, key: key, into: &diagnostics) { out.append((text, item)) }
        }
        return out
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
