import CGangwaySys
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The output a build is about to replace, from which its staging folder takes over every file
/// whose new bytes equal the old: the old file is hard-linked into the staging folder instead of
/// written again, so it keeps its inode and modification time, and `rsync -a` or a CDN sync sends
/// only the files that really changed.
///
/// Atomicity is untouched: the previous output is only read and linked from, never written, and
/// the staging folder is still swapped in whole. A linked file belongs to both trees until the
/// swap, so no Gangway writer ever opens an existing file for writing (`DirectorySink` creates
/// each file new). Only a file that Gangway would write the same way is taken over: a regular
/// file reached without a symbolic link, owned by this user, with the mode a new file gets.
/// When linking cannot work here (another file system, no hard links, a kernel without openat2),
/// the first failure turns it off and every file is written.
final class PreviousOutput: Sendable {
    /// The folder's descriptor, below which every old file is opened.
    private let folder: Int32
    private let mode: mode_t
    private let state = LockedValue(State())

    private struct State {
        var linking = true
        var kept = 0
    }

    /// The previous output at `root`, or nil when there is none to take files from.
    init?(root: URL) {
        guard let mode = Self.newFileMode else { return nil }
        let fd = open(root.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.folder = fd
        self.mode = mode
    }

    deinit { close(folder) }

    /// How many files were taken over, the output's marker aside (a build does not count it as written).
    var kept: Int { state.withLock { $0.kept } }

    /// Hard-links the previous output's `path` to `destination` when its bytes are `data`.
    /// False when the file must be written: it changed, is new, or could not be linked.
    func takeOver(_ path: String, _ data: Data, to destination: String) -> Bool {
        guard state.withLock({ $0.linking }) else { return false }
        // Size, type, owner and mode from one stat; the old bytes are read only when all match.
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              info.st_size == data.count, info.st_uid == geteuid(), info.st_mode & 0o7777 == mode
        else { return false }
        let fd = gangway_open_beneath(folder, path)
        guard fd >= 0 else {
            if errno == ENOSYS { stopLinking() }
            return false
        }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_ino == info.st_ino, opened.st_dev == info.st_dev,
              Self.contents(of: fd, equal: data)
        else { return false }
        guard link(path, to: destination) else { return false }
        // The link was made by path: make sure it is the very file compared, not one put there since.
        var linked = stat()
        guard lstat(destination, &linked) == 0, linked.st_ino == opened.st_ino, linked.st_dev == opened.st_dev else {
            unlink(destination)
            return false
        }
        if path != AtomicOutput.marker { state.withLock { $0.kept += 1 } }
        return true
    }
}

private extension PreviousOutput {
    func link(_ path: String, to destination: String) -> Bool {
        if linkat(folder, path, AT_FDCWD, destination, 0) == 0 { return true }
        switch errno {
        case EEXIST:
            // The same path written twice: the later bytes win, as with a write.
            return unlink(destination) == 0 && linkat(folder, path, AT_FDCWD, destination, 0) == 0
        case EXDEV, EPERM, EOPNOTSUPP, ENOSYS:
            stopLinking()  // another file system, or one without hard links: every later link would fail too
            return false
        default:
            return false  // EMLINK and the like concern one file
        }
    }

    func stopLinking() {
        state.withLock { $0.linking = false }
    }

    /// Whether the file behind `fd` holds exactly `data`.
    static func contents(of fd: Int32, equal data: Data) -> Bool {
        let count = data.count
        // One byte more than expected, to see a file that grew since its stat.
        return withUnsafeTemporaryAllocation(byteCount: count + 1, alignment: 16) { buffer in
            var filled = 0
            while filled <= count {
                let n = read(fd, buffer.baseAddress! + filled, count + 1 - filled)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                filled += n
            }
            guard filled == count else { return false }
            guard count > 0 else { return true }
            return data.withUnsafeBytes { memcmp($0.baseAddress!, buffer.baseAddress!, count) == 0 }
        }
    }

    /// The permission bits a file that `DirectorySink` creates gets: 0644 less the umask, read
    /// from /proc (setting the umask to read it would race with other threads creating files).
    static let newFileMode: mode_t? = {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else { return nil }
        return 0o644 & ~mask
    }()
}
