import Foundation

/// Writes into another sink below a folder: `gangway serve` serves the team site as `team/`
/// inside the preview's folder.
public struct PrefixedSink: OutputSink {
    public let prefix: String
    public let base: OutputSink

    public init(prefix: String, base: OutputSink) {
        self.prefix = prefix.hasSuffix("/") ? prefix : prefix + "/"
        self.base = base
    }

    public func write(_ path: String, _ data: Data) throws {
        try OutputPath.check(path)
        try base.write(prefix + path, data)
    }
}
