import Foundation
import Testing
@testable import GangwayCore

/// The corpus of broken sites, `Fixtures/invalid/<case>/`: one small site per rule of SPEC.md's
/// Diagnostics section, each with the exact output `gangway check` must give, as a compiler's
/// test suite keeps one file per error. `RECORD_GOLDEN=1 swift test` rewrites the expected files;
/// read the diff (does each line and column point at the offending key or value?) before committing.
@Suite struct DiagnosticsCorpusTests {
    static let corpus = Fixtures.root.appendingPathComponent("invalid")
    static let today = "2026-11-05"

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The rules each case stands for; a case that goes missing fails `everyRuleHasACase`.
    static let required = [
        // errors
        "yaml-syntax", "yaml-tab-indent", "front-matter-yaml-syntax", "not-utf8", "front-matter-unclosed", "missing-clinic-key",
        "missing-guide-key", "empty-required-value", "empty-case-file", "guide-missing-title", "page-empty-title", "guide-step-errors", "wrong-type", "provider-not-a-mapping",
        "unknown-key-with-suggestion", "config-errors", "unknown-guide", "unknown-guide-no-suggestion", "unknown-step", "bad-status", "impossible-date",
        "bad-date-format", "done-before-started", "done-without-date", "blocked-without-note", "skipped-without-note", "bad-slug",
        "duplicate-step-id", "template-parse-error", "template-missing-partial", "credential-key-at-depth", "duplicate-yaml-key",
        // warnings
        "provider-bad-email", "provider-duplicate", "provider-admin-role", "requires-unmet", "existing-link-unskipped",
        "done-out-of-order", "date-after-today", "done-date-not-done",
        // authoring and hostile input (issues 10 and 13)
        "name-too-long", "guide-without-steps", "credential-under-date", "misspelt-required-key", "flow-style-pitfalls",
        "placeholders", "non-provider-roles", "signatory-bad-email",
        // all at once
        "many-problems",
    ]

    static func check(_ name: String, _ extra: [String] = [], environment: [String: String] = [:], unsetting: [String] = []) throws -> Run {
        try Run(["check", "--today", today, "--source", corpus.appendingPathComponent(name).path] + extra,
                environment: environment, unsetting: unsetting, timeout: 60)
    }

    /// The same check in-process, as the binary runs it (no GANGWAY_URL_SECRET).
    static func checkInProcess(_ name: String, strict: Bool = false) -> (diagnostics: [Diagnostic], failed: Bool) {
        let options = BuildOptions(source: corpus.appendingPathComponent(name), today: .fixed(Day(iso: today)!), strict: strict, environment: [:])
        let (result, failed) = Builder.check(options)
        return (result.diagnostics, failed)
    }

    static func diagnostics(inJSON text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]], "not an array of objects: \(text)")
    }

    @Test func everyRuleHasACase() {
        let missing = Set(Self.required).subtracting(Self.cases)
        #expect(missing.isEmpty, "corpus cases missing: \(missing.sorted())")
    }

    /// One launch of the binary per case, for what only the binary shows: the text on stderr and
    /// the exit status. Everything else about the case (the JSON, the github annotations, the
    /// positions, --strict, build agreeing with check) is checked in-process on the same diagnostics.
    @Test(arguments: cases)
    func matchesTheGoldenFiles(_ name: String) throws {
        let folder = Self.corpus.appendingPathComponent(name)
        let text = try Self.check(name)
        #expect(text.exited && !text.timedOut, "\(name): gangway crashed or hung")
        #expect(text.stdout.isEmpty, "text diagnostics go to stderr")
        let (diagnostics, failed) = Self.checkInProcess(name)
        let json = DiagnosticFormatter.json(diagnostics)

        let expectedText = folder.appendingPathComponent("expected.txt")
        let expectedJSON = folder.appendingPathComponent("expected.json")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(text.stderr.utf8).write(to: expectedText)
            try Data(json.utf8).write(to: expectedJSON)
            return
        }
        try Self.expectSame(text.stderr, try String(contentsOf: expectedText, encoding: .utf8), "\(name)/expected.txt")
        try Self.expectSame(json, try String(contentsOf: expectedJSON, encoding: .utf8), "\(name)/expected.json")

        #expect(!diagnostics.isEmpty, "\(name) trips no rule")
        let hasError = diagnostics.contains { $0.severity == .error }
        #expect(text.status == (hasError ? 1 : 0), "\(name): exit \(text.status)")
        #expect(failed == hasError)
        #expect(Self.checkInProcess(name, strict: true).failed, "\(name): every case has a diagnostic, so --strict must fail")
        try Self.expectPositionsInsideTheirFiles(name, diagnostics)
        Self.expectWellFormedAnnotations(name, diagnostics)
        try Self.expectBuildAgreesAndWritesNothingOnError(name, diagnostics)
    }

    /// Each diagnostic's position lies inside its file: a line that exists, a column on that line
    /// (or just past its end, where a missing value would go).
    static func expectPositionsInsideTheirFiles(_ name: String, _ diagnostics: [Diagnostic]) throws {
        for d in diagnostics {
            let (file, line, column) = (d.location.file, d.location.line, d.location.column)
            #expect(line >= 1 && column >= 1, "\(name): \(file):\(line):\(column)")
            #expect(!file.hasPrefix("/"), "\(name): path \(file) is not relative to the site")
            let url = Self.corpus.appendingPathComponent(name).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(line <= max(lines.count, 1), "\(name): \(file) has no line \(line)")
            if line <= lines.count {
                #expect(column <= lines[line - 1].unicodeScalars.count + 1, "\(name): \(file):\(line) has no column \(column)")
            }
        }
    }

    static func expectWellFormedAnnotations(_ name: String, _ diagnostics: [Diagnostic]) {
        let github = DiagnosticFormatter.github(diagnostics)
        let lines = github.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(github.hasSuffix("\n"))
        #expect(lines.count == diagnostics.count, "\(name): one annotation a diagnostic")
        let annotation = /^::(error|warning) file=[^,]+,line=\d+,col=\d+::.+$/
        for line in lines {
            #expect(line.wholeMatch(of: annotation) != nil, "\(name): not an annotation: \(line)")
        }
    }

    /// `build` runs the same checks first: the same diagnostics, and with an error it fails and
    /// writes nothing at all.
    static func expectBuildAgreesAndWritesNothingOnError(_ name: String, _ diagnostics: [Diagnostic]) throws {
        let parent = try Fixtures.temporaryFolder("corpus-build")
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("public")
        let options = BuildOptions(source: corpus.appendingPathComponent(name), output: output, today: .fixed(Day(iso: today)!), environment: [:])
        let report = Builder.build(options)
        #expect(report.diagnostics == diagnostics, "\(name): build and check disagree")
        if diagnostics.contains(where: { $0.severity == .error }) {
            #expect(!report.succeeded)
            #expect(report.summary.contains("nothing was written"))
            #expect(!FileManager.default.fileExists(atPath: output.path), "\(name): a failed build wrote \(output.path)")
        } else {
            #expect(report.succeeded, "\(name): \(report.diagnostics)")
        }
    }

    /// The formats and --strict through the binary, on one case with errors and warnings.
    @Test func formatsAndStrictThroughTheBinary() throws {
        let name = "many-problems"
        let json = try Self.check(name, ["--format", "json"])
        #expect(json.status == 1 && json.stderr.isEmpty, "--format json prints nothing but the array: \(json.stderr)")
        try Self.expectSame(json.stdout, try String(contentsOf: Self.corpus.appendingPathComponent("\(name)/expected.json"), encoding: .utf8),
                            "\(name)/expected.json")
        let github = try Self.check(name, ["--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout == DiagnosticFormatter.github(Self.checkInProcess(name).diagnostics))
        // --strict reports a promoted warning as an error, in every format.
        for format in ["text", "json", "github"] {
            let strict = try Self.check("provider-duplicate", ["--strict", "--format", format])
            #expect(strict.status == 1)
            let out = strict.stdout + strict.stderr
            #expect(!out.contains("warning:") && !out.contains("::warning") && !out.contains("\"warning\""), "--strict --format \(format): \(out)")
            #expect(out.contains("error"), "--strict --format \(format): \(out)")
        }
        let build = try Run(["build", "--today", Self.today, "--source", Self.corpus.appendingPathComponent(name).path,
                             "--output", try Fixtures.temporaryFolder("corpus-build").appendingPathComponent("public").path], timeout: 60)
        #expect(build.status == 1 && build.stderr.contains("nothing was written"))
        let check = try Self.check(name)
        let diagnosticLines = check.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
        #expect(build.stderr.hasPrefix(diagnosticLines), "build and check disagree:\n\(build.stderr)")
    }

    @Test func manyProblemsGivesTenDiagnosticsInOneRunSortedByPosition() throws {
        let items = try Self.diagnostics(inJSON: DiagnosticFormatter.json(Self.checkInProcess("many-problems").diagnostics))
        #expect(items.count == 10)
        let positions = items.map { ($0["file"] as? String ?? "", $0["line"] as? Int ?? 0, $0["column"] as? Int ?? 0) }
        #expect(positions.map(\.0) == Array(repeating: "content/clinics/lakeshore.yml", count: 10))
        #expect(Set(positions.map(\.1)).count == 10, "ten mistakes on ten lines, one diagnostic each")
        for (a, b) in zip(positions, positions.dropFirst()) {
            #expect((a.1, a.2) < (b.1, b.2), "not sorted by line and column: \(positions)")
        }
    }

    /// A credential is named by its key, never echoed, in any format.
    @Test(arguments: ["credential-key-at-depth", "many-problems"])
    func credentialValuesAreNeverPrinted(_ name: String) throws {
        let secrets = ["Hunter2-Lakeshore", "asingh-LKS-4471"]
        for format in ["text", "json", "github"] {
            let run = try Self.check(name, ["--format", format])
            for secret in secrets {
                #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret), "\(name) --format \(format) printed a credential")
            }
            #expect((run.stdout + run.stderr).contains("'password' holds a credential"))
        }
    }

    /// A value where a date was expected, under a step named like a credential, is not echoed either.
    @Test func aCredentialWhereADateWasExpectedIsNeverPrinted() throws {
        for format in ["text", "json", "github"] {
            let run = try Self.check("credential-under-date", ["--format", format])
            #expect(run.status == 1)
            #expect(!(run.stdout + run.stderr).contains("Hunter2Secret"), "--format \(format) printed a credential")
            #expect((run.stdout + run.stderr).contains("'done' of step 'retrieve-password' is not a date"))
        }
    }

    @Test func exitStatus() throws {
        #expect(try Self.check("unknown-step").status == 1, "errors fail")
        #expect(try Self.check("provider-duplicate").status == 0, "warnings alone do not")
        #expect(try Self.check("provider-duplicate", ["--strict"]).status == 1, "unless --strict")
        #expect(try Self.check("provider-duplicate", ["--format", "yaml"]).status == 64, "a wrong command line is 64")
    }

    /// Colour only on a terminal: piped output has no escape codes, with or without NO_COLOR.
    @Test func pipedTextHasNoEscapeCodes() throws {
        for unset in [["NO_COLOR"], []] {
            let run = try Self.check("many-problems", unsetting: unset + ["TERM"])
            #expect(!run.stderr.contains("\u{1B}"), "escape codes with \(unset.isEmpty ? "NO_COLOR" : "no NO_COLOR")")
            #expect(run.stderr.contains("error: unknown step"))
        }
    }

    #if os(Linux)
    /// On a terminal (a pseudo-terminal from util-linux `script`), text is coloured, unless NO_COLOR is set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func terminalTextIsColouredUnlessNoColor() throws {
        func onTerminal(_ environment: [String: String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = [Fixtures.binary.path, "check", "--today", Self.today, "--source", Self.corpus.appendingPathComponent("unknown-step").path]
            process.arguments = ["-qec", command.map { "'\($0)'" }.joined(separator: " "), "/dev/null"]
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "NO_COLOR")
            env["TERM"] = "xterm"
            for (k, v) in environment { env[k] = v }
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try onTerminal([:])
        #expect(coloured.contains("\u{1B}[1;31merror:"), "no colour on a terminal: \(coloured.debugDescription)")
        let plain = try onTerminal(["NO_COLOR": "1"])
        #expect(plain.contains("error: unknown step 'sign-contact'"))
        #expect(!plain.contains("\u{1B}"), "colour despite NO_COLOR: \(plain.debugDescription)")
    }
    #endif

    @Test func textFormatterColoursOnlyWhenAsked() {
        let d = [Diagnostic.error("unknown step 'x'", at: SourceLocation(file: "a.yml", line: 2, column: 3), hint: "steps: y")]
        #expect(DiagnosticFormatter.text(d) == "a.yml:2:3: error: unknown step 'x'\n  note: steps: y\n")
        #expect(DiagnosticFormatter.text(d, color: true).contains("\u{1B}["))
    }

    /// GitHub's workflow-command escaping: `%` and the line break before the hint; also `:` and `,` in
    /// properties. A CR or LF inside the message is a value's, shown escaped as in every format.
    @Test func githubFormatterEscapes() {
        let d = [Diagnostic.warning("100% sure\r\nsecond line", at: SourceLocation(file: "a,b:c.yml", line: 4, column: 5), hint: "fix it")]
        #expect(DiagnosticFormatter.github(d) == "::warning file=a%2Cb%3Ac.yml,line=4,col=5::100%25 sure\\r\\nsecond line%0Afix it\n")
    }

    /// SPEC.md: a failed build leaves the previous output folder exactly as it was.
    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try Fixtures.copySite("basic")
        let output = try Fixtures.temporaryFolder("untouched").appendingPathComponent("public")
        let first = try Run(["build", "--today", Self.today, "--source", site.path, "--output", output.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = Fixtures.tree(output)
        #expect(before.count > 5)
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)

        let alpha = site.appendingPathComponent("content/clinics/alpha.yml")
        let broken = try String(contentsOf: alpha, encoding: .utf8).replacingOccurrences(of: "status: done", with: "status: dnoe")
        try broken.write(to: alpha, atomically: true, encoding: .utf8)
        let second = try Run(["build", "--today", "2026-11-06", "--source", site.path, "--output", output.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("content/clinics/alpha.yml:11:21: error: unknown status 'dnoe' (did you mean 'done'?)"), "\(second.stderr)")
        #expect(second.stderr.contains("nothing was written"))
        let after = Fixtures.tree(output)
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after == before, "a failed build changed the output")
        let again = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)
        #expect(again[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(leftovers == ["public"], "a failed build left staging folders: \(leftovers)")
    }

    private static func expectSame(_ actual: String, _ expected: String, _ what: String,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let x = i < e.count ? String(e[i]) : "<end>", y = i < a.count ? String(a[i]) : "<end>"
            if x != y {
                Issue.record("\(what) differs at line \(i + 1):\n  expected \(x.debugDescription)\n  got      \(y.debugDescription)\n(RECORD_GOLDEN=1 re-records)",
                             sourceLocation: sourceLocation)
                return
            }
        }
    }
}
