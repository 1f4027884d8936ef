import Foundation

/// A set of source changes, ready for one rebuild.
struct ChangeBatch: Sendable, Equatable {
    /// Changed paths, relative to the source folder: files and folders created, written, deleted or renamed.
    var paths: Set<String> = []
    /// Events were lost (the kernel's queue overflowed): everything must be reloaded.
    var rescan = false

    var isEmpty: Bool { paths.isEmpty && !rescan }
}

/// Watches what a site is made of (gangway.yml, content/ and templates/, recursively) and reports
/// changes in batches, once the source has been quiet for `quiet`: an editor's save (write a
/// temporary file, rename it over the original, delete the backup) gives one batch. Hidden files
/// and folders are left out, as the loader leaves them out.
protocol SourceWatcher: Sendable {
    /// Starts watching; the stream ends after `stop()`.
    func start() throws -> AsyncStream<ChangeBatch>
    func stop()
}

enum SourceWatchers {
    /// The folders and file a site is made of, relative to its source folder.
    static let watchedRoots = ["content", "templates"]
    static let watchedFiles = ["gangway.yml"]

    /// Whether a path (relative to the source) is part of the site's sources.
    static func isWatched(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard let first = parts.first, !parts.contains(where: { $0.hasPrefix(".") }) else { return false }
        return parts.count == 1 ? watchedFiles.contains(String(first)) || watchedRoots.contains(String(first))
                                : watchedRoots.contains(String(first))
    }

    /// inotify where the system has it; a polling watcher elsewhere, or when `GANGWAY_WATCH=poll`.
    static func make(root: URL, quiet: Duration = .milliseconds(100), environment: [String: String]) -> any SourceWatcher {
        #if os(Linux)
        if environment["GANGWAY_WATCH"] != "poll" { return InotifyWatcher(root: root, quiet: quiet) }
        #endif
        return PollingWatcher(root: root, quiet: quiet)
    }
}

/// Gathers changes until the source is quiet, then hands them on as one batch.
struct Debouncer {
    let quiet: Duration
    /// The longest a batch may wait while changes keep coming (a checkout of many files).
    let longest: Duration
    private(set) var batch = ChangeBatch()
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?

    init(quiet: Duration, longest: Duration = .seconds(1)) {
        self.quiet = quiet
        self.longest = longest
    }

    mutating func add(_ path: String, now: ContinuousClock.Instant = .now) {
        batch.paths.insert(path)
        touch(now)
    }

    mutating func addRescan(now: ContinuousClock.Instant = .now) {
        batch.rescan = true
        touch(now)
    }

    /// How long until the batch is due; nil when there is nothing to send.
    func wait(now: ContinuousClock.Instant = .now) -> Duration? {
        guard let first, let last else { return nil }
        let due = min(last + quiet, first + longest)
        return max(.zero, due - now)
    }

    /// The batch, if it is due.
    mutating func take(now: ContinuousClock.Instant = .now) -> ChangeBatch? {
        guard let wait = wait(now: now), wait == .zero else { return nil }
        defer { batch = ChangeBatch(); first = nil; last = nil }
        return batch
    }

    private mutating func touch(_ now: ContinuousClock.Instant) {
        if first == nil { first = now }
        last = now
    }
}

extension Duration {
    /// Whole milliseconds, rounded up, for poll(2).
    var milliseconds: Int32 {
        let (s, atto) = components
        return Int32(clamping: s * 1000 + (atto + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
