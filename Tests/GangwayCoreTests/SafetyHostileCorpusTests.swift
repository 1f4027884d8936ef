import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import GangwayCore

/// The hostile-input corpus, `Fixtures/hostile/<case>/`: alias bombs, symbolic-link loops,
/// folders that cannot be listed, control characters, bad base URLs, merge keys. Each case runs
/// through the real binary under a guard against hangs (20 s: the machine may be loaded; the
/// cases take well under a second), and must give exactly its `expected.txt`: no crash, no hang,
/// nothing lost without a diagnostic. A case that fails must leave the previous output as it was.
@Suite struct SafetyHostileCorpusTests {
    static let corpus = Fixtures.root.appendingPathComponent("hostile")
    static let today = "2026-11-05"
    static let hangGuard: TimeInterval = 20

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") && $0 != "README.md" }.sorted()
    }()

    /// What git cannot hold, made in the copy before the run: FIFOs, sockets, odd file names, and
    /// every symbolic link (a loop of links in the package itself would send SwiftPM's own walk
    /// of the folder round it).
    static let setups: [String: @Sendable (URL) throws -> Void] = [
        "clinics-dangling-link": { site in try link(site, "content/clinics", to: "gone") },
        "pages-dangling-link": { site in try link(site, "content/pages", to: "gone") },
        "guides-dangling-link": { site in try link(site, "content/guides", to: "gone") },
        "guide-folder-dangling-link": { site in try link(site, "content/guides/emr", to: "../../nowhere") },
        "case-file-dangling-link": { site in try link(site, "content/clinics/ghost.yml", to: "ghost-target.yml") },
        "case-file-link-loop": { site in
            try link(site, "content/clinics/x.yml", to: "y.yml")
            try link(site, "content/clinics/y.yml", to: "x.yml")
        },
        "asset-dangling-link": { site in try link(site, "templates/assets/style.css", to: "gone.css") },
        "symlink-loop-assets": { site in
            try link(site, "templates/assets/a", to: ".")
            try link(site, "templates/assets/b", to: ".")
        },
        "symlink-loop-parent": { site in try link(site, "templates/assets/img/up", to: "..") },
        "symlink-loop-content": { site in try link(site, "content/guides/accuro/again", to: ".") },
        "symlink-to-source-root": { site in try link(site, "templates/assets/root", to: "../..") },
        "fifo-in-assets": { site in try makeFIFO(site.appendingPathComponent("templates/assets/pipe.css")) },
        "fifo-as-case-file": { site in try makeFIFO(site.appendingPathComponent("content/clinics/pipe.yml")) },
        "socket-in-assets": { site in try makeSocket(site.appendingPathComponent("templates/assets/s.sock")) },
        "newline-in-file-name": { site in
            try write("clinic: Evil\nguide: accuro\n", to: site.appendingPathComponent("content/clinics/evil\n1:1: error: injected.yml"))
        },
        "control-characters-in-file-name": { site in
            try write("clinic: Bell\nguide: accuro\n", to: site.appendingPathComponent("content/clinics/bell\u{7}\u{1B}[31m\r.yml"))
        },
        // Templates too big to keep as files: sections nested 600 and 30,000 deep (one a line),
        // and 30,000 tags before a closing tag that closes nothing (its line shows every tag was read).
        "template-nesting-600": { site in try write(nested(600), to: site.appendingPathComponent("templates/partials/deep.mustache")) },
        "template-nesting-30000": { site in try write(nested(30_000), to: site.appendingPathComponent("templates/partials/deep.mustache")) },
        "template-30000-tags": { site in
            try write(String(repeating: "<p>{{site.title}}</p>\n", count: 30_000) + "{{/site}}\n",
                      to: site.appendingPathComponent("templates/partials/many.mustache"))
        },
    ]

    /// `depth` sections opened inside each other, one a line, and closed.
    static func nested(_ depth: Int) -> String {
        String(repeating: "{{#site}}\n", count: depth) + "deep\n" + String(repeating: "{{/site}}\n", count: depth)
    }

    /// Every case has something to run: a site, a command line, or a setup.
    @Test func everyCaseHasAnExpectedAnswer() {
        #expect(Self.cases.count >= 30)
        for name in Self.cases {
            let folder = Self.corpus.appendingPathComponent(name)
            let hasSite = FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path)
                || FileManager.default.fileExists(atPath: folder.appendingPathComponent("args.json").path) || Self.setups[name] != nil
            #expect(hasSite, "\(name) has no site/, args.json or setup")
        }
    }

    @Test(arguments: cases)
    func answersExactlyInBoundedTime(_ name: String) throws {
        let work = try Fixtures.temporaryFolder("hostile-\(name)")
        defer { Self.removeAll(work) }
        let site = try Self.materialise(name, in: work)
        let output = work.appendingPathComponent("public")
        let arguments = try Self.arguments(name, site: site, output: output)
        let run = try Run(arguments, timeout: Self.hangGuard)
        #expect(!run.timedOut, "\(name): still running after \(Self.hangGuard) s")
        #expect(run.exited, "\(name): gangway crashed")
        let actual = Self.scrub(run.stderr + run.stdout, work: work) + "exit: \(run.status)\n"
        let expectedFile = Self.corpus.appendingPathComponent(name).appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: expectedFile)
            return
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected, "\(name): got\n\(actual)\nexpected\n\(expected)")
        let raw = run.stderr + run.stdout
        #expect(!raw.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                "\(name) printed a raw control character: \(raw.debugDescription)")
    }

    /// A case that fails leaves what an earlier good build wrote exactly as it was (and a case
    /// that only warns still fails under --strict, so nothing is lost unseen in CI). A case run
    /// as `build` (one that only rendering can find) is built with its own arguments and must
    /// fail as its expected answer says.
    @Test(arguments: cases)
    func aFailedCaseKeepsThePreviousOutput(_ name: String) throws {
        let expected = try String(contentsOf: Self.corpus.appendingPathComponent(name).appendingPathComponent("expected.txt"), encoding: .utf8)
        guard !expected.hasSuffix("exit: 0\n") || expected.contains("warning:") else { return }
        let command = try Self.command(name)
        guard ["check", "build"].contains(command.first ?? "check") else { return }
        let expectedStatus = command.first == "build" ? Int32(expected.split(separator: "\n").last?.dropFirst("exit: ".count) ?? "") : 1
        let work = try Fixtures.temporaryFolder("hostile-keep-\(name)")
        defer { Self.removeAll(work) }
        let output = work.appendingPathComponent("public")
        let good = try Run(["build", "--today", Self.today, "--source", Self.corpus.appendingPathComponent("_base").path, "--output", output.path],
                           timeout: Self.hangGuard)
        #expect(good.status == 0, "\(good.stderr)")
        let before = Fixtures.tree(output)
        #expect(before["clinics/lakeshore/index.html"] != nil)

        let site = try Self.materialise(name, in: work)
        let arguments = command.first == "build" ? try Self.arguments(name, site: site, output: output) + ["--strict"]
            : ["build", "--strict", "--today", Self.today, "--source", site.path, "--output", output.path]
        let bad = try Run(arguments, timeout: Self.hangGuard)
        #expect(bad.exited && !bad.timedOut)
        #expect(bad.status == expectedStatus, "\(name): --strict build did not fail as expected: \(bad.stderr)")
        #expect(Fixtures.tree(output) == before, "\(name): the previous output changed")
    }

    // MARK: - Running a case

    static func command(_ name: String) throws -> [String] {
        let file = corpus.appendingPathComponent(name).appendingPathComponent("args.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { return ["check"] }
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String])
    }

    static func arguments(_ name: String, site: URL, output: URL) throws -> [String] {
        var arguments = try command(name)
        arguments += ["--today", today, "--source", site.path]
        if arguments.first == "build" { arguments += ["--output", output.path] }
        return arguments
    }

    /// `_base/` with the case's `site/` laid over it (an entry of the case replaces the base's,
    /// links copied as links), then the case's setup.
    static func materialise(_ name: String, in work: URL) throws -> URL {
        let site = work.appendingPathComponent("site")
        try copy(corpus.appendingPathComponent("_base"), over: site)
        let overlay = corpus.appendingPathComponent(name).appendingPathComponent("site")
        if FileManager.default.fileExists(atPath: overlay.path) || isLink(overlay.path) {
            try copy(overlay, over: site)
        }
        try setups[name]?(site)
        return site
    }

    private static func copy(_ from: URL, over to: URL) throws {
        let fm = FileManager.default
        var info = stat()
        guard lstat(from.path, &info) == 0 else { return }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
            var here = stat()
            if lstat(to.path, &here) == 0 && (here.st_mode & S_IFMT) != S_IFDIR { try fm.removeItem(at: to) }
            if !fm.fileExists(atPath: to.path) { try fm.createDirectory(at: to, withIntermediateDirectories: true) }
            for child in try fm.contentsOfDirectory(atPath: from.path) {
                try copy(from.appendingPathComponent(child), over: to.appendingPathComponent(child))
            }
            return
        }
        if isLink(to.path) || fm.fileExists(atPath: to.path) { try fm.removeItem(at: to) }
        if kind == S_IFLNK {
            try fm.createSymbolicLink(atPath: to.path, withDestinationPath: try fm.destinationOfSymbolicLink(atPath: from.path))
        } else {
            try fm.copyItem(at: from, to: to)
        }
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Temporary paths (in messages about the output folder) become `<work>`.
    static func scrub(_ text: String, work: URL) -> String {
        text.replacingOccurrences(of: work.resolvingSymlinksInPath().path, with: "<work>").replacingOccurrences(of: work.path, with: "<work>")
    }

    static func removeAll(_ folder: URL) {
        AtomicOutput.removeTree(folder.path)
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func link(_ site: URL, _ path: String, to target: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if isLink(url.path) || FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    static func makeFIFO(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard mkfifo(url.path, 0o644) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// A Unix socket bound at `url`, left behind when its descriptor closes (as a crashed server leaves one).
    static func makeSocket(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(url.path.utf8CString)
        guard path.count <= MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            path.withUnsafeBytes { raw.copyMemory(from: $0) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
