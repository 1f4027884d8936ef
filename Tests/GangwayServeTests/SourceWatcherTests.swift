import Foundation
import Testing
@testable import GangwayServe

/// The watchers report real file system changes, in batches: one per save, however many
/// events an editor's save makes.
@Suite(.serialized) struct SourceWatcherTests {
    @Test func anEditorsSaveWithRenameAndBackupIsOneBatch() async throws {
        let source = try ServeFixtures.copySite()
        defer { ServeFixtures.removeCopy(source) }
        let batches = try Collected(SourceWatchers.make(root: source, environment: [:]))
        defer { batches.stop() }
        let folder = source.appendingPathComponent("content/clinics")
        let fm = FileManager.default

        // What vim does on :w: probe the folder, move the file aside, write it anew, drop the backup.
        try Data().write(to: folder.appendingPathComponent("4913"))
        try fm.removeItem(at: folder.appendingPathComponent("4913"))
        try fm.moveItem(at: folder.appendingPathComponent("alpha.yml"), to: folder.appendingPathComponent("alpha.yml~"))
        try Data("clinic: Alpha\nguide: demo\n".utf8).write(to: folder.appendingPathComponent("alpha.yml"))
        try fm.removeItem(at: folder.appendingPathComponent("alpha.yml~"))
        // An editor's swap file is hidden, as the loader ignores it.
        try Data("x".utf8).write(to: folder.appendingPathComponent(".alpha.yml.swp"))

        let first = try await batches.next()
        #expect(first.paths.contains("content/clinics/alpha.yml"))
        #expect(!first.paths.contains { $0.contains(".swp") })
        try await Task.sleep(for: .milliseconds(400))
        #expect(batches.count == 1, "one save gave \(batches.count) batches")
    }

    @Test func newFoldersAreWatchedAndRenamesAndDeletionsAreSeen() async throws {
        let source = try ServeFixtures.copySite()
        defer { ServeFixtures.removeCopy(source) }
        let batches = try Collected(SourceWatchers.make(root: source, environment: [:]))
        defer { batches.stop() }
        let fm = FileManager.default
        let guide = source.appendingPathComponent("content/guides/fresh")

        try fm.createDirectory(at: guide, withIntermediateDirectories: true)
        #expect(try await batches.next().paths.contains("content/guides/fresh"))
        try Data("---\ntitle: Fresh\n---\n".utf8).write(to: guide.appendingPathComponent("guide.md"))
        #expect(try await batches.next().paths.contains("content/guides/fresh/guide.md"))

        let clinics = source.appendingPathComponent("content/clinics")
        try fm.moveItem(at: clinics.appendingPathComponent("beta.yml"), to: clinics.appendingPathComponent("zeta.yml"))
        let renamed = try await batches.next().paths
        #expect(renamed.isSuperset(of: ["content/clinics/beta.yml", "content/clinics/zeta.yml"]))

        try fm.removeItem(at: clinics.appendingPathComponent("gamma.yml"))
        #expect(try await batches.next().paths.contains("content/clinics/gamma.yml"))

        try Data("title: Renamed portal\n".utf8).write(to: source.appendingPathComponent("gangway.yml"))
        #expect(try await batches.next().paths.contains("gangway.yml"))
    }

    @Test func thePollingFallbackSeesEditsAndNewFiles() async throws {
        let source = try ServeFixtures.copySite()
        defer { ServeFixtures.removeCopy(source) }
        let batches = try Collected(SourceWatchers.make(root: source, environment: ["GANGWAY_WATCH": "poll"]))
        defer { batches.stop() }
        #expect(batches.watcher is PollingWatcher)
        try await Task.sleep(for: .milliseconds(300))
        try Data("clinic: Alpha\nguide: demo\n".utf8).write(to: source.appendingPathComponent("content/clinics/alpha.yml"))
        try Data("clinic: New\nguide: demo\n".utf8).write(to: source.appendingPathComponent("content/clinics/new.yml"))
        let expected: Set = ["content/clinics/alpha.yml", "content/clinics/new.yml"]
        var paths = try await batches.next().paths
        if !paths.isSuperset(of: expected) { paths.formUnion(try await batches.next().paths) }  // the writes straddled two polls
        #expect(paths == expected)
    }

    @Test func debouncingWaitsForQuietButNotForever() {
        let start = ContinuousClock.now
        var d = Debouncer(quiet: .milliseconds(100), longest: .seconds(1))
        #expect(d.wait(now: start) == nil)
        d.add("a", now: start)
        d.add("b", now: start + .milliseconds(60))
        #expect(d.take(now: start + .milliseconds(120)) == nil)
        #expect(d.wait(now: start + .milliseconds(120)) == .milliseconds(40))
        #expect(d.take(now: start + .milliseconds(160))?.paths == ["a", "b"])
        for ms in stride(from: 0, to: 1200, by: 50) { d.add("c", now: start + .milliseconds(2000 + ms)) }
        #expect(d.take(now: start + .milliseconds(3000))?.paths == ["c"])
    }
}

/// Collects a watcher's batches as they come.
final class Collected: @unchecked Sendable {
    let watcher: any SourceWatcher
    private let batches = LockedValue<[ChangeBatch]>([])
    private let taken = LockedValue(0)

    init(_ watcher: any SourceWatcher) throws {
        self.watcher = watcher
        let stream = try watcher.start()
        let batches = self.batches
        Task { for await batch in stream { batches.withLock { $0.append(batch) } } }
    }

    var count: Int { batches.withLock { $0.count } }

    /// The next batch not yet taken, waiting at most `limit` of this task's own sleeping. The limit
    /// counts sleeps, not wall time: when the rest of the suite keeps both of this machine's
    /// cooperative threads busy, neither this loop nor the task that gathers batches runs, and a
    /// wall-clock deadline would pass before the watcher's batch could ever be seen.
    func next(within limit: Duration = .seconds(30)) async throws -> ChangeBatch {
        let step = Duration.milliseconds(20)
        for _ in 0...Int(limit / step) {
            let index = taken.withLock { $0 }
            if let batch = batches.withLock({ $0.count > index ? $0[index] : nil }) {
                taken.withLock { $0 += 1 }
                return batch
            }
            try await Task.sleep(for: step)
        }
        throw WatchTimeout()
    }

    func stop() { watcher.stop() }

    struct WatchTimeout: Error {}
}
