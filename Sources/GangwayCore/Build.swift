import Foundation

/// What a build or check was asked to do.
public struct BuildOptions: Sendable {
    public var source: URL
    /// The clinic portal's folder (default `<source>/public`).
    public var output: URL
    /// The team site's folder (default `<source>/team`), written when `dashboard: true`.
    public var teamOutput: URL
    public var baseURL: String?
    public var today: TodaySource
    public var strict: Bool
    /// The `gangway serve` preview: pages load the live-reload script, and the team site's clinic
    /// links point at the preview's own clinic pages instead of `base_url`.
    public var liveReload: Bool
    public var environment: [String: String]
    /// Where `--timings` collects each step's time; `.off` measures nothing.
    public var timings: BuildTimings
    /// False for a process that exits right after the build (`gangway build`): the loaded site
    /// and the clinics' views are then left for the exit to reclaim, not freed value by value
    /// (see `ProcessExit`). `gangway serve` and the tests build again, and free them.
    public var freesMemory = true

    public init(source: URL, output: URL? = nil, teamOutput: URL? = nil, baseURL: String? = nil, today: TodaySource = .now,
                strict: Bool = false, liveReload: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment,
                timings: BuildTimings = .off) {
        self.source = source
        self.output = output ?? source.appendingPathComponent("public")
        self.teamOutput = teamOutput ?? source.appendingPathComponent("team")
        self.baseURL = baseURL
        self.today = today
        self.strict = strict
        self.liveReload = liveReload
        self.environment = environment
        self.timings = timings
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool
    public var filesWritten = 0
    /// Of `filesWritten`, those whose bytes equal the previous output's: taken over from it, not rewritten.
    public var filesKept = 0
    public var clinics = 0
    public var guides = 0
    public var seconds = 0.0

    /// The one summary line a build prints on stderr.
    public var summary: String {
        let w = diagnostics.warningCount
        let warnings = "\(w) \(w == 1 ? "warning" : "warnings")"
        guard succeeded else { return "build failed: \(DiagnosticFormatter.summary(diagnostics)); nothing was written" }
        return "built \(filesWritten) files: \(clinics) \(clinics == 1 ? "clinic" : "clinics"), \(guides) \(guides == 1 ? "guide" : "guides"), \(warnings) in \(String(format: "%.2f", seconds)) s"
    }
}

/// Load → validate → derive → render → write, as `gangway build` and `gangway check` run it
/// (docs/architecture.md).
public enum Builder {
    /// Reads and checks everything; writes nothing.
    public static func check(_ options: BuildOptions) -> (SiteLoader.Result, failed: Bool) {
        let timings = options.timings
        var result = timings.region(.load) {
            SiteLoader.load(source: options.source, today: options.today, environment: options.environment, timings: timings)
        }
        if var site = result.site {
            applyOverrides(&site, options)
            result.site = site
        }
        if options.strict { result.diagnostics = result.diagnostics.promotingWarnings() }
        return (result, result.diagnostics.fails(strict: options.strict))
    }

    public static func build(_ options: BuildOptions) -> BuildReport {
        build(options, sink: { $0 })
    }

    /// `sink` wraps each staging folder's sink: tests use it to make writing fail midway.
    static func build(_ options: BuildOptions, sink wrap: (DirectorySink) -> OutputSink) -> BuildReport {
        let start = Date()
        let (loaded, failed) = check(options)
        defer { if !options.freesMemory { ProcessExit.keep(loaded) } }
        var report = BuildReport(diagnostics: loaded.diagnostics, succeeded: false)
        guard !failed, let site = loaded.site, let theme = loaded.theme else { return report }
        let timings = options.timings
        do {
            // Both sites are staged; both are swapped in only when both rendered, so a failure touches neither.
            let outputs = try OutputPair(options.output, site.config.dashboard ? options.teamOutput : nil, source: options.source)
            let (portal, team) = try timings.region(.write) { try outputs.begin() }
            do {
                let folders = try ClinicFolders(mode: site.config.clinicURLs, secret: options.environment["GANGWAY_URL_SECRET"])
                let input = RenderInput(site: site, theme: theme, today: loaded.today, folders: folders, liveReload: options.liveReload,
                                        timings: timings)
                let targets = RenderTargets(portal: wrap(portal).timed(by: timings), team: team.map { wrap($0).timed(by: timings) })
                let rendered = try timings.region(.render) { try RenderPipeline.render(input, scope: .everything, into: targets) }
                report.filesWritten = rendered.filesWritten
                if !options.freesMemory { ProcessExit.keep(rendered) }
                report.filesKept = portal.filesKept + (team?.filesKept ?? 0)
                try timings.region(.write) { try outputs.commit() }
            } catch {
                outputs.abandon()
                throw error
            }
        } catch {
            report.diagnostics.append(.of(error))
            return report
        }
        report.succeeded = true
        report.clinics = site.clinics.count
        report.guides = site.guides.count
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    static func applyOverrides(_ site: inout Site, _ options: BuildOptions) {
        if let base = options.baseURL {
            site.config.baseURL = base.hasSuffix("/") ? base : base + "/"
        }
    }
}
