import Foundation
import GangwayTestSupport
import GangwayCore
import Testing
@testable import GangwayServe

/// Paths shared by the serve tests.
enum ServeFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sites = packageRoot.appendingPathComponent("Tests/GangwayCoreTests/Fixtures/sites")
    /// The built `gangway` binary: `swift build --build-tests` makes it before the tests run.
    static let binary = packageRoot.appendingPathComponent(".build/debug/gangway")
    static let today = Day(iso: "2026-11-05")!

    static func temporaryFolder(_ label: String) throws -> URL {
        try FileTree.temporaryFolder(label)
    }

    /// Removes a copy made by `copySite`, and the folder around it.
    static func removeCopy(_ site: URL) {
        try? FileManager.default.removeItem(at: site.deletingLastPathComponent())
    }

    /// A fresh copy of a fixture site, in `<tmp>/site`.
    static func copySite(_ name: String = "basic") throws -> URL {
        let dest = try temporaryFolder("gangway-serve-test").appendingPathComponent("site")
        try FileManager.default.copyItem(at: sites.appendingPathComponent(name), to: dest)
        return dest
    }

    /// Every file below `folder`, by relative path, with its bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        FileTree.read(folder)
    }
}

/// A copy of a fixture site with a `LiveSite` serving it into a folder, as `gangway serve` runs it,
/// and the means to edit the source and compare the served folder with a full build. Both go
/// when the fixture does.
final class LiveFixture {
    let source: URL
    let served: URL
    let site: LiveSite

    init(_ name: String = "basic", deferListings: Bool = false, prepare: (URL) throws -> Void = { _ in }) throws {
        source = try ServeFixtures.copySite(name)
        try prepare(source)
        served = source.deletingLastPathComponent().appendingPathComponent("served")
        site = LiveSite(source: source, output: try SyncedOutput(root: served), today: .fixed(ServeFixtures.today), environment: [:],
                        deferListings: deferListings)
    }

    deinit {
        try? FileManager.default.removeItem(at: source.deletingLastPathComponent())
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: source.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        let url = source.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func edit(_ path: String, replacing old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try read(path)
        #expect(text.contains(old), "\(path) has no '\(old)' to replace", sourceLocation: sourceLocation)
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: source.appendingPathComponent(path))
    }

    func move(_ from: String, _ to: String) throws {
        try FileManager.default.moveItem(at: source.appendingPathComponent(from), to: source.appendingPathComponent(to))
    }

    /// The served folder holds what `gangway build` with live reload writes, byte for byte
    /// (less the marker file that only a real output folder carries).
    func expectSameAsFullBuild(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let output = source.deletingLastPathComponent().appendingPathComponent("full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let team = output.appendingPathExtension("team")
        defer { try? FileManager.default.removeItem(at: team) }
        let report = Builder.build(BuildOptions(source: source, output: output, teamOutput: team, today: .fixed(ServeFixtures.today),
                                                liveReload: true, environment: [:]))
        #expect(report.succeeded, "the full build failed: \(DiagnosticFormatter.text(report.diagnostics))", sourceLocation: sourceLocation)
        // The preview serves the team site under team/.
        var expected = ServeFixtures.tree(output)
        for (path, data) in ServeFixtures.tree(team) { expected["team/" + path] = data }
        expected[AtomicOutput.marker] = nil
        expected["team/" + AtomicOutput.marker] = nil
        let actual = ServeFixtures.tree(served)
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let unexpected = Set(actual.keys).subtracting(expected.keys).sorted()
        let different = Set(expected.keys).intersection(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
        #expect(missing.isEmpty, "missing from the served folder: \(missing)", sourceLocation: sourceLocation)
        #expect(unexpected.isEmpty, "in the served folder but not in a full build: \(unexpected)", sourceLocation: sourceLocation)
        #expect(different.isEmpty, "differ from a full build: \(different)", sourceLocation: sourceLocation)
        #expect(!expected.isEmpty, sourceLocation: sourceLocation)
    }
}
