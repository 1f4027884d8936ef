import Foundation

/// The fallback where inotify is missing: lists the site's sources every `interval` and compares
/// each file's size and modification time with the last listing.
final class PollingWatcher: SourceWatcher, @unchecked Sendable {
    let root: URL
    let quiet: Duration
    let interval: Duration
    private let stopped = LockedValue(false)

    private struct Stamp: Equatable {
        var size: Int
        var modified: Date
        var isFolder: Bool
    }

    init(root: URL, quiet: Duration, interval: Duration = .milliseconds(250)) {
        self.root = root.standardizedFileURL
        self.quiet = quiet
        self.interval = interval
    }

    func start() throws -> AsyncStream<ChangeBatch> {
        let (stream, continuation) = AsyncStream.makeStream(of: ChangeBatch.self)
        let initial = snapshot()
        let thread = Thread { [self] in
            var previous = initial
            var debouncer = Debouncer(quiet: quiet)
            while !stopped.withLock({ $0 }) {
                Thread.sleep(forTimeInterval: Double(interval.milliseconds) / 1000)
                let current = snapshot()
                for path in Set(previous.keys).union(current.keys) where previous[path] != current[path] {
                    debouncer.add(path)
                }
                previous = current
                if let batch = debouncer.take(), !batch.isEmpty { continuation.yield(batch) }
            }
            continuation.finish()
        }
        thread.name = "gangway-poll"
        thread.start()
        return stream
    }

    func stop() {
        stopped.withLock { $0 = true }
    }

    private func snapshot() -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        for name in SourceWatchers.watchedFiles + SourceWatchers.watchedRoots {
            walk(name, into: &out)
        }
        return out
    }

    private func walk(_ path: String, into out: inout [String: Stamp]) {
        let url = root.appendingPathComponent(path)
        guard let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey, .fileSizeKey, .contentModificationDateKey]) else { return }
        let isFolder = values.isDirectory == true
        // A folder counts by its presence only: adding a file changes its time, and the file is reported itself.
        out[path] = isFolder ? Stamp(size: 0, modified: .distantPast, isFolder: true)
                             : Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast, isFolder: false)
        guard isFolder, values.isSymbolicLink != true else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
            walk(path + "/" + name, into: &out)
        }
    }
}
