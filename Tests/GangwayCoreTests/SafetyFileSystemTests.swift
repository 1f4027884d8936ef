import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import GangwayCore

/// Nothing is lost in silence: a folder or file that cannot be read is an error naming the path
/// and the reason, and the previous output survives it. Permission cases need a user that mode
/// bits stop: the tests run as root here, so the binary then runs as `nobody` (util-linux
/// setpriv), on a copy that user owns; as another user the mode bits alone do it.
@Suite(.serialized) struct SafetyFileSystemTests {
    static let setpriv = "/usr/bin/setpriv"
    static let isRoot = getuid() == 0
    static let canDropPrivileges = !isRoot || FileManager.default.isExecutableFile(atPath: setpriv)
    static let today = "2026-11-05"

    /// Runs the binary as a user that mode bits apply to; returns exit status and stderr.
    static func runUnprivileged(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        if isRoot {
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", Fixtures.binary.path] + arguments
        } else {
            process.executableURL = Fixtures.binary
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        env["NO_COLOR"] = "1"
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A copy of the hostile corpus's base site, in a folder the unprivileged user owns.
    static func ownedSite() throws -> (work: URL, site: URL, output: URL) {
        let work = try Fixtures.temporaryFolder("fs-perm")
        let site = try SafetyHostileCorpusTests.materialise("merge-keys", in: work)
        if isRoot { chownAll(work, to: 65534) }
        return (work, site, work.appendingPathComponent("public"))
    }

    static func chownAll(_ url: URL, to id: uid_t) {
        _ = chown(url.path, id, gid_t(id))
        for rel in FileManager.default.subpaths(atPath: url.path) ?? [] {
            _ = lchown(url.path + "/" + rel, id, gid_t(id))
        }
    }

    static func build(_ site: URL, _ output: URL, strict: Bool = false) throws -> (status: Int32, stderr: String) {
        try runUnprivileged(["build", "--today", today, "--source", site.path, "--output", output.path] + (strict ? ["--strict"] : []))
    }

    @Test(.enabled(if: canDropPrivileges, "needs setpriv to drop root's privileges"),
          arguments: [
              ("content/clinics", "content/clinics:1:1: error: cannot read this folder: permission denied"),
              ("content/pages", "content/pages:1:1: error: cannot read this folder: permission denied"),
              ("content/guides/accuro", "content/guides/accuro:1:1: error: cannot read this folder: permission denied"),
              ("templates/assets/site.css", "templates/assets/site.css:1:1: error: cannot read this file: permission denied"),
              ("content/clinics/merged.yml", "content/clinics/merged.yml:1:1: error: cannot read this file: permission denied"),
          ])
    func anUnreadablePathIsAnErrorAndThePreviousOutputSurvives(_ path: String, _ message: String) throws {
        let (work, site, output) = try Self.ownedSite()
        defer { _ = chmod(site.appendingPathComponent(path).path, 0o755); SafetyHostileCorpusTests.removeAll(work) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/pages"), withIntermediateDirectories: true)
        try Data("---\ntitle: Questions\n---\nAsk.\n".utf8).write(to: site.appendingPathComponent("content/pages/faq.md"))
        try FileManager.default.createDirectory(at: site.appendingPathComponent("templates/assets"), withIntermediateDirectories: true)
        try Data("body { color: #123; }\n".utf8).write(to: site.appendingPathComponent("templates/assets/site.css"))
        if Self.isRoot { Self.chownAll(work, to: 65534) }

        let first = try Self.build(site, output)
        #expect(first.status == 0, "\(first.stderr)")
        let before = Fixtures.tree(output)
        #expect(before["clinics/merged/index.html"] != nil && before["assets/site.css"] != nil && before["pages/faq/index.html"] != nil)

        #expect(chmod(site.appendingPathComponent(path).path, 0) == 0)
        let second = try Self.build(site, output)
        #expect(second.status == 1, "\(path): \(second.stderr)")
        #expect(second.stderr.contains(message), "\(path): \(second.stderr)")
        #expect(!second.stderr.contains("has no guide.md") && !second.stderr.contains("does not exist"), "\(second.stderr)")
        #expect(Fixtures.tree(output) == before, "\(path): the previous output changed")
    }

    /// An unreadable content/guides is one error, not one "guide does not exist" per clinic.
    @Test(.enabled(if: canDropPrivileges, "needs setpriv to drop root's privileges"))
    func anUnreadableGuidesFolderIsOneError() throws {
        let (work, site, _) = try Self.ownedSite()
        defer { _ = chmod(site.appendingPathComponent("content/guides").path, 0o755); SafetyHostileCorpusTests.removeAll(work) }
        #expect(chmod(site.appendingPathComponent("content/guides").path, 0) == 0)
        let check = try Self.runUnprivileged(["check", "--today", Self.today, "--source", site.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/guides:1:1: error: cannot read this folder: permission denied"), "\(check.stderr)")
        #expect(!check.stderr.contains("does not exist"), "\(check.stderr)")
    }

    /// The old output made read-only: the swap succeeds and the next builds leave no staging folder behind.
    @Test(.enabled(if: canDropPrivileges, "needs setpriv to drop root's privileges"))
    func aReadOnlyOldOutputLeavesNoStagingFolder() throws {
        let (work, site, output) = try Self.ownedSite()
        defer { SafetyHostileCorpusTests.removeAll(work) }
        #expect(try Self.build(site, output).status == 0)
        for rel in (FileManager.default.subpaths(atPath: output.path) ?? []) + [""] {
            let path = rel.isEmpty ? output.path : output.path + "/" + rel
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { _ = chmod(path, 0o555) }
        }
        let second = try Self.build(site, output)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.build(site, output).status == 0)
        let beside = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("gangway-") }
        #expect(beside.isEmpty, "staging folders left behind: \(beside)")
        #expect(Fixtures.tree(output)["clinics/merged/index.html"] != nil)
    }

    /// A build killed while deleting the old tree: the marker goes last, so the folder left
    /// behind is still recognisably Gangway's and the next build removes it.
    @Test func aDeletionCutShortIsFinishedByTheNextBuild() throws {
        let work = try Fixtures.temporaryFolder("fs-killed")
        defer { SafetyHostileCorpusTests.removeAll(work) }
        let output = work.appendingPathComponent("public")
        // The fixture has the dashboard on: its team site goes elsewhere, never into the fixture itself.
        let team = try Fixtures.temporaryFolder("fs-killed-team").appendingPathComponent("team")
        defer { SafetyHostileCorpusTests.removeAll(team.deletingLastPathComponent()) }
        let first = try Run(["build", "--today", Self.today, "--source", Fixtures.site("basic").path, "--output", output.path,
                             "--team-output", team.path])
        #expect(first.status == 0, "\(first.stderr)")
        // What a killed build leaves: the previous output under a staging name of a process that is gone.
        let dead = pid_t(Int32.max - 7)
        let leftover = work.appendingPathComponent("\(AtomicOutput.stagingPrefix(output))\(dead)-dead")
        try FileManager.default.copyItem(at: output, to: leftover)
        #expect(AtomicOutput.removeTree(leftover.path, budget: 5) == false)
        let remaining = try FileManager.default.contentsOfDirectory(atPath: leftover.path)
        #expect(remaining.contains(AtomicOutput.marker), "the marker went before the rest: \(remaining)")
        #expect(remaining.count > 1)

        let second = try Run(["build", "--today", Self.today, "--source", Fixtures.site("basic").path, "--output", output.path,
                              "--team-output", team.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "the next build left the cut-short folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["public"])
    }

    /// In-process: the listing errors and the warnings for what is skipped on purpose.
    @Test func unlistableFoldersAndSkippedEntriesAreReported() throws {
        let work = try Fixtures.temporaryFolder("fs-unit")
        defer { SafetyHostileCorpusTests.removeAll(work) }
        let site = try SafetyHostileCorpusTests.materialise("merge-keys", in: work)
        let clinics = site.appendingPathComponent("content/clinics")
        try FileManager.default.createDirectory(at: clinics.appendingPathComponent("archive"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: clinics.appendingPathComponent("gone.yml").path, withDestinationPath: "nowhere.yml")
        let loaded = SiteLoader.load(source: site, today: .fixed(Day(iso: Self.today)!))
        let text = DiagnosticFormatter.text(loaded.diagnostics)
        #expect(text.contains("content/clinics/archive:1:1: warning: a folder is not read here"), "\(text)")
        #expect(text.contains("content/clinics/gone.yml:1:1: error: cannot read this file or folder: it is a symbolic link to something that does not exist"), "\(text)")
        #expect(loaded.site == nil)

        try FileManager.default.removeItem(at: clinics)
        try Data("a file\n".utf8).write(to: clinics)
        let asFile = DiagnosticFormatter.text(SiteLoader.load(source: site, today: .fixed(Day(iso: Self.today)!)).diagnostics)
        #expect(asFile.contains("content/clinics:1:1: error: cannot read this folder: it is a file, not a folder"), "\(asFile)")
    }
}
