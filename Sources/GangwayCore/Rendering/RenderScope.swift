/// How much of the site a render writes.
public enum RenderScope: Sendable, Equatable {
    /// Every clinic, the pages that list clinics, and the shared pages.
    case everything
    /// The given clinics and the pages that list clinics (the whole team site: dashboard, reports, status.json, CSVs, calendar).
    case clinics
    /// The given clinics, the pages that list clinics, and the shared pages: the portal's home,
    /// guides, free pages, assets, sitemap, robots.txt, 404 and the team site's assets.
    case shared

    /// The scope a set of changed source parts needs (Zola's `detect_change_kind`): a template or
    /// gangway.yml changes every page; a guide, a free page or an asset the shared pages (and the
    /// guide's clinics, which the caller re-renders); case files only themselves and the listings.
    public init(changes: Set<SourceUnit>) {
        if changes.contains(.site) || changes.contains(.templates) {
            self = .everything
        } else if changes.contains(where: { if case .clinic = $0 { return false } else { return true } }) {
            self = .shared
        } else {
            self = .clinics
        }
    }
}

/// The part of a site that a source path belongs to: what must be reloaded when it changes,
/// and which diagnostics that reload replaces.
public enum SourceUnit: Hashable, Sendable {
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

    /// The unit of a path relative to the source folder.
    public init(path: String) {
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
    public var diagnosticsUnit: SourceUnit {
        self == .assets ? .templates : self
    }
}
