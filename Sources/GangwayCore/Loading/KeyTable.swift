/// The keys Gangway reads in one kind of file, in one place: the loader's unknown-key check
/// uses this list, and docs/reference.md documents each key in a table marked
/// `<!-- keys: <id> -->` (`ReferenceDocTests` fails when the two differ).
public struct KeyTable: Sendable, Equatable {
    /// The marker's name in docs/reference.md, e.g. `case-file`.
    public let id: String
    /// Every key this kind of file may hold, in the order the reference lists them.
    public let keys: [String]

    /// gangway.yml.
    public static let config = KeyTable(id: "config", keys: [
        "title", "base_url", "language", "timezone", "dashboard", "clinic_urls", "publish_emails", "unsafe_html",
        "non_provider_roles",
    ])
    /// A guide's `guide.md` front matter.
    public static let guide = KeyTable(id: "guide", keys: ["title", "emr", "vendor", "summary"])
    /// A step file's front matter, `content/guides/<guide>/NN-*.md`.
    public static let step = KeyTable(id: "step", keys: [
        "id", "title", "owner", "wait_days", "wait_for", "wait_on", "requires", "skip_if_existing_link",
    ])
    /// A case file, `content/clinics/<slug>.yml`.
    public static let caseFile = KeyTable(id: "case-file", keys: [
        "clinic", "guide", "office_name", "region", "ocean_contact", "signatory", "providers", "existing_cds_link", "notes", "steps",
    ])
    /// One step's record under a case file's `steps`.
    public static let stepRecord = KeyTable(id: "step-record", keys: ["status", "started", "done", "since", "note"])
    /// A person: `signatory`, `ocean_contact`, or an entry of `providers`.
    public static let person = KeyTable(id: "person", keys: ["name", "title", "email", "phone", "role"])
    /// A free page's front matter, `content/pages/<name>.md`.
    public static let page = KeyTable(id: "page", keys: ["title"])

    /// Every file kind's table.
    public static let all: [KeyTable] = [config, guide, step, caseFile, stepRecord, person, page]
}
