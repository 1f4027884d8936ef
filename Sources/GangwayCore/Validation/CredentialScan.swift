import Yams

/// Finds keys that would hold a credential, at any depth. The value is never read or echoed:
/// a credential must not reach a case file, let alone a published page.
enum CredentialScan {
    static let words = ["password", "passwd", "secret", "token", "api_key", "tenant_id", "uuid", "username"]

    static func isCredential(_ key: String) -> Bool {
        let normalized = String(key.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        return words.contains { word in
            normalized == word || normalized.hasSuffix("_" + word) || normalized.hasPrefix(word + "_")
                || (word == "api_key" && normalized == "apikey") || (word == "username" && normalized == "user_name")
        }
    }

    /// `namesOnly`: the keys of this mapping are names (a case file's step ids), not fields,
    /// so only their values are searched.
    static func scan(_ node: Node, doc: YAMLDocument, namesOnly: Bool = false, top: Bool = true, into diagnostics: inout [Diagnostic]) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if !namesOnly, let name = key.string, isCredential(name) {
                    diagnostics.append(.error(
                        "'\(name)' holds a credential; credentials never go into \(kind(of: doc.file)), so they can never be published",
                        at: doc.location(key),
                        hint: "remove the key; share credentials by phone or a password manager, not in the portal"))
                } else {
                    // A mapping or list used as a key (`? {password: …}`) is searched like a value.
                    if key.string == nil { scan(key, doc: doc, top: false, into: &diagnostics) }
                    let stepIDs = top && key.string == "steps" && doc.file.hasPrefix("content/clinics/")
                    scan(value, doc: doc, namesOnly: stepIDs, top: false, into: &diagnostics)
                }
            }
        case .sequence(let seq):
            for item in seq { scan(item, doc: doc, top: false, into: &diagnostics) }
        case .scalar, .alias:
            break
        }
    }

    private static func kind(of file: String) -> String {
        if file == ConfigLoader.file { return "gangway.yml" }
        if file.hasPrefix("content/pages/") { return "a page" }
        return file.hasSuffix(".md") ? "a guide" : "a case file"
    }
}
