import Foundation

/// Reloading one part of a site, for `gangway serve`. Each function reads and checks its part
/// exactly as `load(source:today:)` does, so the diagnostics of the parts, put together, are
/// those of a full load.
extension SiteLoader {
    static let notACaseFile = "not a case file (case files end in .yml); it is ignored"
    static let folderInClinics = "a folder is not read here (case files sit directly in content/clinics/); it is ignored"

    /// Reloads one entry of `content/clinics/` (`path` is relative to the source folder): a case file
    /// is read and run through `Validator.validate(caseFile:in:)` against `guides` for `today`; any other
    /// file gets the "not a case file" warning. A folder, a hidden name or a missing entry gives nothing.
    /// `config` carries the settings rules read (`non_provider_roles`); nil reads gangway.yml again.
    public static func reloadClinicEntry(_ path: String, source: URL, guides: [Guide], today: Day,
                                         config: SiteConfig? = nil) -> (caseFile: CaseFile?, diagnostics: [Diagnostic]) {
        let tree = SourceTree(root: source)
        var diagnostics: [Diagnostic] = []
        guard isListed(path, tree: tree), tree.entry(path, into: &diagnostics) != nil else {
            return (nil, diagnostics)
        }
        if tree.isDirectory(path) {
            return (nil, [.warning(folderInClinics, at: SourceLocation(file: path))])
        }
        guard path.hasSuffix(".yml") else {
            return (nil, [.warning(notACaseFile, at: SourceLocation(file: path))])
        }
        guard let caseFile = CaseFileLoader.load(path, tree: tree, guideNames: guides.map(\.name), into: &diagnostics) else {
            return (nil, diagnostics)
        }
        var ignored: [Diagnostic] = []  // gangway.yml's own problems are reported by the full load
        let config = config ?? ConfigLoader.load(source: tree.root, into: &ignored)
        // The folders are only listed when the guide named is not loaded: a cost paid by broken files alone.
        let loaded = guides.contains { $0.name == caseFile.guide }
        let context = ValidationContext(config: config, guides: guides, guideFolders: loaded ? [] : guideFolders(tree),
                                        guideFoldersUnknown: !loaded && guideFoldersUnknown(tree), today: today)
        diagnostics += Validator.validate(caseFile: caseFile, in: context)
        guard caseFile.hasRequiredKeys, context.guides[caseFile.guide] != nil else { return (nil, diagnostics) }
        return (caseFile, diagnostics)
    }

    /// Reloads the guide in `content/guides/<name>/`, steps included; nil when the folder is gone
    /// or the guide has errors.
    public static func reloadGuide(named name: String, source: URL, unsafeHTML: Bool) -> (guide: Guide?, diagnostics: [Diagnostic]) {
        let tree = SourceTree(root: source)
        let folder = "content/guides/" + name
        var diagnostics: [Diagnostic] = []
        guard isListed(folder, tree: tree), tree.entry(folder, into: &diagnostics) != nil, tree.isDirectory(folder) else {
            return (nil, diagnostics)
        }
        let guide = GuideLoader.load(folder, name: name, tree: tree, unsafeHTML: unsafeHTML, into: &diagnostics)
        if let guide { diagnostics += Validator.validate(guide: guide) }
        return (guide, diagnostics)
    }

    /// Reloads every free page of `content/pages/`.
    public static func reloadPages(source: URL, unsafeHTML: Bool) -> (pages: [FreePage], diagnostics: [Diagnostic]) {
        let tree = SourceTree(root: source)
        var diagnostics: [Diagnostic] = []
        var pages: [FreePage] = []
        if tree.folder("content/pages", into: &diagnostics) {
            for path in tree.entries("content/pages", into: &diagnostics) where path.hasSuffix(".md") {
                if let page = PageLoader.load(path, tree: tree, unsafeHTML: unsafeHTML, into: &diagnostics) { pages.append(page) }
            }
        }
        return (pages, diagnostics)
    }

    /// Reloads `templates/` (page templates, partials and assets) over the built-in theme; nil when a template has errors.
    public static func reloadTheme(source: URL) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let theme = Theme.load(tree: SourceTree(root: source), into: &diagnostics)
        return (theme, diagnostics)
    }
}

private extension SiteLoader {
    /// Whether a full load would list `path` at all: it exists (a dangling link counts) and its name is not hidden.
    static func isListed(_ path: String, tree: SourceTree) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard !name.hasPrefix(".") else { return false }
        return (try? FileManager.default.attributesOfItem(atPath: tree.url(path).path)) != nil
    }
}
