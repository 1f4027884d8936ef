import Foundation

/// Reads a whole site: config, guides, case files (concurrently), free pages and templates,
/// then runs every rule through `Validator`. Reports all problems found, never only the first.
public enum SiteLoader {
    public struct Result: Sendable {
        public var site: Site?
        /// The templates and assets, loaded with the site; nil when the site has errors.
        public var theme: Theme?
        public var today: Day
        public var diagnostics: [Diagnostic]
    }

    /// `environment` is the build's, for the rules that read it (`GANGWAY_URL_SECRET`); nil leaves them out.
    /// `timings` times the rules as the validate step; the caller times the whole as load.
    public static func load(source: URL, today todaySource: TodaySource, environment: [String: String]? = nil,
                            timings: BuildTimings = .off) -> Result {
        var diagnostics: [Diagnostic] = []
        let tree = SourceTree(root: source)
        let config = ConfigLoader.load(source: tree.root, into: &diagnostics)
        let today = todaySource.day(in: config.timezone)

        var guides: [Guide] = []
        if tree.folder("content/guides", into: &diagnostics) {
            for folder in tree.entries("content/guides", into: &diagnostics) where tree.isDirectory(folder) {
                let name = (folder as NSString).lastPathComponent
                if let guide = GuideLoader.load(folder, name: name, tree: tree, unsafeHTML: config.unsafeHTML, into: &diagnostics) {
                    guides.append(guide)
                }
            }
        } else if tree.exists("gangway.yml") && !tree.isPresent("content/guides") {
            diagnostics.append(.error("no guides: add content/guides/<name>/guide.md", at: SourceLocation(file: "content/guides")))
        }
        let guideNames = guides.map(\.name)

        var caseFilePaths: [String] = []
        if tree.folder("content/clinics", into: &diagnostics) {
            for (path, isFolder) in tree.typedEntries("content/clinics", into: &diagnostics) {
                if isFolder ?? tree.isDirectory(path) {
                    diagnostics.append(.warning(folderInClinics, at: SourceLocation(file: path)))
                } else if path.hasSuffix(".yml") {
                    caseFilePaths.append(path)
                } else {
                    diagnostics.append(.warning(notACaseFile, at: SourceLocation(file: path)))
                }
            }
        }
        var loaded = Parallel.map(caseFilePaths) { path -> (caseFile: CaseFile?, diagnostics: [Diagnostic]) in
            var d: [Diagnostic] = []
            let caseFile = CaseFileLoader.load(path, tree: tree, guideNames: guideNames, into: &d)
            return (caseFile, d)
        }
        var caseFiles: [CaseFile] = []
        caseFiles.reserveCapacity(loaded.count)
        for i in loaded.indices {
            diagnostics += loaded[i].diagnostics
            // Moved, not copied: a copy of every case file cost as much again to release.
            if let caseFile = loaded[i].caseFile.take() { caseFiles.append(caseFile) }
        }

        var pages: [FreePage] = []
        if tree.folder("content/pages", into: &diagnostics) {
            for path in tree.entries("content/pages", into: &diagnostics) where path.hasSuffix(".md") {
                if let page = PageLoader.load(path, tree: tree, unsafeHTML: config.unsafeHTML, into: &diagnostics) { pages.append(page) }
            }
        }

        let theme = Theme.load(tree: tree, into: &diagnostics)

        let context = ValidationContext(config: config, guides: guides, guideFolders: guideFolders(tree), guideFoldersUnknown: guideFoldersUnknown(tree), today: today)
        diagnostics += timings.region(.validate) {
            Validator.validate(guides: guides, caseFiles: caseFiles, context: context, environment: environment)
        }
        let rendered = { (caseFile: CaseFile) in caseFile.hasRequiredKeys && context.guides[caseFile.guide] != nil }
        // Usually every case file is rendered: then the array is shared, not copied file by file.
        let clinics = caseFiles.allSatisfy(rendered) ? caseFiles : caseFiles.filter(rendered)
        diagnostics.sort()
        guard let theme, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Result(site: nil, theme: nil, today: today, diagnostics: diagnostics)
        }
        return Result(site: Site(config: config, guides: guides, clinics: clinics, pages: pages), theme: theme, today: today, diagnostics: diagnostics)
    }
}

extension SiteLoader {
    /// The names of the folders in `content/guides/`, whether their guide loaded or not.
    /// Whether `content/guides/` is there but cannot be listed (see `ValidationContext.guideFoldersUnknown`).
    static func guideFoldersUnknown(_ tree: SourceTree) -> Bool {
        tree.isPresent("content/guides") && FileProblem.folder(tree.url("content/guides").path) != nil
    }

    static func guideFolders(_ tree: SourceTree) -> Set<String> {
        let url = tree.url("content/guides")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return Set(names.filter { tree.isDirectory("content/guides/" + $0) })
    }
}
