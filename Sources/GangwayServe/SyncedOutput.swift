import Crypto
import Foundation
import GangwayCore

/// The folder that `gangway serve` serves, kept in step with the site one render pass at a time.
/// A file whose bytes did not change is not touched (its ETag stays valid); a changed file is
/// written beside itself and renamed over the old one, so a request never sees half a file.
/// Files the pass was responsible for but did not write are removed.
final class SyncedOutput: OutputSink, @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    /// SHA-256 of every file served, by path below `root`.
    private var manifest: [String: SHA256Digest] = [:]
    private var pass = Pass()

    /// What one render pass did.
    struct Pass {
        var written: Set<String> = []
        var changed: Set<String> = []
    }

    init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Every path served, sorted.
    var paths: [String] {
        lock.withLock { manifest.keys.sorted() }
    }

    func beginPass() {
        lock.withLock { pass = Pass() }
    }

    func write(_ path: String, _ data: Data) throws {
        let digest = SHA256.hash(data: data)
        let unchanged = lock.withLock {
            pass.written.insert(path)
            return manifest[path] == digest
        }
        if unchanged { return }
        try OutputPath.check(path)
        let url = root.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).gangway-tmp-\(UUID().uuidString.prefix(8))")
        try data.write(to: temp)
        guard rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw SyncError(message: "cannot write \(url.path): \(reason)")
        }
        lock.withLock {
            manifest[path] = digest
            pass.changed.insert(path)
        }
    }

    /// Removes a folder below `root` and everything in it.
    func removeFolder(_ path: String) {
        let prefix = path + "/"
        lock.withLock {
            for key in manifest.keys where key.hasPrefix(prefix) {
                manifest[key] = nil
                pass.changed.insert(key)
            }
        }
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Ends the pass: removes every file for which `owned` is true that the pass did not write,
    /// and returns what changed.
    @discardableResult
    func endPass(removingUnwritten owned: (String) -> Bool = { _ in false }) -> Pass {
        let stale: [String] = lock.withLock {
            manifest.keys.filter { owned($0) && !pass.written.contains($0) }
        }
        for path in stale {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
            removeEmptyFolders(above: path)
        }
        return lock.withLock {
            for path in stale {
                manifest[path] = nil
                pass.changed.insert(path)
            }
            return pass
        }
    }

    private func removeEmptyFolders(above path: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            let url = root.appendingPathComponent(folder)
            guard ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? ["?"]).isEmpty else { return }
            try? FileManager.default.removeItem(at: url)
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}

struct SyncError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
