import Foundation
import Testing
@testable import GangwayCore

/// Reproducible: the same input and the same today give byte-identical output, whatever the
/// file system's order, the number of threads, the locale and time zone of the process, or the
/// moment of the build.
@Suite(.serialized) struct SafetyReproducibleTests {
    /// The basic site plus clinics and steps whose names sort differently by bytes, by number and
    /// by locale.
    static func files() throws -> [String: String] {
        var files = try SafetySite.basicFiles()
        for slug in ["clinic-10", "clinic-9", "clinic-a", "i-clinic", "1-first", "z", "a-b", "ab", "a0"] {
            files["content/clinics/\(slug).yml"] = "clinic: İstanbul Iğdır \(slug)\nguide: demo\nregion: Île-de-France\n"
        }
        files["content/guides/demo/10-later.md"] = "---\ntitle: Later\nowner: ocean\n---\n"
        files["content/guides/demo/9-earlier.md"] = "---\ntitle: Earlier\nowner: vendor\n---\n"
        files["content/pages/i-page.md"] = "---\ntitle: Iı İi\n---\nText.\n"
        return files
    }

    /// Writes the files one by one in the given order, into `base` (tmpfs lists in reverse creation
    /// order, so two orders give two listings there).
    static func write(_ files: [String: String], order: [String], under base: URL) throws -> URL {
        let root = base.appendingPathComponent("site-\(UUID().uuidString.prefix(8))")
        for path in order {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(files[path]!.utf8).write(to: url)
        }
        return root
    }

    static func scratchBase() throws -> URL {
        let shm = URL(fileURLWithPath: "/dev/shm")
        if FileManager.default.isWritableFile(atPath: shm.path) {
            let base = shm.appendingPathComponent("gangway-order-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            return base
        }
        return try Fixtures.temporaryFolder("order")
    }

    @Test func theFileSystemsOrderDoesNotMatter() throws {
        let files = try Self.files()
        let base = try Self.scratchBase()
        defer { try? FileManager.default.removeItem(at: base) }
        let forward = try Self.write(files, order: files.keys.sorted(), under: base)
        let backward = try Self.write(files, order: files.keys.sorted().reversed(), under: base)
        let listA = try FileManager.default.contentsOfDirectory(atPath: forward.appendingPathComponent("content/clinics").path)
        let listB = try FileManager.default.contentsOfDirectory(atPath: backward.appendingPathComponent("content/clinics").path)
        if base.path.hasPrefix("/dev/shm") {
            #expect(listA != listB, "the two copies list in the same order, so this test proves nothing")
        }
        let a = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let b = try Fixtures.temporaryFolder().appendingPathComponent("public")
        #expect(SafetySite.build(forward, into: a).succeeded)
        #expect(SafetySite.build(backward, into: b).succeeded)
        let ta = SafetySite.bothSites(a), tb = SafetySite.bothSites(b)
        #expect(ta.count > 20)
        #expect(ta == tb, "differs: \(ta.keys.filter { ta[$0] != tb[$0] }.sorted())")
        // The order is the names' order: clinic-10 before clinic-9, 9-earlier after 03-finish.
        let dashboard = String(decoding: try #require(ta["team/index.html"]), as: UTF8.self)
        #expect(dashboard.range(of: "clinic-10")!.lowerBound < dashboard.range(of: "clinic-9")!.lowerBound)
    }

    /// Runs the real binary on the same site with another environment and returns the output tree.
    static func build(_ source: URL, environment: [String: String], arguments: [String] = ["--today", "2026-11-05"]) throws -> [String: Data] {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let team = SafetySite.teamOutput(beside: output)
        let run = try Run(["build", "--source", source.path, "--output", output.path, "--team-output", team.path] + arguments, environment: environment)
        #expect(run.status == 0, "\(environment): \(run.stderr)")
        var tree = Fixtures.tree(output)
        for (path, data) in Fixtures.tree(team) { tree["team/" + path] = data }
        return tree
    }

    @Test func theThreadCountDoesNotMatter() throws {
        let source = try SafetySite.generated(clinics: 120)
        let one = try Self.build(source, environment: ["GANGWAY_THREADS": "1"])
        #expect(one.count > 240)
        for threads in ["2", "7", "64"] {
            #expect(try Self.build(source, environment: ["GANGWAY_THREADS": threads]) == one, "\(threads) threads")
        }
        #expect(try Self.build(source, environment: [:]) == one, "all cores")
    }

    static let farAway = ["TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"]
    static let utc = ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"]

    @Test func theLocaleAndTimeZoneOfTheProcessDoNotMatter() throws {
        let source = try Self.write(try Self.files(), order: try Self.files().keys.sorted(), under: try Fixtures.temporaryFolder())
        let here = try Self.build(source, environment: Self.utc)
        let there = try Self.build(source, environment: Self.farAway)
        #expect(here == there, "differs: \(here.keys.filter { here[$0] != there[$0] }.sorted())")
        // Today from SOURCE_DATE_EPOCH is read in the site's time zone, not the process's:
        // 1795921200 is 03:00 UTC on 29 Nov 2026, still 28 Nov in Toronto, already 29 Nov in Kiritimati.
        let epochHere = try Self.build(source, environment: Self.utc.merging(["SOURCE_DATE_EPOCH": "1795921200"]) { $1 }, arguments: [])
        let epochThere = try Self.build(source, environment: Self.farAway.merging(["SOURCE_DATE_EPOCH": "1795921200"]) { $1 }, arguments: [])
        #expect(epochHere == epochThere)
        let status = String(decoding: epochHere["clinics/alpha/status.json"]!, as: UTF8.self)
        #expect(status.contains("\"today\": \"2026-11-28\""))
    }

    /// No clock reading reaches the output: two builds a second apart are identical, and nothing
    /// in them names the real date or a time of day.
    @Test func noTimestamps() throws {
        let source = Fixtures.site("basic")
        let first = try Self.build(source, environment: [:], arguments: ["--today", "2001-02-03"])
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Self.build(source, environment: [:], arguments: ["--today", "2001-02-03"])
        #expect(first == second)
        let now = Day(instant: Date(), timeZone: TimeZone(identifier: "UTC")!)
        let clock = try NSRegularExpression(pattern: #"\d{1,2}:\d{2}(:\d{2})?|T\d{2}:\d{2}"#)
        for (path, data) in first where !path.hasPrefix("assets/") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(now.iso), "\(path) holds today's real date")
            #expect(!text.contains(now.display), "\(path) holds today's real date")
            #expect(clock.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) == nil, "\(path) holds a time of day")
        }
    }
}
