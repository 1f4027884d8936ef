import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the source folder's files in a fixed order (by name, whatever the file system returns)
/// and refuses symbolic links that lead outside the source folder. Nothing is lost in silence:
/// a folder that cannot be listed, a dangling link or a loop of links is an error naming the path
/// and the reason; what is skipped on purpose (a FIFO, a socket, a device) is a warning.
struct SourceTree: Sendable {
    let root: URL
    private let rootPath: String

    init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        rootPath = self.root.path.hasSuffix("/") ? self.root.path : self.root.path + "/"
    }

    /// `isDirectory: false` spares Foundation a stat per call to find out.
    func url(_ relative: String) -> URL { root.appendingPathComponent(relative, isDirectory: false) }

    /// The file system path of `relative`, as `url(relative).path` without building the URL
    /// (a case file is read by path, thousands of times per build).
    func path(_ relative: String) -> String { rootPath + relative }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative).path)
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Whether `relative` is a folder to read. Nothing there is false, in silence (the folder is
    /// optional); something there that cannot be read as a folder is false with an error, since
    /// everything meant to be in it would be left out.
    func folder(_ relative: String, into diagnostics: inout [Diagnostic]) -> Bool {
        if let problem = FileProblem.folder(url(relative).path) {
            if problem != .missing {
                diagnostics.append(Self.lossError(problem, at: relative))
            }
            return false
        }
        return true
    }

    /// Entries of a folder, sorted, hidden files left out; links that leave the source folder,
    /// dangling links and loops are reported and dropped, and so are FIFOs, sockets and devices.
    /// A folder that cannot be listed is an error, never an empty list.
    func entries(_ relative: String, into diagnostics: inout [Diagnostic]) -> [String] {
        typedEntries(relative, into: &diagnostics).map(\.path)
    }

    /// `entries`, each with whether it is a folder when the listing told (nil for a link, which
    /// `isDirectory` follows): a folder of thousands of case files is then not stat'ed file by file.
    func typedEntries(_ relative: String, into diagnostics: inout [Diagnostic]) -> [(path: String, isFolder: Bool?)] {
        let listing = FileProblem.list(url(relative).path)
        guard case .success(let found) = listing else {
            if case .failure(let problem) = listing, problem != .missing {
                diagnostics.append(Self.lossError(problem, at: relative.isEmpty ? "." : relative))
            }
            return []
        }
        // The folder is checked once; then an entry that is not a link is inside it by construction,
        // which saves resolving every path of a large site component by component.
        let folderContained = relative.isEmpty || isContained(relative)
        var out: [(path: String, isFolder: Bool?)] = []
        for (name, kind) in found.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            switch kind {
            case .file, .folder:
                if folderContained {
                    out.append((path, kind == .folder))
                } else if let path = entry(path, into: &diagnostics) {
                    out.append((path, kind == .folder))
                }
            case .link, .unknown:
                if let path = entry(path, into: &diagnostics) { out.append((path, nil)) }
            case .special:
                _ = entry(path, into: &diagnostics)
            }
        }
        return out
    }

    /// One entry as `entries(_:into:)` reports it: nil, with an error, when it leads outside the
    /// source folder or is a link to nothing or a loop; nil with a warning when it is not a file
    /// or a folder (a FIFO would block the build that reads it).
    func entry(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        switch FileProblem.entry(url(path).path) {
        case nil:
            break
        case .special(let kind)?:
            diagnostics.append(.warning("\(kind), not a file or a folder; it is ignored (Gangway reads only files and folders)",
                                        at: SourceLocation(file: path)))
            return nil
        case let problem?:
            diagnostics.append(Self.lossError(problem, at: path))
            return nil
        }
        guard isContained(path) else {
            diagnostics.append(.error("symbolic link leads outside the source folder; it is not followed", at: SourceLocation(file: path)))
            return nil
        }
        return path
    }

    /// Every file below a folder, recursively, sorted by path. A link back to a folder the walk is
    /// already in (found by device and inode, whatever the path) is reported and not followed, so
    /// a loop can neither hang the build nor copy a tree into itself.
    func files(under relative: String, into diagnostics: inout [Diagnostic]) -> [String] {
        var out: [String] = []
        var open: Set<FileID> = []
        if let id = FileID(url(relative).path) { open.insert(id) }
        walk(relative, open: &open, into: &out, diagnostics: &diagnostics)
        return out
    }

    private func walk(_ relative: String, open: inout Set<FileID>, into out: inout [String], diagnostics: inout [Diagnostic]) {
        for path in entries(relative, into: &diagnostics) {
            guard isDirectory(path) else {
                out.append(path)
                continue
            }
            guard let id = FileID(url(path).path) else { continue }
            guard !open.contains(id) else {
                diagnostics.append(.error("symbolic link leads back to a folder it is in (a loop); it is not followed",
                                          at: SourceLocation(file: path), hint: "remove the link, or point it at a folder outside this one"))
                continue
            }
            open.insert(id)
            walk(path, open: &open, into: &out, diagnostics: &diagnostics)
            open.remove(id)
        }
    }

    /// Whether anything is at `relative`, even a dangling link.
    func isPresent(_ relative: String) -> Bool {
        var info = stat()
        return lstat(url(relative).path, &info) == 0
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

    /// A file's bytes; nil, with an error naming the reason, when it cannot be read.
    func data(_ relative: String, into diagnostics: inout [Diagnostic]) -> Data? {
        switch FileProblem.read(url(relative).path) {
        case .success(let data): return data
        case .failure(let problem):
            diagnostics.append(.error("cannot read this file: \(problem.reason)", at: SourceLocation(file: relative)))
            return nil
        }
    }

    /// `content/clinics:1:1: error: cannot read this folder: permission denied`.
    static func lossError(_ problem: FileProblem, at path: String) -> Diagnostic {
        .error("cannot read this \(problem.isAboutFolder ? "folder" : "file or folder"): \(problem.reason)", at: SourceLocation(file: path),
               hint: "what it holds would be left out of the site, so nothing is built until it is fixed")
    }
}

/// A directory's identity on disk, whatever path reaches it.
struct FileID: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The folder or file `path` leads to, links followed; nil when it cannot be reached.
    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// Why a path cannot be read as what the site needs it to be, in a user's words.
enum FileProblem: Error, Equatable {
    case missing
    case notAFolder
    case danglingLink
    case linkLoop
    case special(String)
    case system(String, folder: Bool)

    enum Kind { case file, folder, link, special, unknown }

    var reason: String {
        switch self {
        case .missing: return "it does not exist"
        case .notAFolder: return "it is a file, not a folder"
        case .danglingLink: return "it is a symbolic link to something that does not exist"
        case .linkLoop: return "it is a loop of symbolic links"
        case .special(let kind): return "it is \(kind)"
        case .system(let reason, _): return reason
        }
    }

    var isAboutFolder: Bool {
        switch self {
        case .notAFolder, .missing: return true
        case .system(_, let folder): return folder
        default: return false
        }
    }

    /// The reason for an errno, lower-case as diagnostics are.
    static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "it is a file, not a folder"
        case ELOOP: return "it is a loop of symbolic links"
        case ENOENT: return "it does not exist"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    /// A file's bytes, or why they cannot be read.
    static func read(_ path: String) -> Result<Data, FileProblem> {
        bytes(path).map { Data($0) }
    }

    /// A file's bytes, or why they cannot be read: open, fstat, one read into a buffer of the
    /// size fstat gives (one byte more, to see a file that grew), close. A file that is not
    /// the size fstat said is read on to its end.
    static func bytes(_ path: String) -> Result<[UInt8], FileProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.system(describe(errno), folder: false)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(describe(errno), folder: false)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.system("it is a folder, not a file", folder: false))
        default: return .failure(.special("not a regular file"))
        }
        let size = max(Int(info.st_size), 0)
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(describe(errno), folder: false))
            }
            count += n
            // A short read of exactly what fstat promised is the end; so is a read of nothing.
            if n == 0 || (count == size && count < bytes.count) { break }
        }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }

    /// Why `path` is not a folder that can be listed; nil when it is one.
    static func folder(_ path: String) -> FileProblem? {
        if let problem = entry(path) { return problem }
        var info = stat()
        guard stat(path, &info) == 0 else { return .system(describe(errno), folder: true) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .notAFolder }
        // Listing needs read and search permission, which stat does not check.
        guard let dir = opendir(path) else { return .system(describe(errno), folder: true) }
        closedir(dir)
        return nil
    }

    /// Why `path` is nothing Gangway can read (missing, dangling, a loop, a FIFO); nil when it is a file or folder.
    static func entry(_ path: String) -> FileProblem? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT ? .missing : .system(describe(errno), folder: false) }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard stat(path, &info) == 0 else {
                switch errno {
                case ENOENT, ENOTDIR: return .danglingLink
                case ELOOP: return .linkLoop
                default: return .system(describe(errno), folder: false)
                }
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return .special("a FIFO (named pipe)")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR, S_IFBLK: return .special("a device")
        default: return .special("an unknown kind of file")
        }
    }

    /// The names in a folder with what each is (from the listing itself where the file system says).
    static func list(_ path: String) -> Result<[(name: String, kind: Kind)], FileProblem> {
        if let problem = folder(path) { return .failure(problem == .missing ? .missing : problem) }
        guard let dir = opendir(path) else { return .failure(.system(describe(errno), folder: true)) }
        defer { closedir(dir) }
        var out: [(name: String, kind: Kind)] = []
        while true {
            errno = 0
            guard let item = readdir(dir) else { break }
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(item.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .link
            case Int32(DT_FIFO), Int32(DT_SOCK), Int32(DT_CHR), Int32(DT_BLK): kind = .special
            default: kind = .unknown
            }
            out.append((name, kind))
        }
        if errno != 0 { return .failure(.system(describe(errno), folder: true)) }
        return .success(out)
    }
}
