import Foundation

/// The one rule for a site's base address, for `base_url` in gangway.yml and for `--base-url`
/// alike: an http or https address with a host, no user name or password, no query or
/// fragment, no white space or control character anywhere (robots.txt and sitemap.xml carry
/// it as it is, so a line break would add lines to them). The result ends in `/`.
public enum BaseURLRule {
    /// Why an address is refused, as the end of a sentence that starts with the key or flag.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    public static let example = "https://onboarding.example.org/"

    /// The address with a trailing slash added when it lacks one. The refusal never repeats the
    /// address, which could hold a password.
    public static func normalize(_ text: String) -> Result<String, Refusal> {
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || TerminalText.needsEscape($0) || XMLText.isForbidden($0) }) {
            return .failure(Refusal(reason: "must not hold spaces, line breaks or control characters"))
        }
        guard let parts = URLComponents(string: text),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host, !host.isEmpty, text.lowercased().hasPrefix(scheme + "://") else {
            return .failure(Refusal(reason: "must be an http or https address, like \(example)"))
        }
        if parts.user != nil || parts.password != nil || text.dropFirst(scheme.count + 3).prefix(while: { $0 != "/" }).contains("@") {
            return .failure(Refusal(reason: "must not hold a user name or password"))
        }
        if text.contains("?") || text.contains("#") {
            return .failure(Refusal(reason: "must not have a query (?…) or a fragment (#…): pages are found below it"))
        }
        return .success(text.hasSuffix("/") ? text : text + "/")
    }
}
