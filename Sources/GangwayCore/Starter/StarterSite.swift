import Foundation

/// The starter site that `gangway init` writes, embedded in the binary so it needs no other files.
/// Its templates are also the built-in theme that fills in any template a site leaves out.
/// `StarterSite+Files.swift` is generated from the example portal by `scripts/embed-starter`.
public enum StarterSite {
    public struct File: Sendable {
        public let path: String
        public let data: Data
    }

    public static var files: [File] {
        embedded.map { File(path: $0.0, data: Data($0.1.utf8)) }
    }

    public enum Failure: Error, CustomStringConvertible {
        case notEmpty(String)
        public var description: String {
            switch self {
            case .notEmpty(let p): return "\(p) already exists and is not empty; choose a new folder"
            }
        }
    }

    /// Writes the starter into `folder`, which must be missing or empty.
    public static func write(to folder: URL) throws {
        let fm = FileManager.default
        if let entries = try? fm.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw Failure.notEmpty(folder.path)
        }
        let sink = DirectorySink(root: folder)
        for file in files { try sink.write(file.path, file.data) }
        try Data("/public/\n/team/\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        try Data(readme.utf8).write(to: folder.appendingPathComponent("README.md"))
    }
}
