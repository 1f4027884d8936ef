import Foundation

/// When a case-file field that a step `requires` counts as complete (SPEC.md, Guide): the one
/// definition, read by the checklist on clinic pages and by `RequirementRule`.
public enum Completeness {
    /// What keeps a field from being complete.
    public enum Gap: Sendable, Equatable {
        case notRecorded
        case noName
        case noEmail
        case invalidEmail
        case noProviders
        /// A provider without a name or a valid email.
        case providerIncomplete
        /// A provider whose role is not a provider's.
        case nonProvider
    }

    public static func isValidEmail(_ email: String?) -> Bool {
        guard let email else { return false }
        return isValidASCIIEmail(email) ?? isValidEmailByCharacters(email)
    }

    /// The definition: no whitespace, one '@' after something, and after it two or more
    /// dot-separated labels, none empty, none starting or ending with '-'.
    static func isValidEmailByCharacters(_ email: String) -> Bool {
        guard !email.contains(where: { $0.isWhitespace }) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// `isValidEmailByCharacters` on the bytes of an ASCII address, where each Character is a
    /// byte (but "\r\n", both of whose bytes are whitespace anyway); nil for any other text.
    static func isValidASCIIEmail(_ email: String) -> Bool? {
        let bytes = email.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard !bytes.contains(where: { $0 == UInt8(ascii: " ") || (0x09...0x0D).contains($0) }),
              let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else { return false }
        var labels = 1, empty = true, last: UInt8 = 0
        for byte in bytes[bytes.index(after: at)...] {
            switch byte {
            case UInt8(ascii: "@"):
                return false
            case UInt8(ascii: "."):
                if empty || last == UInt8(ascii: "-") { return false }
                labels += 1
                empty = true
            default:
                if empty && byte == UInt8(ascii: "-") { return false }
                empty = false
            }
            last = byte
        }
        return !empty && last != UInt8(ascii: "-") && labels >= 2
    }

    static func hasName(_ p: Person?) -> Bool {
        // Something besides blanks (`CharacterSet.whitespaces`), tested scalar by scalar: trimming
        // made a new string per person, 2.6 % of a 10,000-clinic build.
        (p?.name ?? "").unicodeScalars.contains { s in
            s.isASCII ? s != " " && s != "\t" : !CharacterSet.whitespaces.contains(s)
        }
    }

    /// What keeps `requirement` from being complete, or nil when it is.
    public static func gap(_ requirement: Requirement, in c: CaseFile, roles: NonProviderRoles = NonProviderRoles()) -> Gap? {
        switch requirement {
        case .signatory, .oceanContact:
            guard let p = requirement == .signatory ? c.signatory : c.oceanContact else { return .notRecorded }
            if !hasName(p) { return .noName }
            if !isValidEmail(p.email) { return p.email == nil ? .noEmail : .invalidEmail }
            return nil
        case .providers:
            if c.providers.isEmpty { return .noProviders }
            if c.providers.contains(where: { !hasName($0) || !isValidEmail($0.email) }) { return .providerIncomplete }
            if c.providers.contains(where: { roles.match($0.role) }) { return .nonProvider }
            return nil
        case .officeName:
            return (c.officeName ?? "").allSatisfy(\.isWhitespace) ? .notRecorded : nil
        }
    }

    /// Whether `requirement` is met, and a few words for the checklist on what is missing when it is not.
    public static func check(_ requirement: Requirement, in c: CaseFile, roles: NonProviderRoles = NonProviderRoles()) -> (complete: Bool, missing: String?) {
        guard let gap = gap(requirement, in: c, roles: roles) else { return (true, nil) }
        switch gap {
        case .notRecorded: return (false, "not recorded yet")
        case .noName: return (false, "name missing")
        case .noEmail, .invalidEmail: return (false, "valid email missing")
        case .noProviders: return (false, "no providers listed yet")
        case .providerIncomplete: return (false, "every provider needs a name and a valid email")
        case .nonProvider: return (false, "only providers may be listed, not admin or staff accounts")
        }
    }
}
