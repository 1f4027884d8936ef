/// The part of a site that a source path belongs to: what must be reloaded when it changes,
/// and which diagnostics that reload replaces.
enum SourceUnit: Hashable, Sendable {
    /// gangway.yml, or a folder that holds a whole kind of content: reload everything.
    case site
    /// An entry of content/clinics/, by path.
    case clinic(String)
    /// A guide's folder in content/guides/, by name.
    case guide(String)
    /// content/pages/.
    case pages
    /// A page template or partial below templates/.
    case templates
    /// A file below templates/assets/.
    case assets

    init(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("content", 3...) where parts[1] == "clinics": self = .clinic(parts[0...2].joined(separator: "/"))
        case ("content", 3...) where parts[1] == "guides": self = .guide(parts[2])
        case ("content", 3...) where parts[1] == "pages": self = .pages
        case ("templates", 3...) where parts[1] == "assets": self = .assets
        case ("templates", 2...): self = .templates
        default: self = .site
        }
    }

    /// Templates and assets load together, as one theme, so they share their diagnostics.
    var diagnosticsUnit: SourceUnit {
        self == .assets ? .templates : self
    }
}
