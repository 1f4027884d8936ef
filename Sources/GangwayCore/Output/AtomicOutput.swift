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

    /// A fresh, empty staging folder to render into; its sink takes the files that did not change
    /// over from the current output (`PreviousOutput`), so they keep their inode and mtime.
    public func begin() throws -> DirectorySink {
        let fm = FileManager.default
        removeLeftovers()
        try? fm.removeItem(at: staging)
        let sink = DirectorySink(root: staging, previous: output)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try sink.write(Self.marker, Data("This folder is written by gangway build; it is replaced whole on every build.\n".utf8))
        } catch let error as DirectorySink.WriteError {
            throw Failure.io("cannot create \(staging.path): \(String(cString: strerror(error.code)))")
        } catch {
            throw Failure.io("cannot create \(staging.path): \(error.localizedDescription)")
        }
        return sink
    }

    /// Swaps the staging folder in place of the output, then deletes the old output.
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            guard Self.exchange(staging.path, output.path) else {
                throw Failure.io("cannot swap the new output into \(output.path): \(String(cString: strerror(errno)))")
            }
            Self.removeTree(staging.path)  // now holds the previous output
        } else {
            try fm.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(staging.path, output.path) == 0 else {
                throw Failure.io("cannot move the new output to \(output.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes the staging folder after a failed build.
    public func abandon() {
        Self.removeTree(staging.path)
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
            // A read-only old output is emptied all the same: removeTree lifts the permissions.
            let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
            if entries.isEmpty || entries.contains(Self.marker) {
                Self.removeTree(folder.path)
            }
        }
    }

    /// Deletes a staging or old output folder, its marker last: a build killed halfway leaves a
    /// folder that still carries the marker, which the next build recognises and finishes
    /// removing. Folders left read-only (an old output someone made read-only) are made writable
    /// first, so they can be emptied. `budget`, for tests, stops after that many removals, as a
    /// kill would. Returns whether the folder is gone.
    @discardableResult
    public static func removeTree(_ path: String, budget: Int? = nil) -> Bool {
        var left = budget ?? Int.max
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 }
        guard removeContents(path, keep: marker, left: &left) else { return false }
        let markerPath = path + "/" + marker
        if lstat(markerPath, &info) == 0 {
            guard left > 0 else { return false }
            left -= 1
            _ = unlink(markerPath)
        }
        return rmdir(path) == 0
    }

    private static func removeContents(_ path: String, keep: String?, left: inout Int) -> Bool {
        _ = chmod(path, 0o700)  // only what Gangway wrote, or its own staging: lift read-only
        guard let dir = opendir(path) else { return false }
        var names: [String] = []
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." && name != keep { names.append(name) }
        }
        closedir(dir)
        for name in names {
            let child = path + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                guard removeContents(child, keep: nil, left: &left) else { return false }
                guard left > 0 else { return false }
                left -= 1
                if rmdir(child) != 0 { return false }
            } else {
                guard left > 0 else { return false }
                left -= 1
                if unlink(child) != 0 { return false }
            }
        }
        return true
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
