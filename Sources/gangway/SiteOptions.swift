import ArgumentParser
import Foundation
import GangwayCore

/// `--source`/`-s`, shared by every command that reads a site.
struct SourceOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("The site folder (default: the current folder).", valueName: "dir"))
    var source: String?

    var sourceURL: URL { URL(fileURLWithPath: source ?? ".").standardizedFileURL }

    /// Fails with a plain `error:` line (exit 64) when the folder holds no gangway.yml.
    func requireSite() throws {
        let config = sourceURL.appendingPathComponent("gangway.yml").path
        guard FileManager.default.fileExists(atPath: config) else {
            let shown = source ?? "the current folder"
            throw CommandFailure.usage("no gangway.yml in \(shown): it is not a Gangway site (start one with 'gangway init DIR', or point --source at one)")
        }
    }

    /// What `new clinic` and `new guide` share: the site must exist; `write` creates files in it
    /// and returns their paths, printed one a line; a refusal (the file exists, the guide is
    /// unknown) is a plain `error:` line with exit 1.
    func writeNewFiles(_ write: (URL) throws -> [String]) throws {
        try requireSite()
        do {
            for path in try write(sourceURL) { print("wrote \(path)") }
        } catch {
            throw CommandFailure.failure("\(error)")
        }
    }
}

/// `--today`, shared by build, check and serve; checked while parsing, so a bad date prints the
/// command's own usage.
struct TodayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Take this date as today, for reproducible output (default: SOURCE_DATE_EPOCH, else the current date in the site's timezone).", valueName: "yyyy-mm-dd"))
    var today: String?

    func validate() throws {
        _ = try todaySource()
    }

    func todaySource() throws -> TodaySource {
        do {
            return try TodaySource.from(option: today, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

/// Options shared by build and check.
struct SiteOptions: ParsableArguments {
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var todayOptions: TodayOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    var sourceURL: URL { sourceOptions.sourceURL }

    func todaySource() throws -> TodaySource { try todayOptions.todaySource() }

    func requireSite() throws { try sourceOptions.requireSite() }
}
