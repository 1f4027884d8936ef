/// Warnings about the provider list: emails, duplicates, roles that are not providers.
enum ProviderRules {
    static func check(_ c: CaseFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seenEmails: [String: Int] = [:]
        var seenNames: [String: Int] = [:]
        for (index, p) in c.providers.enumerated() {
            let who = p.name.map { "provider '\($0)'" } ?? "provider \(index + 1)"
            if !Completeness.isValidEmail(p.email) {
                let message = p.email == nil ? "\(who) has no email" : "\(who) has an email that is not valid"
                out.append(.warning(message, at: p.emailLocation ?? p.location))
            }
            if let role = p.role, Completeness.nonProviderRoles.contains(role.lowercased()) {
                out.append(.warning("\(who) has role '\(role)': only providers are enabled, so leave admins and staff off the list", at: p.location))
            }
            let email = p.email?.lowercased()
            let name = p.name?.lowercased()
            if let email, let first = seenEmails[email] {
                out.append(.warning("\(who) is listed twice (same email as provider \(first + 1))", at: p.location))
            } else if let name, let first = seenNames[name] {
                out.append(.warning("\(who) is listed twice (same name as provider \(first + 1))", at: p.location))
            }
            if let email { seenEmails[email] = seenEmails[email] ?? index }
            if let name { seenNames[name] = seenNames[name] ?? index }
        }
        return out
    }
}
