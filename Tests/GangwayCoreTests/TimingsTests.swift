import Foundation
import Testing
@testable import GangwayCore

/// `gangway build --timings` and `check --timings`: every step and template is reported with its
/// figures, and the build's outputs, stdout and exit status are the same as without the flag.
/// No figure is compared with a threshold: speed lives in scripts/bench-build.
@Suite(.serialized) struct TimingsTests {
    static let steps = ["load", "validate", "derive", "render", "write", "total"]
    /// `  render  198.8 ms  96.1 ms`: a name, then figures in milliseconds (derive's wall is `-`).
    static func stepLine(_ step: String, in text: String) -> String? {
        text.split(separator: "\n").map(String.init).first { line in
            line.range(of: "^  \(step) +(-|[0-9]+\\.[0-9]+ ms)( +[0-9]+\\.[0-9]+ ms)+$", options: .regularExpression) != nil
        }
    }

    /// 57 in `built 57 files: 8 clinics, …`.
    static func filesBuilt(_ summary: String) -> Int? {
        guard summary.hasPrefix("built ") else { return nil }
        return Int(summary.dropFirst("built ".count).prefix { $0.isNumber })
    }

    static func build(_ extra: [String]) throws -> (run: Run, output: URL) {
        let folder = try Fixtures.temporaryFolder("timings")
        let out = folder.appendingPathComponent("public"), team = folder.appendingPathComponent("team")
        let run = try Run(["build", "--source", Fixtures.packageRoot.path, "--output", out.path, "--team-output", team.path,
                           "--today", "2026-11-29"] + extra)
        return (run, folder)
    }

    @Test func buildPrintsEveryStepAndTheTemplatesAndChangesNothingElse() throws {
        let (plain, plainFolder) = try Self.build([])
        let (timed, timedFolder) = try Self.build(["--timings"])
        #expect(plain.status == 0 && timed.status == 0, "\(timed.stderr)")
        #expect(timed.stdout == plain.stdout)
        #expect(Fixtures.tree(timedFolder) == Fixtures.tree(plainFolder), "--timings changed what was built")
        #expect(!plain.stderr.contains("timings"))

        let lines = timed.stderr.split(separator: "\n").map(String.init)
        // The summary line comes first, as without the flag; then the header that says what the figures mean.
        let files = try #require(lines.first.flatMap(Self.filesBuilt), "no summary line first:\n\(timed.stderr)")
        #expect(lines.dropFirst().first?.hasPrefix("timings on ") == true && timed.stderr.contains("cpu is CPU time summed over threads"))
        for step in Self.steps {
            #expect(Self.stepLine(step, in: timed.stderr) != nil, "no figures for \(step) in:\n\(timed.stderr)")
        }
        // Each page kind rendered as often as the portal has pages of it.
        func folders(_ path: String) throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: timedFolder.appendingPathComponent("public/\(path)").path).count
        }
        for (template, count) in [("clinic", try folders("clinics")), ("guide", try folders("guides")), ("page", try folders("pages")),
                                  ("home", 1), ("404", 1)] {
            let row = "^  \(template) +\(count)( +[0-9]+\\.[0-9]+ ms){4}$"
            #expect(lines.contains { $0.range(of: row, options: .regularExpression) != nil }, "no row for template \(template):\n\(timed.stderr)")
        }
        #expect(lines.last == "files: 0 of \(files) unchanged, taken over from the previous output")
    }

    @Test func aRebuildSaysHowManyFilesItTookOver() throws {
        let (first, folder) = try Self.build(["--timings"])
        #expect(first.status == 0)
        let again = try Run(["build", "--source", Fixtures.packageRoot.path, "--output", folder.appendingPathComponent("public").path,
                             "--team-output", folder.appendingPathComponent("team").path, "--today", "2026-11-29", "--timings", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        let files = try #require(first.stderr.split(separator: "\n").first.flatMap { Self.filesBuilt(String($0)) })
        #expect(again.stderr.split(separator: "\n").last.map(String.init) == "files: \(files) of \(files) unchanged, taken over from the previous output")
    }

    @Test func checkPrintsLoadAndValidate() throws {
        let plain = try Run(["check", "--source", Fixtures.packageRoot.path, "--today", "2026-11-29"])
        let timed = try Run(["check", "--source", Fixtures.packageRoot.path, "--today", "2026-11-29", "--timings"])
        #expect(plain.status == 0 && timed.status == 0)
        #expect(timed.stderr.hasPrefix(plain.stderr))
        for step in ["load", "validate", "total"] {
            #expect(Self.stepLine(step, in: timed.stderr) != nil, "no figures for \(step) in:\n\(timed.stderr)")
        }
        #expect(Self.stepLine("render", in: timed.stderr) == nil)
    }

    @Test func aFailedBuildStillSaysWhereItsTimeWent() throws {
        let site = try Fixtures.copySite("basic")
        try "clinic: X\nguide: nope\n".write(to: site.appendingPathComponent("content/clinics/bad.yml"), atomically: true, encoding: .utf8)
        let run = try Run(["build", "--source", site.path, "--today", "2026-11-05", "--timings"])
        #expect(run.status == 1)
        #expect(Self.stepLine("validate", in: run.stderr) != nil, "\(run.stderr)")
        #expect(!run.stderr.contains("files:"))
    }

    /// In process: each page is timed once, under its template's name, whichever thread renders it.
    @Test func everyPageIsTimedUnderItsTemplate() throws {
        let timings = BuildTimings()
        let output = try Fixtures.temporaryFolder("timings-counts").appendingPathComponent("public")
        let options = BuildOptions(source: Fixtures.packageRoot, output: output,
                                   teamOutput: output.deletingLastPathComponent().appendingPathComponent("team"),
                                   today: .fixed(Day(iso: "2026-11-29")!), timings: timings)
        let report = Builder.build(options)
        #expect(report.succeeded)
        let counts = timings.templateCounts
        #expect(counts["clinic"] == report.clinics)
        #expect(counts["guide"] == report.guides)
        #expect(counts["home"] == 1 && counts["404"] == 1 && counts["reports"] == 1)
        #expect(BuildTimings.off.templateCounts.isEmpty, "the recorder that is off recorded something")
    }
}
