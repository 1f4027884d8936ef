import CGangwaySys
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The clinic portal and the team site, published together: both are staged, and both are swapped
/// in only when both staged cleanly. If the second swap fails, the first is swapped back, so a
/// failed build leaves both folders as they were.
struct OutputPair {
    let first: AtomicOutput
    let second: AtomicOutput?

    /// Checks both folders, and that they are neither the same folder nor one inside the other.
    init(_ first: URL, _ second: URL?, source: URL) throws {
        self.first = try AtomicOutput(output: first, source: source)
        self.second = try second.map { try AtomicOutput(output: $0, source: source) }
        if let other = self.second?.output {
            let a = self.first.output.path, b = other.path
            if a == b || b.hasPrefix(a + "/") || a.hasPrefix(b + "/") {
                throw AtomicOutput.Failure.unsafeOutput(
                    "refusing team output folder \(b): it is the output folder \(a), or one holds the other; choose two separate folders")
            }
        }
    }

    /// Fresh staging folders to render into: the first's, and the second's when there is one.
    func begin() throws -> (DirectorySink, DirectorySink?) {
        let a = try first.begin()
        do {
            return (a, try second?.begin())
        } catch {
            first.abandon()
            throw error
        }
    }

    /// Swaps both staging folders in, or neither.
    func commit() throws {
        guard let second else { return try first.commit() }
        let fm = FileManager.default
        let existed = fm.fileExists(atPath: first.output.path)
        // The first swap keeps the previous tree in the staging folder, so it can be put back.
        if existed {
            guard gangway_rename_exchange(first.staging.path, first.output.path) == 0 else {
                // No exchange here: the plain commit (its own fallback), which cannot be undone.
                do { try first.commit() } catch { abandon(); throw error }
                return try commitSecond(second, undo: nil)
            }
        } else {
            try fm.createDirectory(at: first.output.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(first.staging.path, first.output.path) == 0 else {
                abandon()
                throw AtomicOutput.Failure.io("cannot move the new output to \(first.output.path): \(String(cString: strerror(errno)))")
            }
        }
        try commitSecond(second) {
            if existed {
                _ = gangway_rename_exchange(first.staging.path, first.output.path)
            } else {
                _ = rename(first.output.path, first.staging.path)
            }
        }
        first.abandon()  // the staging folder now holds the previous tree, or nothing
    }

    /// Removes both staging folders after a failed render.
    func abandon() {
        first.abandon()
        second?.abandon()
    }

    private func commitSecond(_ second: AtomicOutput, undo: (() -> Void)?) throws {
        do {
            try second.commit()
        } catch {
            undo?()
            abandon()
            throw error
        }
    }
}
