import Dispatch
import Foundation
import GangwayCore

/// The site as `gangway serve` keeps it between saves: everything loaded, the diagnostics of each
/// part, and the clinics rendered into the served folder. A change reloads only the parts it
/// touches and re-renders only the pages that depend on them:
///
/// - a case file: that clinic, and the pages that list clinics (the whole team site: dashboard, reports, status.json, CSVs, calendar);
/// - a guide: that guide's clinics, and the shared pages (guides, home, sitemap, the listings);
/// - a free page or an asset: the shared pages (every page when a free page's title or name changed);
/// - a template, gangway.yml, or a change of day: everything.
///
/// `RenderScope(changes:)` in GangwayCore maps the changes to what is rendered; `RenderPipeline`
/// renders it, as `gangway build` does.
///
/// Afterwards the served folder holds exactly what `gangway build` with live reload would write.
/// While the site has errors nothing is rendered: the changes wait, and the last good site stays.
///
/// With `deferListings`, a change that needs only clinics re-rendered (a case file saved) renders
/// their pages and returns, leaving the team site to `completeListings()`, which the preview
/// calls right after telling pages to reload: the saved clinic's page reloads in milliseconds at
/// any size, while the team site, which lists every clinic, follows. `teamGate` is closed in
/// between, so a team page requested then waits until it is current.
///
/// Not thread-safe: `gangway serve` calls it from one serial queue.
final class LiveSite: @unchecked Sendable {
    /// What a rebuild did.
    struct Outcome: Sendable {
        var succeeded: Bool
        /// Whether everything was reloaded.
        var full: Bool
        /// On failure, the errors that block the site; on success, the warnings of the parts reloaded.
        var diagnostics: [Diagnostic]
        /// Output paths written or removed.
        var changed: [String]
        /// Output paths rendered, changed or not.
        var rendered: Set<String>
        var seconds: Double
    }

    let source: URL
    let output: SyncedOutput
    let todaySource: TodaySource
    let environment: [String: String]
    /// Whether a case file's save leaves the listings to `completeListings()`.
    let deferListings: Bool
    /// Closed while the listings are behind the clinic pages.
    let teamGate = TeamGate()
    private var model: Model?
    private var hasBuilt = false

    init(source: URL, output: SyncedOutput, today: TodaySource, environment: [String: String], deferListings: Bool = false) {
        self.source = source
        self.output = output
        self.todaySource = today
        self.environment = environment
        self.deferListings = deferListings
    }

    /// Renders the listings a deferred render left behind (nil when none wait), then opens the team gate.
    func completeListings() -> Outcome? {
        guard var m = model, m.listingsBehind else { return nil }
        model = nil  // m is the only copy: changing it copies none of its tables
        defer { teamGate.open() }
        let start = Date()
        output.beginPass()
        let pass: SyncedOutput.Pass
        do {
            let views = m.views.keys.sorted().map { m.views[$0]! }
            _ = try RenderPipeline.renderListings(m.renderInput(withClinics: false), views: views, into: targets)
            // A filter page no clinic belongs to any more (a region renamed, say) goes.
            pass = output.endPass(removingUnwritten: { $0.hasPrefix("team/by/") })
        } catch {
            output.endPass()
            m.pending.scope = .everything
            model = m
            return .failure([.of(error)], full: false, since: start)
        }
        m.listingsBehind = false
        model = m
        return Outcome(succeeded: true, full: false, diagnostics: [], changed: pass.changed.sorted(),
                       rendered: pass.written, seconds: Date().timeIntervalSince(start))
    }

    /// Where renders go: the portal at the served folder's root, the team site under team/.
    private var targets: RenderTargets {
        RenderTargets(portal: output, team: PrefixedSink(prefix: "team/", base: output))
    }

    /// Loads and renders the whole site.
    func rebuildAll() -> Outcome {
        let start = Date()
        let options = BuildOptions(source: source, today: todaySource, liveReload: true, environment: environment)
        let (loaded, failed) = Builder.check(options)
        model = nil
        guard !failed, let site = loaded.site, let theme = loaded.theme else {
            if !hasBuilt { writeErrorPage(loaded.diagnostics) }
            return .failure(loaded.diagnostics, full: true, since: start)
        }
        do {
            let folders = try ClinicFolders(mode: site.config.clinicURLs, secret: environment["GANGWAY_URL_SECRET"])
            var kept = site
            (kept.guides, kept.clinics) = ([], [])
            var m = Model(site: kept, theme: theme, today: loaded.today, folders: folders,
                          guides: Dictionary(site.guides.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
                          caseFiles: Dictionary(site.clinics.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a }),
                          diagnostics: loaded.diagnostics)
            m.pending.scope = .everything
            var outcome = render(&m, full: true, since: start)
            if outcome.succeeded {
                model = m
                hasBuilt = true
                outcome.diagnostics = loaded.diagnostics
            } else if !hasBuilt {
                // A page that failed to render (a template recursing too deep for its values).
                writeErrorPage(outcome.diagnostics)
            }
            return outcome
        } catch {
            return .failure([.error("\(error)", at: .whole("gangway.yml"))], full: true, since: start)
        }
    }

    /// Reloads what the changed source paths (relative to the source folder) touch, and renders
    /// what depends on it. `rescan` (events were lost) reloads everything.
    func apply(_ paths: Set<String>, rescan: Bool = false) -> Outcome {
        let units = Set(paths.map(SourceUnit.init(path:)))
        guard var m = model, !rescan, !units.contains(.site), todaySource.day(in: m.site.config.timezone) == m.today else {
            return rebuildAll()
        }
        // m is the only copy while it changes: otherwise its first change would copy the tables
        // of every case file and view (10,000 of each in a large portal). Set back below.
        model = nil
        let start = Date()
        var reloaded: Set<SourceUnit> = []
        m.pending.widen(to: RenderScope(changes: units))

        var clinicPaths: Set<String> = []
        for unit in units.sorted(by: { "\($0)" < "\($1)" }) {
            switch unit {
            case .clinic(let path): clinicPaths.insert(path)
            case .guide(let name):
                let (guide, d) = SiteLoader.reloadGuide(named: name, source: source, unsafeHTML: m.site.config.unsafeHTML)
                m.guides[name] = guide
                m.replaceDiagnostics(of: unit, with: d)
                reloaded.insert(unit)
                // Its clinics are checked against its steps; a clinic that failed may have named it.
                clinicPaths.formUnion(m.caseFiles.filter { $0.value.guide == name }.keys)
                clinicPaths.formUnion(m.clinicsWithErrors)
            case .pages:
                let (pages, d) = SiteLoader.reloadPages(source: source, unsafeHTML: m.site.config.unsafeHTML)
                // Every page's navigation lists the free pages by title.
                if pages.map({ [$0.name, $0.title] }) != m.site.pages.map({ [$0.name, $0.title] }) { m.pending.widen(to: .everything) }
                m.site.pages = pages
                m.replaceDiagnostics(of: unit, with: d)
                reloaded.insert(unit)
            case .templates, .assets:
                guard !reloaded.contains(.templates) else { continue }
                let (theme, d) = SiteLoader.reloadTheme(source: source)
                if let theme { m.theme = theme }
                m.replaceDiagnostics(of: .templates, with: d)
                reloaded.insert(.templates)
            case .site:
                break
            }
        }

        if !clinicPaths.isEmpty {
            let paths = clinicPaths.sorted()
            let guides = m.orderedGuides
            let (source, today, config) = (source, m.today, m.site.config)
            let results = Parallel.map(paths) { SiteLoader.reloadClinicEntry($0, source: source, guides: guides, today: today, config: config) }
            for (path, result) in zip(paths, results) {
                m.caseFiles[path] = result.caseFile
                m.replaceDiagnostics(of: .clinic(path), with: result.diagnostics)
                reloaded.insert(.clinic(path))
            }
            m.pending.clinics.formUnion(paths)
        }
        m.diagnostics.sort()

        let errors = m.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            model = m
            return .failure(errors + m.diagnostics(of: reloaded).filter { $0.severity == .warning }, full: false, since: start)
        }
        var outcome = render(&m, full: false, since: start)
        if outcome.succeeded { outcome.diagnostics = m.diagnostics(of: reloaded) }
        model = m
        return outcome
    }

    /// Writes what the model's pending changes need into the served folder.
    private func render(_ m: inout Model, full: Bool, since start: Date) -> Outcome {
        let scope = m.pending.scope
        // Only a render of everything reads the site's clinics (others get theirs below).
        let input = m.renderInput(withClinics: scope == .everything)
        let deferring = deferListings && scope == .clinics && m.site.config.dashboard
        output.beginPass()
        let pass: SyncedOutput.Pass
        do {
            var clinics: [CaseFile] = []
            if scope != .everything {
                for path in m.pending.clinics.sorted() {
                    if let clinic = m.caseFiles[path] {
                        clinics.append(clinic)
                    } else if let gone = m.views.removeValue(forKey: path) {
                        output.removeFolder("clinics/" + m.folders.folder(for: gone.slug))
                    }
                }
            }
            let others = scope == .everything || deferring ? [] : m.views.filter { !m.pending.clinics.contains($0.key) }.map(\.value)
            if deferring { teamGate.close() }
            let rendered = try RenderPipeline.render(input, scope: scope, clinics: clinics, others: others, listings: !deferring, into: targets)
            if scope == .everything { m.views = [:] }
            for view in rendered.views { m.views[view.file] = view }
            switch scope {
            case .everything: pass = output.endPass(removingUnwritten: { _ in true })
            case .shared: pass = output.endPass(removingUnwritten: { !$0.hasPrefix("clinics/") })
            // The listings re-render the whole team site but its assets: a filter page no clinic
            // belongs to any more (a region renamed, say) goes.
            case .clinics: pass = output.endPass(removingUnwritten: { !deferring && $0.hasPrefix("team/by/") })
            }
        } catch {
            output.endPass()
            m.pending.scope = .everything
            if deferring { teamGate.open() }
            return .failure([.of(error)], full: full, since: start)
        }
        m.listingsBehind = deferring
        m.pending = Pending()
        return Outcome(succeeded: true, full: full, diagnostics: [], changed: pass.changed.sorted(),
                       rendered: pass.written, seconds: Date().timeIntervalSince(start))
    }

    /// Before the first good build, the served folder shows the errors instead of a site.
    private func writeErrorPage(_ diagnostics: [Diagnostic]) {
        let html = Data(ErrorPage.html(diagnostics).utf8)
        output.beginPass()
        try? output.write("index.html", html)
        try? output.write("404.html", html)
        output.endPass(removingUnwritten: { _ in true })
    }
}

private extension LiveSite {
    /// What must be rendered once the site has no errors: the case files to re-render, and the scope.
    struct Pending {
        var clinics: Set<String> = []
        var scope = RenderScope.clinics

        /// Widens the scope to cover `other` too (changes that wait on an error add up).
        mutating func widen(to other: RenderScope) {
            if scope == .everything || other == .everything { scope = .everything } else if other == .shared { scope = .shared }
        }
    }

    struct Model {
        /// Config and pages as last loaded; its guides and clinics stay empty, `renderInput` takes
        /// them from the tables below.
        var site: Site
        var theme: Theme
        var today: Day
        var folders: ClinicFolders
        var guides: [String: Guide]
        /// Case files by path; one that failed to load is absent.
        var caseFiles: [String: CaseFile]
        var diagnostics: [Diagnostic]
        /// Each rendered clinic's view, for the listing pages, by case file path.
        var views: [String: ClinicView] = [:]
        var pending = Pending()
        /// Whether the served team site waits for `completeListings()`.
        var listingsBehind = false

        var orderedGuides: [Guide] { guides.keys.sorted().map { guides[$0]! } }

        /// What a render reads: the site as loaded now, its guides by name and, `withClinics`, its
        /// clinics by case-file path. With live reload: the preview loads the reload script, and
        /// the team site it serves under /team/ links to the preview's own clinic pages.
        func renderInput(withClinics: Bool) -> RenderInput {
            var current = site
            current.guides = orderedGuides
            current.clinics = withClinics ? caseFiles.keys.sorted().map { caseFiles[$0]! } : []
            return RenderInput(site: current, theme: theme, today: today, folders: folders, liveReload: true)
        }

        var clinicsWithErrors: Set<String> {
            Set(diagnostics.compactMap { d -> String? in
                guard d.severity == .error, case .clinic(let path) = SourceUnit(path: d.location.file) else { return nil }
                return path
            })
        }

        mutating func replaceDiagnostics(of unit: SourceUnit, with new: [Diagnostic]) {
            diagnostics.removeAll { SourceUnit(path: $0.location.file).diagnosticsUnit == unit }
            diagnostics += new
        }

        func diagnostics(of units: Set<SourceUnit>) -> [Diagnostic] {
            diagnostics.filter { units.contains(SourceUnit(path: $0.location.file).diagnosticsUnit) }
        }
    }
}

private extension LiveSite.Outcome {
    static func failure(_ diagnostics: [Diagnostic], full: Bool, since start: Date) -> Self {
        Self(succeeded: false, full: full, diagnostics: diagnostics, changed: [], rendered: [], seconds: Date().timeIntervalSince(start))
    }
}
