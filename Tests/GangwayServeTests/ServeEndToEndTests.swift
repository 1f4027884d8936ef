#if canImport(Glibc)
import Foundation
import Glibc
import Testing

/// Runs the real `gangway serve` on a copy of the fixture site, on a free loopback port, and
/// talks to it as a browser would: pages, the live-reload script, the event stream.
@Suite(.serialized) struct ServeEndToEndTests {
    @Test func aSavedCaseFileReloadsOpenPagesAndABrokenOneShowsItsErrors() throws {
        let source = try ServeFixtures.copySite()
        defer { ServeFixtures.removeCopy(source) }
        let server = try ServeProcess(source: source)
        let http = LoopbackHTTP(port: server.port)

        let page = try http.get("/clinics/alpha/index.html")
        #expect(page.status == 200)
        #expect(page.body.contains("Sent to Dr. A"))
        #expect(page.body.contains("<script src=\"/__gangway/live.js\"></script>"))
        #expect(try http.get("/clinics/alpha/").body == page.body)
        #expect(try http.get("/__gangway/live.js").body.contains("new EventSource(\"/__gangway/events\")"))
        #expect(try http.get("/no/such/page.html").status == 404)
        // The team site is previewed under /team/, its clinic links pointing at the preview's own pages.
        let team = try http.get("/team/")
        #expect(team.status == 200 && team.body.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(team.body.contains("href=\"../clinics/alpha/index.html\""))
        #expect(try http.get("/team/status.json").body.contains("\"slug\": \"alpha\""))
        #expect(try http.get("/team/assets/style.css").status == 200)

        let events = try http.events()
        _ = try events.next("hello")

        // A save: the open page is told to reload, and the page it reloads has the change.
        let alpha = source.appendingPathComponent("content/clinics/alpha.yml")
        let edited = try String(contentsOf: alpha, encoding: .utf8).replacingOccurrences(of: "Sent to Dr. A", with: "Sent to Dr. Z")
        try Data(edited.utf8).write(to: alpha)
        _ = try events.next("reload", within: .seconds(10))
        #expect(try http.get("/clinics/alpha/index.html").body.contains("Sent to Dr. Z"))
        // The team site follows the clinic's pages; a team page asked for before it is current waits for it.
        #expect(try http.get("/team/steps.csv").body.contains("Sent to Dr. Z"))

        // A broken save: the errors go to the page, the last good page is still served.
        try Data((edited + "steps: [\n").utf8).write(to: alpha)
        let errors = try events.next("errors", within: .seconds(10))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(errors.data.utf8)) as? [[String: Any]])
        let first = try #require(list.first)
        let (file, line, message) = (first["file"] as? String, first["line"] as? Int, first["message"] as? String)
        #expect(file == "content/clinics/alpha.yml")
        #expect((line ?? 0) > 1)
        #expect(message?.contains("YAML") == true)
        let during = try http.get("/clinics/alpha/index.html")
        #expect(during.status == 200 && during.body.contains("Sent to Dr. Z"))
        // A page opened now gets the errors as soon as it connects.
        let late = try http.events()
        _ = try late.next("hello")
        #expect(try late.next("errors", within: .seconds(2)) == errors)

        // The fix restores the last good file: no page changes, the overlay goes.
        try Data(edited.utf8).write(to: alpha)
        _ = try events.next("ok", within: .seconds(10))

        // A stylesheet alone is swapped, not reloaded.
        let css = source.appendingPathComponent("templates/assets/style.css")
        try FileManager.default.createDirectory(at: css.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("body { color: #123; }\n".utf8).write(to: css)
        #expect(try events.next("css", within: .seconds(10)).data.contains("assets/style.css"))
        #expect(try http.get("/assets/style.css").body == "body { color: #123; }\n")

        #expect(try server.interrupt() == 0)
        #expect(server.output.hasPrefix("Serving http://127.0.0.1:\(server.port)/ (Ctrl-C to stop)\n"))
    }

    /// Templates saved while serving that recurse without end: caught at load when no section
    /// guards the call, while rendering when the page's values keep the guarding section open.
    /// Either way the server keeps running, shows the error at the call, and serves the last good site.
    @Test func aRecursiveTemplateSavedWhileServingIsAnErrorNotACrash() throws {
        let source = try ServeFixtures.copySite()
        defer { ServeFixtures.removeCopy(source) }
        let server = try ServeProcess(source: source)
        let http = LoopbackHTTP(port: server.port)
        let good = try http.get("/index.html")
        #expect(good.status == 200)
        let events = try http.events()
        _ = try events.next("hello")

        let partials = source.appendingPathComponent("templates/partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        let home = Data("{{<layout}}\n{{$content}}\n{{>loop}}\n{{/content}}\n{{/layout}}\n".utf8)
        for (body, line) in [("<div>{{>loop}}</div>\n", 1), ("<div>\n{{#site}}{{>loop}}{{/site}}</div>\n", 2)] {
            try Data(body.utf8).write(to: partials.appendingPathComponent("loop.mustache"))
            try home.write(to: source.appendingPathComponent("templates/home.mustache"))
            // Each save may report on its own: wait for the report on this one.
            var first: [String: Any] = [:]
            for _ in 0..<4 where first["line"] as? Int != line {
                let errors = try events.next("errors", within: .seconds(10))
                let list = try #require(try JSONSerialization.jsonObject(with: Data(errors.data.utf8)) as? [[String: Any]])
                first = try #require(list.first)
            }
            #expect(first["file"] as? String == "templates/partials/loop.mustache" && first["line"] as? Int == line, "\(first)")
            #expect(try http.get("/index.html").body == good.body)
        }
        try FileManager.default.removeItem(at: source.appendingPathComponent("templates/home.mustache"))
        _ = try events.next("ok", within: .seconds(10))
        #expect(try server.interrupt() == 0)
    }

    @Test func aPortInUseIsAClearError() throws {
        let (one, two) = (try ServeFixtures.copySite(), try ServeFixtures.copySite())
        defer { [one, two].forEach(ServeFixtures.removeCopy) }
        let first = try ServeProcess(source: one)
        let second = Process()
        second.executableURL = ServeFixtures.binary
        second.arguments = ["serve", "--port", String(first.port), "--source", two.path, "--today", "2026-11-05"]
        let errors = Pipe()
        second.standardError = errors
        second.standardOutput = FileHandle.nullDevice
        try second.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus == 1)
        #expect(message.contains("port \(first.port) on 127.0.0.1 is already in use"))
        #expect(try first.interrupt() == 0)
    }

    @Test func sigtermEndsItCleanlyWithPagesStillConnected() throws {
        let source = try ServeFixtures.copySite()
        defer { ServeFixtures.removeCopy(source) }
        let server = try ServeProcess(source: source)
        let events = try LoopbackHTTP(port: server.port).events()
        _ = try events.next("hello")
        #expect(try server.interrupt(signal: SIGTERM) == 0)
    }
}

/// `gangway serve --port 0` running on a site, with the port it printed.
final class ServeProcess {
    let process = Process()
    private(set) var port = 0
    private let stdout = LockedBox("")
    private let stderr = LockedBox("")

    var output: String { stdout.value }

    init(source: URL) throws {
        process.executableURL = ServeFixtures.binary
        process.arguments = ["serve", "--port", "0", "--source", source.path, "--today", "2026-11-05"]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = nil
        environment["GANGWAY_URL_SECRET"] = nil
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let (stdout, stderr) = (self.stdout, self.stderr)
        out.fileHandleForReading.readabilityHandler = { handle in stdout.append(String(decoding: handle.availableData, as: UTF8.self)) }
        err.fileHandleForReading.readabilityHandler = { handle in stderr.append(String(decoding: handle.availableData, as: UTF8.self)) }
        try process.run()

        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline && process.isRunning {
            if let line = stdout.value.split(separator: "\n").first(where: { $0.hasPrefix("Serving http://127.0.0.1:") }),
               let port = Int(line.dropFirst("Serving http://127.0.0.1:".count).prefix { $0.isNumber }) {
                self.port = port
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.terminate()
        throw LoopbackHTTP.Failure(description: "serve did not print its address; stderr:\n\(stderr.value)")
    }

    /// Sends the signal and waits for the exit status.
    func interrupt(signal: Int32 = SIGINT) throws -> Int32 {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            throw LoopbackHTTP.Failure(description: "serve did not stop within 10 s of signal \(signal); stderr:\n\(stderr.value)")
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

final class LockedBox: @unchecked Sendable {
    private var text: String
    private let lock = NSLock()
    init(_ text: String) { self.text = text }
    var value: String { lock.withLock { text } }
    func append(_ more: String) { lock.withLock { text += more } }
}
#endif
