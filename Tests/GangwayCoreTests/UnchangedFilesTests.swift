import Foundation
import Testing
@testable import GangwayCore
#if canImport(Glibc)
import Glibc
#endif

/// A rebuild takes over from the previous output every file whose bytes did not change (a hard
/// link into the staging folder), so those keep their inode and mtime and `rsync -a` sends only
/// real changes; the rest of the output is exactly what a build into an empty folder makes.
@Suite struct UnchangedFilesTests {
    /// Each file's inode and mtime, by path below the folder (the team site's under `team/`).
    struct Identity: Equatable {
        let inode: UInt64
        let mtime: Int64
        let mtimeNanoseconds: Int
        let links: UInt64
    }

    static func identities(_ output: URL) -> [String: Identity] {
        var out: [String: Identity] = [:]
        for (prefix, folder) in [("", output), ("team/", SafetySite.teamOutput(beside: output))] {
            for path in Fixtures.tree(folder).keys {
                out[prefix + path] = identity(folder.appendingPathComponent(path).path)
            }
        }
        return out
    }

    static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Identity(inode: UInt64(info.st_ino), mtime: Int64(info.st_mtim.tv_sec), mtimeNanoseconds: info.st_mtim.tv_nsec,
                        links: UInt64(info.st_nlink))
    }

    /// A generated portal built once, with the identity of every file the build wrote.
    struct Built {
        let source: URL
        let output: URL
        let before: [String: Identity]
    }

    static func built(clinics: Int = 12) throws -> Built {
        let source = try SafetySite.generated(clinics: clinics, label: "unchanged")
        let output = try Fixtures.temporaryFolder("unchanged-out").appendingPathComponent("public")
        let report = SafetySite.build(source, into: output)
        #expect(report.succeeded, "\(SafetySite.text(report))")
        #expect(report.filesKept == 0, "nothing to take over from on a first build")
        return Built(source: source, output: output, before: identities(output))
    }

    /// The rebuild's tree is the same bytes as a build of the same source into an empty folder.
    static func expectSameAsAFreshBuild(_ b: Built, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fresh = try Fixtures.temporaryFolder("unchanged-fresh").appendingPathComponent("public")
        #expect(SafetySite.build(b.source, into: fresh).succeeded)
        #expect(SafetySite.bothSites(b.output) == SafetySite.bothSites(fresh), "a rebuild differs from a fresh build", sourceLocation: sourceLocation)
    }

    @Test func aRebuildOfAnUnchangedSiteKeepsEveryFile() throws {
        let b = try Self.built()
        let report = SafetySite.build(b.source, into: b.output)
        #expect(report.succeeded)
        #expect(report.filesKept == report.filesWritten)
        let after = Self.identities(b.output)
        #expect(after.keys.sorted() == b.before.keys.sorted())
        for (path, was) in b.before {
            #expect(after[path] == was, "\(path) was rewritten although its bytes did not change")
        }
        #expect(SafetySite.leftovers(beside: b.output).isEmpty)
        try Self.expectSameAsAFreshBuild(b)
    }

    @Test func aRebuildWithOneCaseFileChangedRewritesOnlyThatClinicsFiles() throws {
        let b = try Self.built()
        // The note shows on the page only; the status and the calendar feed keep their bytes.
        let file = b.source.appendingPathComponent("content/clinics/clinic-3.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Generated clinic number 3,", with: "Clinic three, edited,")
            .write(to: file, atomically: true, encoding: .utf8)
        let report = SafetySite.build(b.source, into: b.output)
        #expect(report.succeeded, "\(SafetySite.text(report))")
        let after = Self.identities(b.output)
        #expect(after["clinics/clinic-3/index.html"]?.inode != b.before["clinics/clinic-3/index.html"]?.inode, "the changed page kept its old file")
        for (path, was) in b.before where path.hasPrefix("clinics/") && !path.hasPrefix("clinics/clinic-3/") {
            #expect(after[path] == was, "\(path) belongs to another clinic and was rewritten")
        }
        for path in ["index.html", "sitemap.xml", "robots.txt", "assets/style.css", "team/assets/style.css", AtomicOutput.marker] {
            #expect(after[path] == b.before[path], "\(path) did not change and was rewritten")
        }
        #expect(report.filesKept > 0 && report.filesKept < report.filesWritten)
        // Once the old tree is gone, a taken-over file is this output's alone.
        #expect(after.values.allSatisfy { $0.links == 1 })
        try Self.expectSameAsAFreshBuild(b)
    }

    @Test func aFailedRebuildLeavesThePreviousFilesAsTheyWere() throws {
        let b = try Self.built()
        let bytes = SafetySite.bothSites(b.output)
        // Fails after most files were taken over by link: the old ones must not have changed.
        let report = SafetySite.build(b.source, into: b.output, sink: { FailingSink($0, failAfter: 30) })
        #expect(!report.succeeded)
        #expect(SafetySite.bothSites(b.output) == bytes)
        #expect(Self.identities(b.output) == b.before)
        #expect(SafetySite.leftovers(beside: b.output).isEmpty)
    }

    @Test func aFileWhoseModeOrTypeChangedIsWrittenAfresh() throws {
        let b = try Self.built()
        let page = b.output.appendingPathComponent("clinics/clinic-1/index.html").path
        #expect(chmod(page, 0o600) == 0)
        // A folder of the old output replaced by a link to a copy elsewhere with the same bytes.
        let outside = try Fixtures.temporaryFolder("unchanged-outside").appendingPathComponent("clinic-2")
        let folder = b.output.appendingPathComponent("clinics/clinic-2")
        try FileManager.default.copyItem(at: folder, to: outside)
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: outside)
        let report = SafetySite.build(b.source, into: b.output)
        #expect(report.succeeded)
        let after = Self.identities(b.output)
        #expect(after["clinics/clinic-1/index.html"]?.inode != b.before["clinics/clinic-1/index.html"]?.inode)
        var info = stat()
        #expect(lstat(page, &info) == 0 && info.st_mode & 0o777 != 0o600, "the user's chmod was taken over")
        for name in ["index.html", "status.json", "calendar.ics"] {
            let linked = Self.identity(outside.appendingPathComponent(name).path)
            #expect(linked?.links == 1, "\(name) outside the output was linked into it through a symbolic link")
            #expect(after["clinics/clinic-2/" + name]?.inode != linked?.inode)
        }
        #expect(after["clinics/clinic-4/index.html"] == b.before["clinics/clinic-4/index.html"])
        try Self.expectSameAsAFreshBuild(b)
    }

    @Test func aPathWrittenTwiceNeverChangesThePreviousFile() throws {
        let root = try Fixtures.temporaryFolder("unchanged-twice")
        let previous = root.appendingPathComponent("previous"), staging = root.appendingPathComponent("staging")
        try DirectorySink(root: previous).write("a/file.txt", Data("first".utf8))
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let sink = DirectorySink(root: staging, previous: previous)
        try sink.write("a/file.txt", Data("first".utf8))
        #expect(sink.filesKept == 1)
        try sink.write("a/file.txt", Data("other".utf8))
        #expect(try String(contentsOf: previous.appendingPathComponent("a/file.txt"), encoding: .utf8) == "first")
        #expect(try String(contentsOf: staging.appendingPathComponent("a/file.txt"), encoding: .utf8) == "other")
        try sink.write("a/file.txt", Data("first".utf8))
        #expect(try String(contentsOf: staging.appendingPathComponent("a/file.txt"), encoding: .utf8) == "first")
    }

    /// /dev/shm is its own file system here: no link can cross to it, and every file is written.
    @Test(.enabled(if: Self.shmIsAnotherFileSystem()))
    func aPreviousOutputOnAnotherFileSystemFallsBackToWriting() throws {
        let previous = URL(fileURLWithPath: "/dev/shm/gangway-exdev-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: previous) }
        let staging = try Fixtures.temporaryFolder("unchanged-exdev")
        for i in 0..<3 { try DirectorySink(root: previous).write("f\(i).txt", Data("same \(i)".utf8)) }
        let sink = DirectorySink(root: staging, previous: previous)
        for i in 0..<3 { try sink.write("f\(i).txt", Data("same \(i)".utf8)) }
        #expect(sink.filesKept == 0)
        #expect(Fixtures.tree(staging) == Fixtures.tree(previous))
    }

    static func shmIsAnotherFileSystem() -> Bool {
        var shm = stat(), tmp = stat()
        return stat("/dev/shm", &shm) == 0 && stat(FileManager.default.temporaryDirectory.path, &tmp) == 0
            && shm.st_dev != tmp.st_dev && access("/dev/shm", W_OK) == 0
    }
}
