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

    /// The words and the two other spellings, as static text: read through a pointer, no array
    /// is retained (indexing arrays of byte arrays made this scan 2.8 % of a 10,000-clinic build).
    private static let wordTexts: [StaticString] = ["password", "passwd", "secret", "token", "api_key", "tenant_id", "uuid", "username"]
    private static let spellingTexts: [StaticString] = ["apikey", "user_name"]

    /// `isCredential` on the bytes of an ASCII key (every key the scan sees, but for a few), where
    /// lower-casing and comparing Characters are byte operations; nil for any other key.
    private static func isASCIICredential(_ key: String) -> Bool? {
        var key = key
        return key.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func normalized(_ byte: UInt8) -> UInt8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte | 0x20
                case UInt8(ascii: "-"), UInt8(ascii: " "): return UInt8(ascii: "_")
                default: return byte
                }
            }
            /// Whether `word` stands at `offset` of the normalized key.
            func matches(_ word: StaticString, at offset: Int) -> Bool {
                let count = word.utf8CodeUnitCount
                guard offset >= 0, offset + count <= bytes.count else { return false }
                for k in 0..<count where normalized(bytes[offset + k]) != word.utf8Start[k] { return false }
                return true
            }
            let underscore = UInt8(ascii: "_")
            for word in wordTexts {
                let n = word.utf8CodeUnitCount
                if bytes.count == n {
                    if matches(word, at: 0) { return true }
                } else if bytes.count > n {
                    // word + "_" at the start, or "_" + word at the end.
                    if normalized(bytes[n]) == underscore && matches(word, at: 0) { return true }
                    if normalized(bytes[bytes.count - n - 1]) == underscore && matches(word, at: bytes.count - n) { return true }
                }
            }
            return spellingTexts.contains { $0.utf8CodeUnitCount == bytes.count && matches($0, at: 0) }
        }
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
