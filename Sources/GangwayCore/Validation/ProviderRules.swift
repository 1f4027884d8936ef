/// Warnings about the provider list: names, emails, duplicates, roles that are not providers.
/// Each problem is reported once, at the provider it concerns; the `requires` rule does not repeat them.
enum ProviderRules {
    static func check(_ c: CaseFile, roles: NonProviderRoles) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seenEmails: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
        for (index, p) in c.providers.enumerated() {
            // Made only for a warning: most providers have none.
            var who: String { p.name.map { "provider '\($0)'" } ?? "provider \(index + 1)" }
            if !Completeness.hasName(p) {
                out.append(.warning("provider \(index + 1) has no name", at: p.location, hint: "add name: … to this provider"))
            }
            if p.email == nil {
                out.append(.warning("\(who) has no email", at: p.location,
                                    hint: "add email: …; a provider is enabled through their email"))
            } else if !Completeness.isValidEmail(p.email) {
                out.append(.warning("\(who) has an email that is not valid", at: p.emailLocation ?? p.location,
                                    hint: "an email looks like name@clinic.example"))
            }
            if let role = p.role, roles.match(role) {
                out.append(.warning(.notAProvider(who, role: role), at: p.roleLocation ?? p.location))
            }
            let email = p.email?.lowercased()
            let name = p.name?.lowercased()
            if let email, let first = seenEmails[email] {
                out.append(.warning("\(who) is listed twice: provider \(first + 1) has the same email", at: p.location, hint: "remove one of the two"))
            } else if let name, let first = seenNames[name] {
                out.append(.warning("\(who) is listed twice: provider \(first + 1) has the same name", at: p.location, hint: "remove one of the two"))
            }
            if let email { seenEmails[email] = seenEmails[email] ?? index }
            if let name { seenNames[name] = seenNames[name] ?? index }
        }
        return out
    }
}

extension String {
    fileprivate static func notAProvider(_ who: String, role: String) -> String {
        "\(who) has role '\(role)': only providers are enabled, so leave admins, staff and assistants off the list"
    }
}
