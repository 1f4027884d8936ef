import Foundation
import Testing
@testable import GangwayCore
#if canImport(Glibc)
import Glibc
#endif

/// The command line as a person meets it, through the real binary: version, suggestions, each
/// command's own usage, short flags, completions, help, and plain `error:` lines with exit 64 or 1.
@Suite(.serialized) struct CommandLineTests {
    @Test(arguments: [["--version"], ["-V"], ["build", "--version"], ["new", "clinic", "-V"]])
    func versionNamesGangwayAndCmark(arguments: [String]) throws {
        let run = try Run(arguments)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(run.stdout)")
        #expect(lines.first?.hasPrefix("gangway 0.") == true, "\(run.stdout)")
        #expect(lines.last == "cmark \(Markdown.cmarkVersion)", "\(run.stdout)")
        #expect(Markdown.cmarkVersion.split(separator: ".").count == 3)
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let status: Int32
        let firstLine: String
        let usage: String?
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let mistakes: [Mistake] = [
        Mistake(arguments: ["biuld"], status: 64, firstLine: "error: unknown command 'biuld' (did you mean 'build'?)", usage: "Usage: gangway <subcommand>"),
        Mistake(arguments: ["new", "clnic", "x"], status: 64, firstLine: "error: unknown command 'clnic' (did you mean 'clinic'?)", usage: "Usage: gangway new <subcommand>"),
        Mistake(arguments: ["frobnicate"], status: 64, firstLine: "error: unknown command 'frobnicate'; the commands are: build, check, serve, init, new, mark, import", usage: "Usage: gangway <subcommand>"),
        Mistake(arguments: ["check", "--today", "2026-13-01"], status: 64,
                firstLine: "error: --today must be a real date like 2026-11-29, not '2026-13-01'", usage: "Usage: gangway check "),
        Mistake(arguments: ["serve", "--today", "tomorrow"], status: 64,
                firstLine: "error: --today must be a real date like 2026-11-29, not 'tomorrow'", usage: "Usage: gangway serve "),
        Mistake(arguments: ["build", "--sorce", "x"], status: 64,
                firstLine: "error: unknown option '--sorce' (did you mean '--source'?)", usage: "Usage: gangway build "),
        Mistake(arguments: ["check", "--format", "xml"], status: 64, firstLine: "error: the value 'xml' is invalid for '--format <format>': use one of 'text', 'json' or 'github'", usage: "Usage: gangway check "),
        Mistake(arguments: ["serve", "-p", "70000"], status: 64, firstLine: "error: --port must be from 0 to 65535", usage: "Usage: gangway serve "),
        Mistake(arguments: ["new", "guide", "Bad Name"], status: 64, firstLine: "error: 'Bad Name' is not a valid guide name: use only a-z, 0-9 and '-', starting with a letter or digit",
                usage: "Usage: gangway new guide "),
    ]

    @Test(arguments: mistakes) func aMistakeGetsOnePlainLineAndItsCommandsUsage(_ m: Mistake) throws {
        let run = try Run(m.arguments)
        #expect(run.status == m.status, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == m.firstLine, "\(run.stderr)")
        if let usage = m.usage {
            #expect(run.stderr.contains(usage), "\(run.stderr)")
        }
        #expect(!run.stderr.contains(":1:1:"))
    }

    @Test func aFolderWithoutASiteIsAPlainErrorWithNoPosition() throws {
        let empty = try Fixtures.temporaryFolder("no-site")
        for command in ["build", "check", "serve"] {
            let run = try Run([command, "-s", empty.path])
            #expect(run.status == 64, "\(command): \(run.stderr)")
            #expect(run.stderr.hasPrefix("error: no gangway.yml in \(empty.path): it is not a Gangway site"), "\(command): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(command): \(run.stderr)")
        }
        let inside = try Run(["check"], cwd: empty)
        #expect(inside.status == 64)
        #expect(inside.stderr.hasPrefix("error: no gangway.yml in the current folder"), "\(inside.stderr)")
    }

    @Test func aRefusedOutputFolderIsAPlainErrorBeforeAnyBuild() throws {
        let site = try Fixtures.copySite("basic")
        let run = try Run(["build", "-s", site.path, "-o", site.path, "--today", "2026-11-05"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: refusing output folder"), "\(run.stderr)")
        #expect(!run.stderr.contains(".:1:1:"))
        let other = try Fixtures.temporaryFolder("taken")
        try "mine\n".write(to: other.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let taken = try Run(["build", "-s", site.path, "--output", other.path, "--today", "2026-11-05"])
        #expect(taken.status == 64)
        #expect(taken.stderr.hasPrefix("error: refusing to replace \(other.resolvingSymlinksInPath().path): it is not empty"), "\(taken.stderr)")
        #expect(try String(contentsOf: other.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine\n")
    }

    @Test func shortFlagsWork() throws {
        let site = try Fixtures.copySite("basic")
        let out = try Fixtures.temporaryFolder("short").appendingPathComponent("out")
        let run = try Run(["build", "-s", site.path, "-o", out.path, "--today", "2026-11-05", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        #expect(try Run(["check", "-s", site.path, "--today", "2026-11-05"]).status == 0)
    }

    @Test func aBusyPortIsReportedBeforeTheSiteIsBuilt() throws {
        let (fd, port) = try Self.listenOnAFreePort()
        defer { close(fd) }
        let site = try Fixtures.copySite("basic")
        let run = try Run(["serve", "-s", site.path, "-p", String(port), "--today", "2026-11-05"], timeout: 60)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr == "error: port \(port) on 127.0.0.1 is already in use: stop the program using it, or pick another port with --port (--port 0 picks a free one)\n")
        #expect(!run.stdout.contains("Serving"))
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionScripts(shell: String) throws {
        let run = try Run(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.stderr)")
        for word in ["build", "check", "serve", "init", "new", shell == "fish" ? "s/source=" : "--source"] {
            #expect(run.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }

    @Test(arguments: [["build"], ["check"], ["serve"], ["init"], ["new"], ["new", "clinic"], ["new", "guide"]])
    func helpHasAnExampleAndSaysEachDefaultOnce(command: [String]) throws {
        let run = try Run(command + ["--help"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Example"), "\(command) help has no example")
        #expect(run.stdout.contains("  gangway \(command.joined(separator: " "))"), "\(command) example does not run the command")
        // Unwrapped, each option's help must not name a default twice.
        let text = run.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        for option in text.components(separatedBy: " -").dropFirst() {
            let count = option.components(separatedBy: "default").count - 1
            #expect(count <= 1, "\(command): an option states its default \(count) times: \(option.prefix(200))")
        }
    }

    @Test func initsNextStepRunsThisBinary() throws {
        let dir = try Fixtures.temporaryFolder("init").appendingPathComponent("my portal")
        let run = try Run(["init", dir.path], environment: ["PATH": "/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.stderr)")
        let binary = Fixtures.binary.resolvingSymlinksInPath().path
        #expect(run.stdout.hasSuffix("next: cd '\(dir.path)' && \(binary) serve\n"), "\(run.stdout)")

        let bin = try Fixtures.temporaryFolder("path-bin")
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("gangway"), withDestinationURL: Fixtures.binary)
        let second = try Fixtures.temporaryFolder("init").appendingPathComponent("portal")
        let onPath = try Run(["init", second.path], environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
        #expect(onPath.stdout.hasSuffix("next: cd \(second.path) && gangway serve\n"), "\(onPath.stdout)")
    }

    @Test func installPutsTheBinaryUnderThePrefix() throws {
        let prefix = try Fixtures.temporaryFolder("prefix").appendingPathComponent("usr")
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/install")
        let process = Process()
        process.executableURL = script
        process.arguments = [prefix.path]
        var env = ProcessInfo.processInfo.environment
        env["GANGWAY_BIN"] = Fixtures.binary.path
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let installed = prefix.appendingPathComponent("bin/gangway")
        #expect(FileManager.default.isExecutableFile(atPath: installed.path))
        #expect(text.hasPrefix("installed \(installed.path)\n  gangway 0."), "\(text)")
        #expect(text.contains("is not on your PATH"), "\(text)")
        let version = try Process.run(installed, arguments: ["-V"]) { _ in }
        version.waitUntilExit()
        #expect(version.terminationStatus == 0)
    }

    /// A socket listening on 127.0.0.1 at a port the kernel picked.
    static func listenOnAFreePort() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        #expect(bound == 0)
        #expect(listen(fd, 1) == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
