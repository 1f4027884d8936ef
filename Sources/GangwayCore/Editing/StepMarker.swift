import Foundation

/// `gangway mark`: records one step's new status in a clinic's case file. Checks the result
/// as a build would before writing; writes nothing when it has errors.
public enum StepMarker {
    /// What a mark did: the diagnostics of the checked result, and whether the file was written.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var written: Bool
        /// The case file, relative to the source folder.
        public var path: String
        /// The day used for dates not given.
        public var today: Day?
    }

    /// A problem with what was asked (unknown clinic or step): nothing was read further.
    public struct Refusal: Error, CustomStringConvertible, Sendable, Equatable {
        public var description: String
    }

    public static func mark(clinic slug: String, step stepID: String, change: StepChange, source: URL,
                            today todaySource: TodaySource) throws -> Outcome {
        let tree = SourceTree(root: source)
        let path = "content/clinics/\(slug).yml"
        guard Slug.isValid(slug), tree.exists(path), !tree.isDirectory(path) else {
            var ignored: [Diagnostic] = []
            let known = tree.isDirectory("content/clinics")
                ? tree.entries("content/clinics", into: &ignored).filter { $0.hasSuffix(".yml") }
                    .map { String(($0 as NSString).lastPathComponent.dropLast(4)) }
                : []
            var message = "no clinic '\(slug)': there is no \(path)"
            if let near = Suggest.closest(to: slug, among: known) { message += " (did you mean '\(near)'?)" }
            throw Refusal(description: message)
        }
        var diagnostics: [Diagnostic] = []
        let config = ConfigLoader.load(source: tree.root, into: &diagnostics)
        let today = todaySource.day(in: config.timezone)
        let url = tree.url(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Refusal(description: "cannot read \(path)") }
        guard var text = String(validating: data, as: UTF8.self) else {
            return Outcome(diagnostics: check(source: source, path: path, text: nil, today: todaySource), written: false, path: path, today: today)
        }
        let bom = text.hasPrefix("\u{FEFF}")
        if bom { text.removeFirst() }

        let guideName = guideName(in: text)
        guard let guideName, let guide = SiteLoader.reloadGuide(named: guideName, source: source, unsafeHTML: false).guide else {
            return Outcome(diagnostics: check(source: source, path: path, text: nil, today: todaySource), written: false, path: path, today: today)
        }
        guard guide.step(id: stepID) != nil else {
            var message = "guide '\(guide.name)' has no step '\(stepID)'"
            if let near = Suggest.closest(to: stepID, among: guide.steps.map(\.id)) { message += " (did you mean '\(near)'?)" }
            else { message += "; its steps are: \(guide.steps.map(\.id).joined(separator: ", "))" }
            throw Refusal(description: message)
        }
        let edited: String
        do {
            edited = try StepRecordEditor(text: text).applying(change, to: stepID, order: guide.steps.map(\.id), today: today)
        } catch let failure as StepRecordEditor.Failure {
            if failure == .unreadable {
                return Outcome(diagnostics: check(source: source, path: path, text: nil, today: todaySource), written: false, path: path, today: today)
            }
            throw Refusal(description: "\(path): \(failure)")
        }
        let full = (bom ? "\u{FEFF}" : "") + edited
        let result = check(source: source, path: path, text: full, today: todaySource)
        guard !result.contains(where: { $0.severity == .error }) else {
            return Outcome(diagnostics: result, written: false, path: path, today: today)
        }
        try AtomicFile.replace(url, with: Data(full.utf8))
        return Outcome(diagnostics: result, written: true, path: path, today: today)
    }

    /// The status closest to a misspelt one, for "did you mean".
    public static func suggestedStatus(for word: String) -> String? {
        Suggest.closest(to: word, among: StepStatus.allCases.map(\.rawValue))
    }

    /// The `guide:` a case file names, read through the YAML parser; nil when it does not parse.
    private static func guideName(in text: String) -> String? {
        var ignored: [Diagnostic] = []
        var doc = YAMLDocument(file: "", lineOffset: 0)
        guard let node = doc.parse(text, into: &ignored), doc.isMapping(node) else { return nil }
        return (0..<doc.pairCount(node)).first { doc.string(doc.key(node, $0)) == "guide" }.flatMap { doc.string(doc.value(node, $0)) }
    }

    /// The site's checks on the site as it would be with `text` in place of the case file at `path`
    /// (nil: as it is now). The site loads through SiteLoader as `Builder.check` loads it; the one case file is then
    /// read again from the edited text, through the same loader and per-clinic rules, and its
    /// diagnostics replace those of the file on disk. The one place that knows how checking is done.
    static func check(source: URL, path: String, text: String?, today: TodaySource) -> [Diagnostic] {
        // SiteLoader, as Builder.check calls it; not Builder.check itself, whose one addition (the
        // URL secret of clinic_urls: token) is the build's business, not the content's.
        let loaded = SiteLoader.load(source: source, today: today)
        guard let text else { return loaded.diagnostics }
        var diagnostics = loaded.diagnostics.filter { $0.location.file != path }
        let guides: [Guide]
        if let site = loaded.site {
            guides = site.guides
        } else {
            var ignored: [Diagnostic] = []
            let tree = SourceTree(root: source)
            guides = tree.entries("content/guides", into: &ignored).filter(tree.isDirectory).compactMap {
                SiteLoader.reloadGuide(named: ($0 as NSString).lastPathComponent, source: source, unsafeHTML: false).guide
            }
        }
        // The edited text goes into a scratch folder laid out like the site, so the loader reads it as a file.
        do {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gangway-mark-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let file = scratch.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            diagnostics += SiteLoader.reloadClinicEntry(path, source: scratch, guides: guides, today: loaded.today).diagnostics
        } catch {
            diagnostics.append(.error("cannot check the edited case file: \(error)", at: SourceLocation(file: path)))
        }
        return diagnostics.sorted()
    }
}
