/// When a case-file field that a step `requires` counts as complete (SPEC.md, Guide).
public enum Completeness {
    static let nonProviderRoles: Set<String> = ["admin", "staff", "assistant"]

    public static func isValidEmail(_ email: String?) -> Bool {
        guard let email, !email.contains(where: { $0.isWhitespace }) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    static func isNonProvider(_ p: Person) -> Bool {
        p.role.map { nonProviderRoles.contains($0.lowercased()) } ?? false
    }

    static func hasName(_ p: Person?) -> Bool {
        !(p?.name ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// Whether `requirement` is met, and a few words on what is missing when it is not.
    public static func check(_ requirement: Requirement, in c: CaseFile) -> (complete: Bool, missing: String?) {
        switch requirement {
        case .signatory, .oceanContact:
            let p = requirement == .signatory ? c.signatory : c.oceanContact
            if p == nil { return (false, "not recorded yet") }
            if !hasName(p) { return (false, "name missing") }
            if !isValidEmail(p?.email) { return (false, "valid email missing") }
            return (true, nil)
        case .providers:
            if c.providers.isEmpty { return (false, "no providers listed yet") }
            if c.providers.contains(where: { !hasName($0) || !isValidEmail($0.email) }) {
                return (false, "every provider needs a name and a valid email")
            }
            if c.providers.contains(where: isNonProvider) {
                return (false, "only providers may be listed, not admin or staff accounts")
            }
            return (true, nil)
        case .officeName:
            let empty = (c.officeName ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            return empty ? (false, "not recorded yet") : (true, nil)
        }
    }
}

import Foundation
