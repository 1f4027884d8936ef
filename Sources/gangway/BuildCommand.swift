import ArgumentParser
import Foundation
import GangwayCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder (default: <source>/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override base_url from gangway.yml (used in sitemap.xml and the 404 page).")
    var baseURL: String?

    @Flag(help: "Print nothing but problems.")
    var quiet = false

    func validate() throws {
        if let baseURL, case .failure(let refusal) = BaseURLRule.normalize(baseURL) {
            throw ValidationError("--base-url \(refusal.reason)")
        }
    }

    func run() throws {
        let options = BuildOptions(
            source: site.sourceURL, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            baseURL: baseURL, today: try site.todaySource(), strict: site.strict)
        let report = Builder.build(options)
        DiagnosticPrinter.printText(report.diagnostics)
        if !quiet || !report.succeeded {
            FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        }
        if !report.succeeded { throw ExitCode.failure }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read and check the site without writing anything.")

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print problems: text, json or github.")
    var format: String = "text"

    func validate() throws {
        guard DiagnosticFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be text, json or github")
        }
    }

    func run() throws {
        let options = BuildOptions(source: site.sourceURL, today: try site.todaySource(), strict: site.strict)
        let (result, failed) = Builder.check(options)
        let diagnostics = result.diagnostics
        switch DiagnosticFormat(rawValue: format)! {
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
        if failed { throw ExitCode.failure }
    }
}

/// Prints diagnostics on stderr, in colour only on a terminal and never with NO_COLOR.
enum DiagnosticPrinter {
    static func printText(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let env = ProcessInfo.processInfo.environment
        // no-color.org: NO_COLOR set to anything but the empty string turns colour off.
        let color = isatty(2) == 1 && (env["NO_COLOR"] ?? "").isEmpty && env["TERM"] != "dumb"
        FileHandle.standardError.write(Data(DiagnosticFormatter.text(diagnostics, color: color).utf8))
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
