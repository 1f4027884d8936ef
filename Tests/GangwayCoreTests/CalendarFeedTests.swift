import Foundation
import Testing
@testable import GangwayCore

/// RFC 5545 feeds: text escaping and line folding, then whole feeds of the example portal read
/// back by a real parser (Python's icalendar) and checked against each clinic's status.
@Suite struct CalendarFeedTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\nand cr\rend", "crlf\\nand cr\\nend"),
        ("bell\u{07}del\u{7F}", "belldel"),
        ("tab\there", "tab here"),
        ("\\n is not a newline", "\\\\n is not a newline"),
    ])
    func escapesText(input: String, escaped: String) {
        #expect(ICalendarText.escape(input) == escaped)
    }

    @Test(arguments: [0, 1, 60, 74, 75, 76, 150, 151, 400])
    func foldsAt75OctetsWithoutSplittingAScalar(length: Int) {
        for unit in ["a", "é", "€", "😀", "é€😀a"] {
            let value = String(String(repeating: unit, count: length).prefix(length))
            let line = "DESCRIPTION:" + value
            let folded = ICalendarText.fold(line)
            #expect(folded.hasSuffix("\r\n"))
            // "\r\n" is one Character: dropping one drops the final CRLF.
            let physical = String(folded.dropLast(1)).components(separatedBy: "\r\n")
            for (i, piece) in physical.enumerated() {
                #expect(piece.utf8.count <= 75, "line \(i) is \(piece.utf8.count) octets")
                if i > 0 { #expect(piece.hasPrefix(" ")) }
                #expect(String(validating: Array(piece.utf8), as: UTF8.self) != nil, "a UTF-8 sequence was split")
            }
            // Unfolding (RFC 5545 3.1) gives the line back.
            #expect(physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
            if line.utf8.count <= 75 { #expect(physical.count == 1) }
        }
    }

    static let today = Day(iso: "2026-11-29")!

    static func exampleStatuses() throws -> (Site, [ClinicStatus]) {
        let loaded = SiteLoader.load(source: Fixtures.packageRoot, today: .fixed(today))
        let site = try #require(loaded.site)
        let guides = Dictionary(uniqueKeysWithValues: site.guides.map { ($0.name, $0) })
        let statuses = site.clinics.map { StatusDeriver.derive(guide: guides[$0.guide]!, caseFile: $0, today: today) }
        return (site, statuses)
    }

    static func page(_ slug: String) -> String { "https://onboarding.example.org/clinics/\(slug)/" }

    @Test func aFeedIsReproducibleCRLFAndFreeOfContacts() throws {
        let (site, statuses) = try Self.exampleStatuses()
        let clinics = statuses.map { CalendarFeed.Clinic(status: $0, pageURL: Self.page($0.slug)) }
        let bytes = CalendarFeed.allClinics(clinics, siteTitle: site.config.title, baseURL: site.config.baseURL, today: Self.today)
        #expect(bytes == CalendarFeed.allClinics(clinics, siteTitle: site.config.title, baseURL: site.config.baseURL, today: Self.today))
        let feed = String(decoding: bytes, as: UTF8.self)
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(feed.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!feed.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
        #expect(!feed.contains("@lakeshore.example") && !feed.contains("416-555"), "a contact reached the feed")
        #expect(feed.contains("UID:lakeshore-sign-contract-expected@onboarding.example.org\r\n"))
        #expect(feed.contains("DTSTAMP:20261129T000000Z\r\n"))
    }

    @Test func noteContactsAreHidden() throws {
        let (_, statuses) = try Self.exampleStatuses()
        var status = try #require(statuses.first { $0.steps.contains { $0.status == .done } })
        let i = try #require(status.steps.firstIndex { $0.status == .done })
        status.steps[i].note = "Called Dr. X at 416-555-0199, wrote to x.doe@clinic.example"
        let feed = String(decoding: CalendarFeed.clinic(.init(status: status, pageURL: Self.page(status.slug)), siteTitle: "T",
                                                        baseURL: "https://a.example/", today: Self.today), as: UTF8.self)
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(!unfolded.contains("0199") && !unfolded.contains("x.doe@"), "\(unfolded)")
        #expect(unfolded.contains("x•••@clinic.example"))
    }

    @Test func aRealParserReadsEveryDateTheStatusHolds() throws {
        let (site, statuses) = try Self.exampleStatuses()
        let folder = try Fixtures.temporaryFolder("ics")
        var files: [URL] = []
        for status in statuses {
            let url = folder.appendingPathComponent("\(status.slug).ics")
            try Data(CalendarFeed.clinic(.init(status: status, pageURL: Self.page(status.slug)), siteTitle: site.config.title,
                                         baseURL: site.config.baseURL, today: Self.today)).write(to: url)
            files.append(url)
        }
        let all = folder.appendingPathComponent("all.ics")
        try Data(CalendarFeed.allClinics(statuses.map { .init(status: $0, pageURL: Self.page($0.slug)) }, siteTitle: site.config.title,
                                         baseURL: site.config.baseURL, today: Self.today)).write(to: all)
        files.append(all)

        let parsed = try Self.parse(files)
        #expect(parsed.count == statuses.count + 1)
        var everyEvent: [[String: Any]] = []
        for (status, feed) in zip(statuses, parsed) {
            #expect(feed["version"] as? String == "2.0")
            #expect(feed["name"] as? String == "\(site.config.title): \(status.clinic)")
            let events = feed["events"] as? [[String: Any]] ?? []
            everyEvent += events
            var expected: [String: (String, String)] = [:]
            for step in status.steps {
                if step.status == .waiting, let by = step.expectedBy { expected["\(status.slug)-\(step.id)-expected"] = (by.iso, step.title) }
                if step.status == .done, let done = step.done { expected["\(status.slug)-\(step.id)-done"] = (done.iso, step.title) }
            }
            #expect(events.count == expected.count, "\(status.slug)")
            for event in events {
                let uid = event["uid"] as? String ?? ""
                let key = String(uid.prefix { $0 != "@" })
                #expect(uid.hasSuffix("@onboarding.example.org"))
                let want = try #require(expected[key], "unexpected event \(uid)")
                #expect(event["start"] as? String == want.0, "\(uid)")
                #expect(event["end"] as? String == Day(iso: want.0)!.adding(days: 1).iso, "\(uid)")
                #expect(event["all_day"] as? Bool == true)
                #expect(event["url"] as? String == Self.page(status.slug))
                #expect((event["summary"] as? String)?.hasPrefix("\(ContactText.redact(status.clinic)): \(want.1)") == true, "\(uid)")
                #expect(event["stamp"] as? String == "2026-11-29T00:00:00+00:00")
            }
        }
        #expect(everyEvent.count > 10, "the example portal has many dates")
        let allEvents = parsed.last?["events"] as? [[String: Any]] ?? []
        #expect(allEvents.map { $0["uid"] as? String ?? "" } == everyEvent.map { $0["uid"] as? String ?? "" })
        #expect(Set(allEvents.map { $0["uid"] as? String ?? "" }).count == allEvents.count, "UIDs are unique")
    }

    /// Runs Tests/tools/ics_events.py, which needs Python's icalendar (scripts/install-test-deps).
    static func parse(_ files: [URL]) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.packageRoot.appendingPathComponent("Tests/tools/ics_events.py").path] + files.map(\.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "ics_events.py failed: \(errors)")
        return try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }
}
