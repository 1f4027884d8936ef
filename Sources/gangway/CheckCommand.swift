import ArgumentParser
import Foundation
import GangwayCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read and check the site without writing anything.",
        discussion: """
        Does all of build's reading and checking. Exits 1 when the site has errors (or warnings, \
        with --strict).

        Examples:
          gangway check
          gangway check -s portal --strict --format github
        """)

    /// The values of `--format`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github

        var diagnosticFormat: DiagnosticFormat {
            switch self {
            case .text: return .text
            case .json: return .json
            case .github: return .github
            }
        }
    }

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print problems.")
    var format: Format = .text

    @Flag(help: "After the check, print the wall and CPU time of loading and of the rules on stderr.")
    var timings = false

    func run() throws {
        try site.requireSite()
        let options = BuildOptions(source: site.sourceURL, today: try site.todaySource(), strict: site.strict,
                                   timings: timings ? BuildTimings() : .off)
        let (result, failed) = Builder.check(options)
        defer { ProcessExit.keep(result) }  // the process exits next: see ProcessExit
        let diagnostics = result.diagnostics
        switch format.diagnosticFormat {
        case .text:
            DiagnosticPrinter.printText(diagnostics)
            let clinics = result.site.map { "\(plural($0.clinics.count, "clinic")), \(plural($0.guides.count, "guide")): " } ?? ""
            FileHandle.standardError.write(Data("\(clinics)\(DiagnosticFormatter.summary(diagnostics))\n".utf8))
        case .json:
            FileHandle.standardOutput.write(Data(DiagnosticFormatter.json(diagnostics).utf8))
        case .github:
            FileHandle.standardOutput.write(Data(DiagnosticFormatter.github(diagnostics).utf8))
            FileHandle.standardError.write(Data("\(DiagnosticFormatter.summary(diagnostics))\n".utf8))
        }
        if timings { FileHandle.standardError.write(Data(options.timings.text.utf8)) }
        if failed { throw ExitCode.failure }
    }
}
