import Foundation

/// Lists the source folder's files in a fixed order (by name, whatever the file system returns)
/// and refuses symbolic links that lead outside the source folder.
struct SourceTree: Sendable {
    let root: URL

    init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// `isDirectory: false` spares Foundation a stat per call to find out.
    func url(_ relative: String) -> URL { root.appendingPathComponent(relative, isDirectory: false) }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative).path)
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Entries of a folder, sorted, hidden files left out; links that leave the source folder are reported and dropped.
    func entries(_ relative: String, into diagnostics: inout [Diagnostic]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []
        // The folder is checked once; then an entry that is not a link is inside it by construction,
        // which saves resolving every path of a large site component by component.
        let folderContained = relative.isEmpty || isContained(relative)
        var out: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            if folderContained && !isSymbolicLink(path) {
                out.append(path)
            } else if let path = entry(path, into: &diagnostics) {
                out.append(path)
            }
        }
        return out
    }

    /// One entry as `entries(_:into:)` reports it: nil, with an error, when it leads outside the source folder.
    func entry(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard isContained(path) else {
            diagnostics.append(.error("symbolic link leads outside the source folder; it is not followed", at: SourceLocation(file: path)))
            return nil
        }
        return path
    }

    /// Every file below a folder, recursively, sorted by path.
    func files(under relative: String, into diagnostics: inout [Diagnostic]) -> [String] {
        var out: [String] = []
        for path in entries(relative, into: &diagnostics) {
            if isDirectory(path) {
                out += files(under: path, into: &diagnostics)
            } else {
                out.append(path)
            }
        }
        return out
    }

    func isSymbolicLink(_ relative: String) -> Bool {
        var info = stat()
        guard lstat(url(relative).path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether `relative` resolves inside the source folder once every link on the way is followed.
    func isContained(_ relative: String) -> Bool {
        let resolved = url(relative).resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return resolved.hasPrefix(rootPath)
    }
}
