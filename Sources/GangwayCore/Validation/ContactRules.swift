/// The signatory's and the Ocean contact's email, when written, is a valid address. Reported
/// once, at the email itself, however many steps require the contact.
enum ContactRules {
    static func check(_ c: CaseFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (key, person) in [("signatory", c.signatory), ("ocean_contact", c.oceanContact)] {
            guard let person, let email = person.email, !c.unreadableFields.contains(key), !Completeness.isValidEmail(email) else { continue }
            out.append(.warning(.invalidEmail(key, person.name), at: person.emailLocation ?? person.location,
                                hint: "an email looks like name@clinic.example"))
        }
        return out
    }
}

extension String {
    fileprivate static func invalidEmail(_ key: String, _ name: String?) -> String {
        "\(key) \(name.map { "'\($0)' " } ?? "")has an email that is not valid"
    }
}
