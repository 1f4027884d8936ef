/// Finds keys that would hold a credential, at any depth. The value is never read or echoed:
/// a credential must not reach a case file, let alone a published page.
enum CredentialScan {
    static let words = ["password", "passwd", "secret", "token", "api_key", "tenant_id", "uuid", "username"]

    static func isCredential(_ key: String) -> Bool {
        isASCIICredential(key) ?? isCredentialByCharacters(key)
    }

    /// The definition: lower-cased, '-' and ' ' read as '_', a word alone or joined to the rest
    /// by '_'. `isASCIICredential` gives the same answer for an ASCII key, faster (a test checks).
    static func isCredentialByCharacters(_ key: String) -> Bool {
        let normalized = String(key.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        return words.contains { word in
            normalized == word || normalized.hasSuffix("_" + word) || normalized.hasPrefix(word + "_")
                || (word == "api_key" && normalized == "apikey") || (word == "username" && normalized == "user_name")
        }
    }

    /// The words as bytes, and with the underscore that joins them to the rest of a key.
    private static let wordBytes = words.map { Array($0.utf8) }
    private static let prefixBytes = words.map { Array(($0 + "_").utf8) }
    private static let reversedSuffixBytes = words.map { Array(("_" + $0).utf8.reversed()) }
    private static let spellings = ["apikey", "user_name"].map { Array($0.utf8) }

    /// `isCredential` on the bytes of an ASCII key (every key the scan sees, but for a few), where
    /// lower-casing and comparing Characters are byte operations; nil for any other key.
    private static func isASCIICredential(_ key: String) -> Bool? {
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let normalized = key.utf8.lazy.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte | 0x20
            case UInt8(ascii: "-"), UInt8(ascii: " "): return UInt8(ascii: "_")
            default: return byte
            }
        }
        let count = key.utf8.count
        for i in words.indices {
            if count == wordBytes[i].count ? normalized.elementsEqual(wordBytes[i])
                : count > wordBytes[i].count && (normalized.starts(with: prefixBytes[i]) || normalized.reversed().starts(with: reversedSuffixBytes[i])) {
                return true
            }
        }
        return spellings.contains { normalized.elementsEqual($0) }
    }

    /// `namesOnly`: the keys of this mapping are names (a case file's step ids), not fields,
    /// so only their values are searched.
    static func scan(_ node: YAMLNode, doc: YAMLDocument, namesOnly: Bool = false, top: Bool = true, into diagnostics: inout [Diagnostic]) {
        if doc.isMapping(node) {
            for i in 0..<doc.pairCount(node) {
                let (key, value) = (doc.key(node, i), doc.value(node, i))
                let name = doc.string(key)
                if !namesOnly, let name, isCredential(name) {
                    diagnostics.append(.error(
                        "'\(name)' holds a credential; credentials never go into \(kind(of: doc.file)), so they can never be published",
                        at: doc.location(key),
                        hint: "remove the key; share credentials by phone or a password manager, not in the portal"))
                } else {
                    // A mapping or list used as a key (`? {password: …}`) is searched like a value.
                    if name == nil { scan(key, doc: doc, top: false, into: &diagnostics) }
                    let stepIDs = top && name == "steps" && doc.file.hasPrefix("content/clinics/")
                    scan(value, doc: doc, namesOnly: stepIDs, top: false, into: &diagnostics)
                }
            }
        } else {
            for item in doc.items(node) { scan(item, doc: doc, top: false, into: &diagnostics) }
        }
    }

    private static func kind(of file: String) -> String {
        if file == ConfigLoader.file { return "gangway.yml" }
        if file.hasPrefix("content/pages/") { return "a page" }
        return file.hasSuffix(".md") ? "a guide" : "a case file"
    }
}
