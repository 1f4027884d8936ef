import ArgumentParser
import Foundation
import GangwayCore

@main
/// A wrong command line exits 64 (ArgumentParser's validationFailure, EX_USAGE).
struct Gangway: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gangway",
        abstract: "Builds clinic onboarding portals from case files and EMR guides.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, Init.self, New.self,
                      Mark.self,
                      Import.self]
    )
}

/// Options shared by build and check.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site folder (default: the current folder).")
    var source: String = "."

    @Option(help: "Take this date as today (YYYY-MM-DD), for reproducible builds.")
    var today: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    var sourceURL: URL { URL(fileURLWithPath: source).standardizedFileURL }

    func todaySource() throws -> TodaySource {
        do {
            return try TodaySource.from(option: today, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
