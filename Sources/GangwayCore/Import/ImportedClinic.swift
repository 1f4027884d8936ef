/// One clinic read from a row of an import spreadsheet, ready to be written as a case file.
public struct ImportedClinic: Sendable, Equatable {
    public struct Contact: Sendable, Equatable {
        public var name: String?
        public var title: String?
        public var email: String?
        public var phone: String?
        var isEmpty: Bool { name == nil && title == nil && email == nil && phone == nil }
    }

    public var row: Int
    public var slug: String
    public var clinic: String
    public var officeName: String?
    public var region: String?
    public var existingCDSLink: Bool?
    public var signatory = Contact()
    public var oceanContact = Contact()
    /// Name and email of each provider, in the cell's order.
    public var providers: [(name: String, email: String)] = []

    public static func == (a: ImportedClinic, b: ImportedClinic) -> Bool {
        a.row == b.row && a.slug == b.slug && a.clinic == b.clinic && a.officeName == b.officeName && a.region == b.region
            && a.existingCDSLink == b.existingCDSLink && a.signatory == b.signatory && a.oceanContact == b.oceanContact
            && a.providers.map(\.name) == b.providers.map(\.name) && a.providers.map(\.email) == b.providers.map(\.email)
    }

    /// The case file in block style: every value that is known, every step of the guide as todo.
    /// Strings are quoted whenever plain text could be read as something else.
    public func yaml(guide: Guide) -> String {
        func q(_ s: String) -> String { YAMLQuote.scalar(s, flow: false) }
        var out = "clinic: \(q(clinic))\nguide: \(guide.name)\n"
        if let officeName { out += "office_name: \(q(officeName))\n" }
        if let region { out += "region: \(q(region))\n" }
        for (key, person) in [("ocean_contact", oceanContact), ("signatory", signatory)] where !person.isEmpty {
            out += "\(key):\n"
            for (field, value) in [("name", person.name), ("title", person.title), ("email", person.email), ("phone", person.phone)] {
                if let value { out += "  \(field): \(q(value))\n" }
            }
        }
        if !providers.isEmpty {
            out += "providers:\n"
            for p in providers { out += "  - name: \(q(p.name))\n    email: \(q(p.email))\n" }
        }
        if let existingCDSLink { out += "existing_cds_link: \(existingCDSLink)\n" }
        out += "steps:\n"
        for step in guide.steps { out += "  \(step.id):\n    status: todo\n" }
        return out
    }
}
