import ArgumentParser
import Foundation
import GangwayCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the site into the output folder.",
        discussion: """
        Replaces the output folder in one atomic step; a build with errors writes nothing.

        Examples:
          gangway build
          gangway build -s portal -o /var/www/portal --today 2026-11-29 --strict
        """)

    @OptionGroup var site: SiteOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The output folder (default: <source>/public).", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("team-output"), help: ArgumentHelp("The team site's folder, written with dashboard: true (default: <source>/team).", valueName: "dir"))
    var teamOutput: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Override base_url from gangway.yml (used in sitemap.xml and the 404 page).", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Print nothing but problems.")
    var quiet = false

    @Flag(help: "After the build, print each step's wall and CPU time and the slowest templates on stderr.")
    var timings = false

    func validate() throws {
        if let baseURL, case .failure(let refusal) = BaseURLRule.normalize(baseURL) {
            throw ValidationError("--base-url \(refusal.reason)")
        }
    }

    func run() throws {
        try site.requireSite()
        let options = BuildOptions(
            source: site.sourceURL, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            teamOutput: teamOutput.map { URL(fileURLWithPath: $0).standardizedFileURL },
            baseURL: baseURL, today: try site.todaySource(), strict: site.strict, timings: timings ? BuildTimings() : .off)
        try requireSafeOutput(options)
        // One build, then the process exits: its memory is not handed back value by value.
        var once = options
        once.freesMemory = false
        let report = Builder.build(once)
        DiagnosticPrinter.printText(report.diagnostics)
        if !quiet || !report.succeeded {
            FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        }
        if timings {
            let kept = report.succeeded ? "files: \(report.filesKept) of \(report.filesWritten) unchanged, taken over from the previous output\n" : ""
            FileHandle.standardError.write(Data((options.timings.text + kept).utf8))
        }
        if !report.succeeded { throw ExitCode.failure }
    }

    /// An output folder Gangway would refuse is a wrong command line: say so before building.
    func requireSafeOutput(_ options: BuildOptions) throws {
        do {
            _ = try AtomicOutput(output: options.output, source: options.source)
            if teamOutput != nil { _ = try AtomicOutput(output: options.teamOutput, source: options.source) }
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }
}
