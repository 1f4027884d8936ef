import Testing
@testable import GangwayCore

@Suite struct DayTests {
    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "26-01-01", "2026-1-01", "2026/01/01", "", "2026-01-01T00:00",
                            "\u{0662}\u{0660}\u{0662}\u{0666}-01-01", "２０２６-01-01", "2026-01-01\u{301}", "+026-01-01", "2026--1-01", "2026-01-1 ", " 2026-01-1"])
    func rejectsDatesThatAreNotReal(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func acceptsLeapDaysAndFormatsForPeople() {
        #expect(Day(iso: "2028-02-29")?.display == "29 Feb 2028")
        #expect(Day(iso: "2026-10-06")?.display == "6 Oct 2026")
        #expect(Day(iso: "2026-10-06")?.iso == "2026-10-06")
    }

    @Test func todayFromSourceDateEpochUsesTheSiteTimeZone() throws {
        // 2026-11-29 03:00 UTC is still 28 Nov in Toronto.
        let source = try TodaySource.from(option: nil, environment: ["SOURCE_DATE_EPOCH": "1795921200"])
        #expect(source.day(in: "America/Toronto").iso == "2026-11-28")
        #expect(source.day(in: "UTC").iso == "2026-11-29")
    }

    @Test func todayOptionWinsOverTheEnvironment() throws {
        let source = try TodaySource.from(option: "2026-01-02", environment: ["SOURCE_DATE_EPOCH": "0"])
        #expect(source.day(in: "UTC").iso == "2026-01-02")
        #expect(throws: (any Error).self) { try TodaySource.from(option: "2026-02-30", environment: [:]) }
    }

    /// reproducible-builds.org: an empty SOURCE_DATE_EPOCH is treated as unset, not as an error.
    @Test func emptySourceDateEpochIsUnset() throws {
        let source = try TodaySource.from(option: nil, environment: ["SOURCE_DATE_EPOCH": ""])
        guard case .now = source else { Issue.record("an empty SOURCE_DATE_EPOCH read as \(source)"); return }
        #expect(throws: (any Error).self) { try TodaySource.from(option: nil, environment: ["SOURCE_DATE_EPOCH": "soon"]) }
    }
}
