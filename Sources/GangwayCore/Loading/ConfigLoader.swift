import Foundation

/// Loads gangway.yml.
enum ConfigLoader {
    static let file = "gangway.yml"

    static func load(source: URL, into diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig(title: source.standardizedFileURL.lastPathComponent)
        let url = source.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.error("no gangway.yml here: this folder is not a Gangway site", at: .nowhere,
                                      hint: "run 'gangway init DIR' to start a site, or pass --source"))
            return config
        }
        guard SourceTree(root: source).entry(file, into: &diagnostics) != nil,
              let text = SourceText.read(url, relativePath: file, into: &diagnostics) else { return config }
        var doc = YAMLDocument(file: file, lineOffset: 0)
        guard let node = doc.parse(text, into: &diagnostics) else { return config }
        CredentialScan.scan(node, doc: doc, into: &diagnostics)
        guard let map = MappingReader(node, doc: doc, what: "gangway.yml", into: &diagnostics) else { return config }
        map.checkKeys(known: SiteConfig.keys, into: &diagnostics)

        if let title = map.string("title", into: &diagnostics) { config.title = title }
        if let base = map.string("base_url", into: &diagnostics) {
            switch BaseURLRule.normalize(base) {
            case .success(let url): config.baseURL = url
            case .failure(let refusal): diagnostics.append(.error("'base_url' \(refusal.reason)", at: doc.location(map.value("base_url")!)))
            }
        }
        if let language = map.string("language", into: &diagnostics) {
            if isLanguageTag(language) {
                config.language = language
            } else {
                diagnostics.append(.error("'language' must be a language tag like en or fr-CA", at: doc.location(map.value("language")!)))
            }
        }
        if let zone = map.string("timezone", into: &diagnostics) {
            if TimeZone(identifier: zone) != nil {
                config.timezone = zone
            } else {
                var message = "unknown time zone '\(zone)'"
                if let near = Suggest.closest(to: zone, among: TimeZone.knownTimeZoneIdentifiers) { message += " (did you mean '\(near)'?)" }
                diagnostics.append(.error(message, at: doc.location(map.value("timezone")!), hint: "use a name from the tz database, like America/Toronto"))
            }
        }
        if let b = map.bool("dashboard", into: &diagnostics) { config.dashboard = b }
        if let b = map.bool("publish_emails", into: &diagnostics) { config.publishEmails = b }
        if let b = map.bool("unsafe_html", into: &diagnostics) { config.unsafeHTML = b }
        if let roles = map.stringList("non_provider_roles", example: "non_provider_roles: [locum coordinator, billing clerk]", into: &diagnostics) {
            config.nonProviderRoles = roles.map(\.0).filter { !$0.allSatisfy(\.isWhitespace) }
        }
        if let mode = map.string("clinic_urls", into: &diagnostics) {
            if let value = SiteConfig.ClinicURLs(rawValue: mode) {
                config.clinicURLs = value
            } else {
                diagnostics.append(.error("'clinic_urls' must be 'slug' or 'token', not '\(mode)'", at: doc.location(map.value("clinic_urls")!)))
            }
        }
        return config
    }

    /// `[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*`, the whole value: a language, then subtags such as a
    /// region (`fr-CA`). Checked on bytes: the ICU regular expression it replaces cost 5 ms of
    /// every build's start (loading ICU), and let a final line break through into `<html lang>`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy(isLetter) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { isLetter($0) || isDigit($0) } }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
