import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where rendered files go: a folder on disk, or memory (tests and incremental rebuilds).
public protocol OutputSink: Sendable {
    func write(_ path: String, _ data: Data) throws
}

/// Writes below a folder, creating parent folders; paths are checked never to leave it. Every
/// file is created new, never opened for writing when it exists: a file taken over from the
/// previous output by hard link is shared with it until the swap, and must never change there.
public struct DirectorySink: OutputSink {
    public let root: URL
    /// `root` as a path: file paths are made by joining strings, not `URL`s (cheaper per file).
    private let rootPath: String
    /// Folders already made, so a clinic's second file costs no mkdir.
    private let folders = FolderSet()
    /// The output this folder will replace, whose unchanged files are linked instead of written.
    private let previous: PreviousOutput?

    /// The permission bits of each file, less the umask.
    static let fileMode: mode_t = 0o644

    /// `previous`, when given and there, lends its unchanged files (see `PreviousOutput`).
    public init(root: URL, previous: URL? = nil) {
        self.root = root
        self.rootPath = root.path
        self.previous = previous.flatMap(PreviousOutput.init(root:))
    }

    /// How many files were taken over from the previous output rather than written.
    public var filesKept: Int { previous?.kept ?? 0 }

    public func write(_ path: String, _ data: Data) throws {
        try OutputPath.check(path)
        let file = rootPath + "/" + path
        let parent = path.lastIndex(of: "/").map { rootPath + "/" + path[..<$0] } ?? rootPath
        if !folders.contains(parent) {
            // One mkdir for the common case; the full walk only when a grandparent is missing too.
            if mkdir(parent, 0o755) != 0 && errno != EEXIST {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            folders.insert(parent)
        }
        if let previous, previous.takeOver(path, data, to: file) { return }
        try Self.createFile(file, data)
    }

    /// Writes `data` to a new file at `path`; a file already there is unlinked first, never truncated.
    /// Plain open/write/close: Foundation's `Data.write` fsyncs every file, which made a
    /// 10,000-clinic build wait on the disk; durability comes from the atomic swap instead.
    static func createFile(_ path: String, _ data: Data) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd < 0 && errno == EEXIST && unlink(path) == 0 {
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        }
        guard fd >= 0 else { throw WriteError(path: path, code: errno) }
        defer { close(fd) }
        try write(fd, data, path: path)
    }

    /// Writes `data` into the file at `path`, in place when it exists: for the tests' probes, never for an output.
    static func writeFile(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw WriteError(path: path, code: errno) }
        defer { close(fd) }
        try write(fd, data, path: path)
    }

    private static func write(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, code: errno)
                }
                offset += n
            }
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }
}

/// Keeps every file in memory, by path.
public final class MemorySink: OutputSink, Sendable {
    private let storage = LockedValue<[String: Data]>([:])

    public init() {}

    public func write(_ path: String, _ data: Data) throws {
        try OutputPath.check(path)
        storage.withLock { $0[path] = data }
    }

    public var files: [String: Data] {
        storage.withLock { $0 }
    }
}

public enum OutputPath {
    public struct Escape: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "refusing to write '\(path)': it would leave the output folder" }
    }

    /// A relative path of plain names: no `..`, no empty or hidden components, no leading `/`.
    public static func check(_ path: String) throws {
        // One pass over the bytes (splitting into components cost an array per file written).
        var length = 0, dots = 0
        func component() -> Bool { length > 0 && !(dots == length && length <= 2) }
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                guard component() else { throw Escape(path: path) }
                length = 0
                dots = 0
            case UInt8(ascii: "\\"), 0:
                throw Escape(path: path)
            default:
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        guard component() else { throw Escape(path: path) }
    }
}

/// A set of paths shared by the threads that write one output.
private final class FolderSet: Sendable {
    private let paths = LockedValue<Set<String>>([])

    func contains(_ path: String) -> Bool {
        paths.withLock { $0.contains(path) }
    }

    func insert(_ path: String) {
        _ = paths.withLock { $0.insert(path) }
    }
}
