import Foundation
import Testing
@testable import GangwayCore

/// Small sites written from text, for the safety tests.
enum SafetySite {
    static let today = Day(iso: "2026-11-05")!

    /// Writes `files` (path → text) into a fresh folder and returns it.
    static func make(_ files: [String: String], label: String = "safety-site") throws -> URL {
        let root = try Fixtures.temporaryFolder(label).appendingPathComponent("site")
        try write(files, into: root)
        return root
    }

    static func write(_ files: [String: String], into root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// The basic fixture's files, by path, as text.
    static func basicFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for (path, data) in Fixtures.tree(Fixtures.site("basic")) { files[path] = String(decoding: data, as: UTF8.self) }
        return files
    }

    /// A portal of `clinics` generated case files on the basic fixture's guide.
    static func generated(clinics: Int, label: String = "generated") throws -> URL {
        var files = try basicFiles().filter { !$0.key.hasPrefix("content/clinics/") }
        for i in 0..<clinics {
            files["content/clinics/clinic-\(i).yml"] = """
                clinic: Clinic \(i)
                guide: demo
                notes: Generated clinic number \(i), with a note long enough to make the page take some writing.
                steps:
                  request: {status: done, started: 2026-11-01, done: 2026-11-02}
                  sign-contract: {status: waiting, note: Sent}

                """
        }
        return try make(files, label: label)
    }

    static func build(_ source: URL, into output: URL, environment: [String: String] = [:],
                      sink: ((DirectorySink) -> OutputSink)? = nil) -> BuildReport {
        let options = BuildOptions(source: source, output: output, teamOutput: teamOutput(beside: output), today: .fixed(today), environment: environment)
        return sink.map { Builder.build(options, sink: $0) } ?? Builder.build(options)
    }

    /// Both sites of a build into `output`: the portal's files, and the team site's under `team/`.
    static func bothSites(_ output: URL) -> [String: Data] {
        var tree = Fixtures.tree(output)
        for (path, data) in Fixtures.tree(teamOutput(beside: output)) { tree["team/" + path] = data }
        return tree
    }

    /// Where tests put the team site: `team` beside the portal's folder.
    static func teamOutput(beside output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent("team")
    }

    /// Folders beside `output` that a build of it made and left: staging and set-aside trees.
    static func leftovers(beside output: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(".\(output.lastPathComponent).gangway-") }.sorted()
    }

    static func text(_ report: BuildReport) -> String { DiagnosticFormatter.text(report.diagnostics) }
}

/// A number of writes shared by the sinks of one build (the portal's and the team site's).
final class WriteBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int

    init(_ writes: Int) { remaining = writes }

    func take() -> Bool {
        lock.withLock {
            remaining -= 1
            return remaining >= 0
        }
    }
}

/// A sink that fails once a budget of writes is spent, as a full disk or a yanked volume would.
final class FailingSink: OutputSink, @unchecked Sendable {
    struct Injected: Error, CustomStringConvertible { var description: String { "injected write failure" } }
    private let inner: OutputSink
    private let budget: WriteBudget

    init(_ inner: OutputSink, budget: WriteBudget) {
        self.inner = inner
        self.budget = budget
    }

    convenience init(_ inner: OutputSink, failAfter writes: Int) {
        self.init(inner, budget: WriteBudget(writes))
    }

    func write(_ path: String, _ data: Data) throws {
        guard budget.take() else { throw Injected() }
        try inner.write(path, data)
    }
}
