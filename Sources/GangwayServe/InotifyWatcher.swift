#if os(Linux)
import Foundation
import Glibc

/// Watches the site with Linux inotify: one watch on the source folder itself (for gangway.yml and
/// the creation of content/ or templates/), and one on every folder below content/ and templates/,
/// added as folders appear. One thread reads the events and debounces them.
final class InotifyWatcher: SourceWatcher, @unchecked Sendable {
    let root: URL
    let quiet: Duration
    // Set up in start(); afterwards touched only by the watcher thread.
    private var fd: Int32 = -1
    private var folders: [Int32: String] = [:]
    private let stopPipe = LockedValue<[Int32]>([-1, -1])

    private static let folderMask = UInt32(truncatingIfNeeded: IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB
        | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    init(root: URL, quiet: Duration) {
        self.root = root.standardizedFileURL
        self.quiet = quiet
    }

    func start() throws -> AsyncStream<ChangeBatch> {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw SyncError(message: "cannot watch the source folder: inotify_init1: \(String(cString: strerror(errno)))") }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SyncError(message: "cannot watch the source folder: pipe: \(String(cString: strerror(errno)))") }
        stopPipe.withLock { $0 = ends }
        guard addWatch("") else {
            throw SyncError(message: "cannot watch \(root.path): \(String(cString: strerror(errno)))")
        }
        for folder in SourceWatchers.watchedRoots { addTree(folder) }

        let (stream, continuation) = AsyncStream.makeStream(of: ChangeBatch.self)
        let stopFD = ends[0]
        let thread = Thread { [self] in
            self.run(continuation, stopFD: stopFD)
            continuation.finish()
        }
        thread.name = "gangway-watch"
        thread.start()
        return stream
    }

    func stop() {
        let writeEnd = stopPipe.withLock { $0[1] }
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = Glibc.write(writeEnd, &byte, 1)
    }

    // MARK: the watcher thread

    private func run(_ continuation: AsyncStream<ChangeBatch>.Continuation, stopFD: Int32) {
        var debouncer = Debouncer(quiet: quiet)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        defer {
            close(fd)
            stopPipe.withLock { ends in
                ends.forEach { if $0 >= 0 { close($0) } }
                ends = [-1, -1]
            }
        }
        while true {
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0)]
            let timeout = debouncer.wait().map(\.milliseconds) ?? -1
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return }
            if fds[1].revents != 0 { return }
            if fds[0].revents & Int16(POLLIN) != 0 {
                readEvents(&buffer, into: &debouncer)
            }
            if let batch = debouncer.take(), !batch.isEmpty {
                continuation.yield(batch)
            }
        }
    }

    private func readEvents(_ buffer: inout [UInt8], into debouncer: inout Debouncer) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return }  // EAGAIN: all read
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                handle(wd: wd, mask: mask, name: String(decoding: nameBytes, as: UTF8.self), into: &debouncer)
                offset += 16 + length
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into debouncer: inout Debouncer) {
        func has(_ flag: Int32) -> Bool { mask & UInt32(truncatingIfNeeded: flag) != 0 }
        if has(IN_Q_OVERFLOW) {
            debouncer.addRescan()
            return
        }
        guard let folder = folders[wd] else { return }
        if has(IN_IGNORED) {
            folders[wd] = nil
            return
        }
        guard !name.isEmpty else {
            // The watched folder itself went away or moved; its parent reports it by name, except for the source folder.
            if folder.isEmpty && (has(IN_DELETE_SELF) || has(IN_MOVE_SELF)) { debouncer.addRescan() }
            return
        }
        let path = folder.isEmpty ? name : folder + "/" + name
        guard SourceWatchers.isWatched(path) else { return }
        if has(IN_ISDIR) {
            if has(IN_CREATE) || has(IN_MOVED_TO) { addTree(path) }
            if has(IN_DELETE) || has(IN_MOVED_FROM) { removeTree(path) }
        }
        debouncer.add(path)
    }

    // MARK: watches

    @discardableResult
    private func addWatch(_ folder: String) -> Bool {
        let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
        let wd = inotify_add_watch(fd, url.path, Self.folderMask)
        guard wd >= 0 else { return false }
        folders[wd] = folder
        return true
    }

    /// Watches a folder and every folder below it; links to folders are not followed.
    private func addTree(_ folder: String) {
        guard addWatch(folder) else { return }
        let url = root.appendingPathComponent(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
            let child = url.appendingPathComponent(name)
            let values = try? child.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isDirectory == true && values?.isSymbolicLink != true {
                addTree(folder + "/" + name)
            }
        }
    }

    private func removeTree(_ folder: String) {
        for (wd, path) in folders where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(fd, wd)
            folders[wd] = nil
        }
    }
}
#endif
