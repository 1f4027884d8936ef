import Foundation
import GangwayTestSupport
import Testing
@testable import GangwayCore

/// Paths and helpers shared by the tests.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = packageRoot.appendingPathComponent("Tests/GangwayCoreTests/Fixtures")
    static func site(_ name: String) -> URL { root.appendingPathComponent("sites/\(name)") }

    /// The built `gangway` binary; `swift build` makes it before `swift test` runs.
    static var binary: URL {
        let debug = packageRoot.appendingPathComponent(".build/debug/gangway")
        return debug
    }

    static func temporaryFolder(_ label: String = "gangway-test") throws -> URL {
        try FileTree.temporaryFolder(label)
    }

    /// Every file below `folder`, by relative path, with its bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        FileTree.read(folder)
    }

    /// Copies a fixture site to a fresh temporary folder.
    static func copySite(_ name: String) throws -> URL {
        let dest = try temporaryFolder(name).appendingPathComponent("site")
        try FileManager.default.copyItem(at: site(name), to: dest)
        return dest
    }
}

/// Runs the real binary and captures its output.
/// A run that outlives `timeout` seconds is killed and reported as `timedOut`, so a hang fails
/// the test instead of stalling the suite.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
    /// False when the process died of a signal (a crash) rather than exiting.
    let exited: Bool
    let timedOut: Bool

    init(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:], unsetting: [String] = [],
         timeout: TimeInterval = 120) throws {
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        env.removeValue(forKey: "GANGWAY_URL_SECRET")
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        for k in unsetting { env.removeValue(forKey: k) }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = ChildWatch()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if process.isRunning {
                watchdog.fire()
                process.terminate()
            }
        }
        // Read both pipes at once: a child that fills one while we wait on the other would never finish.
        let errBox = ChildWatch()
        let errRead = DispatchGroup()
        errRead.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            errRead.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errRead.wait()
        process.waitUntilExit()
        status = process.terminationStatus
        exited = process.terminationReason == .exit
        timedOut = watchdog.fired
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errBox.data, as: UTF8.self)
    }
}

/// State shared with the threads that watch and read a child process.
private final class ChildWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var _fired = false
    private var _data = Data()
    var fired: Bool { lock.withLock { _fired } }
    func fire() { lock.withLock { _fired = true } }
    var data: Data {
        get { lock.withLock { _data } }
        set { lock.withLock { _data = newValue } }
    }
}

/// Compares a built tree with a committed golden tree, naming missing, unexpected and changed files.
/// `RECORD_GOLDEN=1 swift test` rewrites the golden tree instead; review the diff before committing.
enum Golden {
    static func verify(_ built: URL, against golden: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let actual = Fixtures.tree(built)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            let sink = DirectorySink(root: golden)
            for (path, data) in actual { try sink.write(path, data) }
            return
        }
        let expected = Fixtures.tree(golden)
        #expect(!expected.isEmpty, "no golden files at \(golden.path): run RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let unexpected = Set(actual.keys).subtracting(expected.keys).sorted()
        #expect(missing.isEmpty, "missing from the build: \(missing)", sourceLocation: sourceLocation)
        #expect(unexpected.isEmpty, "not in the golden tree: \(unexpected)", sourceLocation: sourceLocation)
        for path in Set(expected.keys).intersection(actual.keys).sorted() where expected[path] != actual[path] {
            let diff = firstDifference(expected[path]!, actual[path]!)
            Issue.record("\(path) differs from its golden copy; \(diff)", sourceLocation: sourceLocation)
        }
    }

    private static func firstDifference(_ a: Data, _ b: Data) -> String {
        let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end>", y = i < lb.count ? String(lb[i]) : "<end>"
            if x != y { return "line \(i + 1): expected \(x.debugDescription), got \(y.debugDescription)" }
        }
        return "bytes differ"
    }
}
