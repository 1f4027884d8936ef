import Foundation

/// Reads a whole site: config, guides, case files (concurrently), free pages and templates,
/// then runs every check. Reports all problems found, never only the first.
public enum SiteLoader {
    public struct Result: Sendable {
        public var site: Site?
        public var today: Day
        public var diagnostics: [Diagnostic]
    }

    public static func load(source: URL, today todaySource: TodaySource) -> Result {
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
        let guideMap = Dictionary(guides.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        var caseFilePaths: [String] = []
        if tree.folder("content/clinics", into: &diagnostics) {
            for path in tree.entries("content/clinics", into: &diagnostics) {
                if tree.isDirectory(path) {
                    diagnostics.append(.warning(folderInClinics, at: SourceLocation(file: path)))
                } else if path.hasSuffix(".yml") {
                    caseFilePaths.append(path)
                } else {
                    diagnostics.append(.warning(notACaseFile, at: SourceLocation(file: path)))
                }
            }
        }
        let loaded = Parallel.map(caseFilePaths) { path -> (CaseFile?, [Diagnostic]) in
            var d: [Diagnostic] = []
            let caseFile = CaseFileLoader.load(path, tree: tree, guides: guideMap, into: &d)
            if let caseFile, let guide = guideMap[caseFile.guide] {
                d += CaseFileRules.check(caseFile, guide: guide, today: today)
            }
            return (caseFile, d)
        }
        var clinics: [CaseFile] = []
        for (caseFile, d) in loaded {
            diagnostics += d
            if let caseFile { clinics.append(caseFile) }
        }

        var pages: [FreePage] = []
        if tree.folder("content/pages", into: &diagnostics) {
            for path in tree.entries("content/pages", into: &diagnostics) where path.hasSuffix(".md") {
                if let page = PageLoader.load(path, tree: tree, unsafeHTML: config.unsafeHTML, into: &diagnostics) { pages.append(page) }
            }
        }

        let theme = Theme.load(tree: tree, into: &diagnostics)
        diagnostics.sort()
        guard let theme, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Result(site: nil, today: today, diagnostics: diagnostics)
        }
        return Result(site: Site(config: config, guides: guides, clinics: clinics, pages: pages, theme: theme), today: today, diagnostics: diagnostics)
    }
}

/// Every per-clinic rule, in one place for the loader and for incremental rebuilds.
enum CaseFileRules {
    static func check(_ c: CaseFile, guide: Guide, today: Day) -> [Diagnostic] {
        ProviderRules.check(c) + ProgressRules.check(c, guide: guide, today: today) + ProgressRules.futureDates(c, today: today)
    }
}

/// Loads `content/pages/<name>.md`: front matter with a `title`, and a Markdown body.
enum PageLoader {
    static func load(_ path: String, tree: SourceTree, unsafeHTML: Bool, into diagnostics: inout [Diagnostic]) -> FreePage? {
        let name = String(((path as NSString).lastPathComponent).dropLast(3))
        guard Slug.isValid(name) else {
            diagnostics.append(.error("page file name '\(name).md' must use only a-z, 0-9 and '-'", at: SourceLocation(file: path)))
            return nil
        }
        guard let source = readMarkdown(path, tree: tree, into: &diagnostics) else { return nil }
        var title: String?
        if let (map, _) = source.frontMatter(what: "a page's front matter", keys: ["title"], into: &diagnostics) {
            title = map.requiredString("title", hint: "add a line like title: Questions", into: &diagnostics)
        } else if source.text.yaml == nil {
            diagnostics.append(.error("page has no front matter", at: SourceLocation(file: path),
                                      hint: "start the file with ---, a line 'title: …', and ---"))
        }
        guard let title else { return nil }
        return FreePage(name: name, title: title, bodyHTML: Markdown.html(source.text.body, unsafe: unsafeHTML), file: path)
    }
}
