import Foundation

/// What a build or check was asked to do.
public struct BuildOptions: Sendable {
    public var source: URL
    public var output: URL
    public var baseURL: String?
    public var today: TodaySource
    public var strict: Bool
    public var liveReload: Bool
    public var environment: [String: String]

    public init(source: URL, output: URL? = nil, baseURL: String? = nil, today: TodaySource = .now,
                strict: Bool = false, liveReload: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.source = source
        self.output = output ?? source.appendingPathComponent("public")
        self.baseURL = baseURL
        self.today = today
        self.strict = strict
        self.liveReload = liveReload
        self.environment = environment
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool
    public var filesWritten = 0
    public var clinics = 0
    public var guides = 0
    public var seconds = 0.0
    public var site: Site?
    public var today: Day?

    /// The one summary line a build prints on stderr.
    public var summary: String {
        let w = diagnostics.warningCount
        let warnings = "\(w) \(w == 1 ? "warning" : "warnings")"
        guard succeeded else { return "build failed: \(DiagnosticFormatter.summary(diagnostics)); nothing was written" }
        return "built \(filesWritten) files: \(clinics) \(clinics == 1 ? "clinic" : "clinics"), \(guides) \(guides == 1 ? "guide" : "guides"), \(warnings) in \(String(format: "%.2f", seconds)) s"
    }
}

/// Load → check → render → write, as `gangway build` and `gangway check` run it.
public enum Builder {
    /// Reads and checks everything; writes nothing.
    public static func check(_ options: BuildOptions) -> (SiteLoader.Result, failed: Bool) {
        var result = SiteLoader.load(source: options.source, today: options.today)
        if var site = result.site {
            applyOverrides(&site, options)
            result.site = site
            if site.config.clinicURLs == .token, let problem = ClinicFolders.problem(withSecret: options.environment["GANGWAY_URL_SECRET"]) {
                result.diagnostics.append(.error(problem.description, at: SourceLocation(file: ConfigLoader.file)))
                result.site = nil
            }
        }
        return (result, result.diagnostics.fails(strict: options.strict))
    }

    public static func build(_ options: BuildOptions) -> BuildReport {
        build(options, sink: { $0 })
    }

    /// `sink` wraps the staging folder's sink: tests use it to make writing fail midway.
    static func build(_ options: BuildOptions, sink wrap: (DirectorySink) -> OutputSink) -> BuildReport {
        let start = Date()
        let (loaded, failed) = check(options)
        var report = BuildReport(diagnostics: loaded.diagnostics, succeeded: false, site: loaded.site, today: loaded.today)
        guard !failed, let site = loaded.site else { return report }
        do {
            let out = try AtomicOutput(output: options.output, source: options.source)
            let sink = wrap(try out.begin())
            do {
                let folders = try ClinicFolders(mode: site.config.clinicURLs, secret: options.environment["GANGWAY_URL_SECRET"])
                let renderer = SiteRenderer(site: site, today: loaded.today, folders: folders, liveReload: options.liveReload)
                report.filesWritten = try renderer.renderAll(into: sink)
                try out.commit()
            } catch {
                out.abandon()
                throw error
            }
        } catch {
            report.diagnostics.append(.error("\(error)", at: SourceLocation(file: ".")))
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
