import CGangwaySys
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Builds into a staging folder beside the output, then swaps it in with one atomic rename
/// (renameat2 RENAME_EXCHANGE on Linux), then removes the old tree. A failure at any point
/// before the swap leaves the previous output exactly as it was.
public struct AtomicOutput: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unsafeOutput(String)
        case notGangwayOutput(String)
        case io(String)

        public var description: String {
            switch self {
            case .unsafeOutput(let s), .notGangwayOutput(let s), .io(let s): return s
            }
        }
    }

    /// Marks a folder as Gangway's output, so a later build knows it may replace it.
    public static let marker = ".gangway-output"

    public let output: URL
    public let staging: URL

    /// Checks that `output` is a safe place to publish into.
    public init(output: URL, source: URL) throws {
        let out = output.standardizedFileURL.resolvingSymlinksInPath()
        let src = source.standardizedFileURL.resolvingSymlinksInPath()
        let outPath = out.path, srcPath = src.path
        if outPath == srcPath || srcPath.hasPrefix(outPath.hasSuffix("/") ? outPath : outPath + "/") {
            throw Failure.unsafeOutput("refusing output folder \(outPath): it is the source folder or holds it")
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: out.appendingPathComponent("content").path) || fm.fileExists(atPath: out.appendingPathComponent("gangway.yml").path) {
            throw Failure.unsafeOutput("refusing output folder \(outPath): it holds content/ or gangway.yml, so it looks like a site, not an output")
        }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: outPath, isDirectory: &isDir) {
            guard isDir.boolValue else { throw Failure.unsafeOutput("refusing output \(outPath): it is a file, not a folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: outPath)) ?? []
            if !entries.isEmpty && !entries.contains(Self.marker) {
                throw Failure.notGangwayOutput("refusing to replace \(outPath): it is not empty and Gangway did not write it (no \(Self.marker) inside); empty it or choose another --output")
            }
        }
        for folder in ["content", "templates"] {
            let inside = src.appendingPathComponent(folder).path
            if outPath == inside || outPath.hasPrefix(inside + "/") {
                throw Failure.unsafeOutput("refusing output folder \(outPath): it is the site's \(folder)/ or inside it, which the next build would read back")
            }
        }
        self.output = out
        // The process id lets a later build tell a dead build's leftovers from a live build's work.
        let unique = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        self.staging = out.deletingLastPathComponent().appendingPathComponent("\(Self.stagingPrefix(out))\(getpid())-\(unique)")
    }

    /// `.public.gangway-staging-`: the name of every staging folder of `output`, before `<pid>-<random>`.
    static func stagingPrefix(_ output: URL) -> String {
        ".\(output.lastPathComponent).gangway-staging-"
    }

    /// A fresh, empty staging folder to render into.
    public func begin() throws -> DirectorySink {
        let fm = FileManager.default
        removeLeftovers()
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data("This folder is written by gangway build; it is replaced whole on every build.\n".utf8)
                .write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            throw Failure.io("cannot create \(staging.path): \(error.localizedDescription)")
        }
        return DirectorySink(root: staging)
    }

    /// Swaps the staging folder in place of the output, then deletes the old output.
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            guard Self.exchange(staging.path, output.path) else {
                throw Failure.io("cannot swap the new output into \(output.path): \(String(cString: strerror(errno)))")
            }
            try? fm.removeItem(at: staging)  // now holds the previous output
        } else {
            try fm.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(staging.path, output.path) == 0 else {
                throw Failure.io("cannot move the new output to \(output.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes the staging folder after a failed build.
    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Removes staging folders that builds of this output left behind when they were killed:
    /// those whose process is gone, and only when Gangway made them (the marker is inside, or
    /// they are empty because the build died before writing it). A live build's folder stays.
    func removeLeftovers() {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefixes = [Self.stagingPrefix(output), ".\(output.lastPathComponent).gangway-old-"]
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let pid = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let id = pid_t(pid), id != getpid(), !Self.isRunning(id) else { continue }
            let folder = parent.appendingPathComponent(name)
            // Killed between the two renames of the fallback swap: the previous output is still whole, put it back.
            if !prefix.hasSuffix("staging-") && !fm.fileExists(atPath: output.path) {
                _ = rename(folder.path, output.path)
                continue
            }
            let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
            if entries.isEmpty || entries.contains(Self.marker) {
                try? fm.removeItem(at: folder)
            }
        }
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func exchange(_ a: String, _ b: String) -> Bool {
        if gangway_rename_exchange(a, b) == 0 { return true }
        guard errno == ENOSYS || errno == EINVAL else { return false }
        // Closest equivalent where the exchange is missing: two renames, the old tree kept until the new one is in.
        let url = URL(fileURLWithPath: b)
        let aside = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).gangway-old-\(getpid())").path
        guard rename(b, aside) == 0 else { return false }
        guard rename(a, b) == 0 else { _ = rename(aside, b); return false }
        return rename(aside, a) == 0
    }
}
