import Foundation

/// Where rendered files go: a folder on disk, or memory (tests and incremental rebuilds).
public protocol OutputSink: Sendable {
    func write(_ path: String, _ data: Data) throws
}

/// Writes below a folder, creating parent folders; paths are checked never to leave it.
public struct DirectorySink: OutputSink {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func write(_ path: String, _ data: Data) throws {
        try OutputPath.check(path)
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}

/// Keeps every file in memory, by path.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private var storage: [String: Data] = [:]
    private let lock = NSLock()

    public init() {}

    public func write(_ path: String, _ data: Data) throws {
        try OutputPath.check(path)
        lock.lock()
        storage[path] = data
        lock.unlock()
    }

    public var files: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

public enum OutputPath {
    public struct Escape: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "refusing to write '\(path)': it would leave the output folder" }
    }

    /// A relative path of plain names: no `..`, no empty or hidden components, no leading `/`.
    public static func check(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") && !$0.contains("\0") })
        else { throw Escape(path: path) }
    }
}
