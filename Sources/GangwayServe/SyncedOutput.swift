import Crypto
import Foundation
import GangwayCore

/// The folder that `gangway serve` serves, kept in step with the site one render pass at a time.
/// A file whose bytes did not change is not touched (its ETag stays valid); a changed file is
/// written beside itself and renamed over the old one, so a request never sees half a file.
/// Files the pass was responsible for but did not write are removed.
final class SyncedOutput: OutputSink, Sendable {
    let root: URL
    private let state = LockedValue(State())

    private struct State {
        /// SHA-256 of every file served, by path below `root`.
        var manifest: [String: SHA256Digest] = [:]
        var pass = Pass()
    }

    /// What one render pass did.
    struct Pass {
        var written: Set<String> = []
        var changed: Set<String> = []
    }

    init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func beginPass() {
        state.withLock { $0.pass = Pass() }
    }

    func write(_ path: String, _ data: Data) throws {
        let digest = SHA256.hash(data: data)
        let unchanged = state.withLock { s in
            s.pass.written.insert(path)
            return s.manifest[path] == digest
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
        state.withLock { s in
            s.manifest[path] = digest
            s.pass.changed.insert(path)
        }
    }

    /// Removes a folder below `root` and everything in it.
    func removeFolder(_ path: String) {
        let prefix = path + "/"
        state.withLock { s in
            for key in s.manifest.keys where key.hasPrefix(prefix) {
                s.manifest[key] = nil
                s.pass.changed.insert(key)
            }
        }
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Ends the pass: removes every file for which `owned` is true that the pass did not write,
    /// and returns what changed.
    @discardableResult
    func endPass(removingUnwritten owned: (String) -> Bool = { _ in false }) -> Pass {
        let stale: [String] = state.withLock { s in
            s.manifest.keys.filter { owned($0) && !s.pass.written.contains($0) }
        }
        for path in stale {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
            removeEmptyFolders(above: path)
        }
        return state.withLock { s in
            for path in stale {
                s.manifest[path] = nil
                s.pass.changed.insert(path)
            }
            return s.pass
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
