import Testing
@testable import GangwayCore

/// SPEC.md's team figures, rule by rule: each case is a clinic's records, a today, and the
/// figures that must follow. The guide: check, request, sign (7 days), password (28), finish (5, ocean).
@Suite struct TeamFiguresTests {
    static let guide = Guide(
        name: "g", title: "G", emr: nil, vendor: nil, summary: nil, introHTML: "",
        steps: [step("check", .clinic), step("request", .clinic), step("sign", .clinic, wait: 7, on: .vendor),
                step("password", .clinic, wait: 28), step("finish", .ocean, wait: 5)],
        file: "g/guide.md")

    static func step(_ id: String, _ owner: Owner, wait: Int? = nil, on: Owner? = nil) -> Step {
        Step(id: id, title: id.capitalized, owner: owner, waitOn: on, waitDays: wait, waitFor: nil, requires: [],
             skipIfExistingLink: false, bodyHTML: "", file: "", idLocation: GangwayCore.SourceLocation(file: ""))
    }
    static func d(_ s: String) -> Day { Day(iso: s)! }
    static func status(_ steps: [(String, StepRecord)], slug: String = "c", today: String = "2026-11-29") -> ClinicStatus {
        let c = CaseFile(slug: slug, file: "\(slug).yml", clinic: slug.uppercased(), guide: "g", guideLocation: GangwayCore.SourceLocation(file: ""),
                         officeName: nil, region: nil, oceanContact: nil, signatory: nil, providers: [], providersLocation: nil,
                         existingCDSLink: false, existingCDSLinkLocation: nil, notes: nil, steps: steps.map { (id: $0.0, record: $0.1) })
        return StatusDeriver.derive(guide: guide, caseFile: c, today: d(today))
    }
    static func done(_ day: String, started: String? = nil, since: String? = nil) -> StepRecord {
        StepRecord(status: .done, started: started.map(d), done: d(day), since: since.map(d))
    }
    static func waiting(since: String? = nil) -> StepRecord { StepRecord(status: .waiting, since: since.map(d)) }
    static let skipped = StepRecord(status: .skipped, note: "n/a")

    struct ClinicCase: CustomTestStringConvertible, Sendable {
        let name: String
        let steps: [(String, StepRecord)]
        let figures: ClinicFigures
        var testDescription: String { name }
    }

    static let clinicCases: [ClinicCase] = [
        ClinicCase(name: "nothing recorded: no dates; finish is today plus every wait", steps: [],
                   figures: ClinicFigures(earliestFinish: d("2026-11-29").adding(days: 40), actsNext: .clinic)),
        ClinicCase(name: "in progress counts from started",
                   steps: [("check", StepRecord(status: .inProgress, started: d("2026-11-20")))],
                   figures: ClinicFigures(daysInStep: 9, lastActivity: d("2026-11-20"), earliestFinish: d("2027-01-08"), actsNext: .clinic)),
        ClinicCase(name: "todo after a done step counts from that done",
                   steps: [("check", done("2026-11-19"))],
                   figures: ClinicFigures(daysInStep: 10, lastActivity: d("2026-11-19"), earliestFinish: d("2027-01-08"), actsNext: .clinic)),
        ClinicCase(name: "waiting within its wait: finish from expected-by",
                   steps: [("check", done("2026-11-01")), ("request", done("2026-11-25", started: "2026-11-20")), ("sign", waiting(since: "2026-11-26"))],
                   figures: ClinicFigures(daysInStep: 3, lastActivity: d("2026-11-26"), earliestFinish: d("2026-12-03").adding(days: 33), actsNext: .vendor)),
        ClinicCase(name: "waiting overdue: days overdue, finish from today",
                   steps: [("check", done("2026-10-01")), ("request", done("2026-10-02")), ("sign", waiting(since: "2026-10-10"))],
                   figures: ClinicFigures(daysOverdue: 43, daysInStep: 50, lastActivity: d("2026-10-10"), earliestFinish: d("2026-11-29").adding(days: 33), actsNext: .vendor)),
        ClinicCase(name: "waiting with no since: from the previous done",
                   steps: [("check", done("2026-11-01")), ("request", done("2026-11-20")), ("sign", waiting())],
                   figures: ClinicFigures(daysOverdue: 2, daysInStep: 9, lastActivity: d("2026-11-20"), earliestFinish: d("2026-11-29").adding(days: 33), actsNext: .vendor)),
        ClinicCase(name: "waiting with no since and nothing done: no days",
                   steps: [("check", skipped), ("request", skipped), ("sign", waiting())],
                   figures: ClinicFigures(earliestFinish: d("2026-11-29").adding(days: 33), actsNext: .vendor)),
        ClinicCase(name: "later skipped steps add no wait",
                   steps: [("check", done("2026-11-28")), ("request", StepRecord(status: .inProgress, started: d("2026-11-29"))),
                           ("sign", skipped), ("password", skipped)],
                   figures: ClinicFigures(daysInStep: 0, lastActivity: d("2026-11-29"), earliestFinish: d("2026-12-04"), actsNext: .clinic)),
        ClinicCase(name: "a blocked step names who acts",
                   steps: [("check", done("2026-11-01")), ("request", StepRecord(status: .blocked, started: d("2026-11-02"), note: "x"))],
                   figures: ClinicFigures(daysInStep: 27, lastActivity: d("2026-11-02"), earliestFinish: d("2027-01-08"), actsNext: .clinic)),
        ClinicCase(name: "complete: only the last activity",
                   steps: [("check", done("2026-08-01")), ("request", done("2026-08-02")), ("sign", done("2026-08-09")),
                           ("password", done("2026-09-01")), ("finish", done("2026-09-03", started: "2026-09-02"))],
                   figures: ClinicFigures(lastActivity: d("2026-09-03"))),
    ]

    @Test(arguments: clinicCases)
    func clinicFigures(_ c: ClinicCase) {
        #expect(ClinicFigures.of(Self.status(c.steps), guide: Self.guide) == c.figures)
    }

    @Test(arguments: [
        ([Int](), nil as Int?, nil as Int?), ([5], 5, 5), ([3, 1], 1, 3), ([1, 2, 3, 4], 2, 4),
        ([7, 7, 7, 1], 7, 7), (Array(1...10), 5, 9), (Array(1...11), 6, 10), ([4, 2, 9, 2, 2], 2, 9),
    ])
    func nearestRank(_ c: ([Int], Int?, Int?)) {
        #expect(NearestRank.median(c.0) == c.1)
        #expect(NearestRank.p90(c.0) == c.2)
    }

    @Test func turnaroundMeasuresDoneWaitsAndListsStillWaiting() {
        let statuses = [
            Self.status([("check", Self.done("2026-10-01")), ("request", Self.done("2026-10-02")), ("sign", Self.done("2026-10-12", since: "2026-10-03"))], slug: "a"),
            // No since: the wait starts at the previous done (request, 2026-10-05).
            Self.status([("check", Self.done("2026-10-01")), ("request", Self.done("2026-10-05")), ("sign", Self.done("2026-10-09"))], slug: "b"),
            // Request skipped: the default since is the latest earlier done (check).
            Self.status([("check", Self.done("2026-10-01")), ("request", Self.skipped), ("sign", Self.done("2026-10-08"))], slug: "c"),
            // Done with no start at all: not measured.
            Self.status([("check", Self.skipped), ("request", Self.skipped), ("sign", Self.done("2026-10-08"))], slug: "d"),
            Self.status([("check", Self.done("2026-11-01")), ("request", Self.done("2026-11-02")), ("sign", Self.waiting(since: "2026-11-19"))], slug: "e"),
            Self.status([("check", Self.skipped), ("request", Self.skipped), ("sign", Self.waiting())], slug: "f"),
            Self.status([("check", Self.done("2026-11-01")), ("request", Self.done("2026-11-22")), ("sign", Self.waiting())], slug: "g"),
        ]
        let report = TeamFigures.report(guide: Self.guide, statuses: statuses)
        #expect(report.turnaround.map(\.step) == ["sign", "password", "finish"])
        let sign = report.turnaround[0]
        #expect(sign.waits == [4, 7, 9])
        #expect(sign.median == 7 && sign.p90 == 9 && sign.longest == 9)
        #expect(sign.overWait == 1 && sign.overWaitText == "0.33")
        #expect(sign.stillWaiting.map(\.slug) == ["e", "g", "f"])
        #expect(sign.stillWaiting.map(\.days) == [10, 7, nil])
        let password = report.turnaround[1]
        #expect(password.measured == 0 && password.median == nil && password.overWaitText == "" && password.stillWaiting.isEmpty)
        #expect(report.funnel.map(\.clinics) == [0, 0, 3, 4, 0])
        #expect(report.complete == 0 && report.medianDaysToComplete == nil)
    }

    @Test(arguments: [(0, 1, "0.00"), (1, 1, "1.00"), (1, 8, "0.13"), (1, 3, "0.33"), (2, 3, "0.67"), (1, 200, "0.01"), (1, 201, "0.00")])
    func overWaitShareRoundsHalfUp(_ c: (Int, Int, String)) {
        let t = StepTurnaround(step: "s", title: "S", waitDays: 10, waits: Array(repeating: 11, count: c.0) + Array(repeating: 1, count: c.1 - c.0), stillWaiting: [])
        #expect(t.overWaitText == c.2)
    }

    @Test func funnelAndTimeToComplete() {
        let all: [(String, StepRecord)] = [("check", Self.done("2026-08-01", started: "2026-07-30")), ("request", Self.done("2026-08-02")),
                                           ("sign", Self.done("2026-08-09")), ("password", Self.done("2026-09-01")), ("finish", Self.done("2026-09-03"))]
        let linked: [(String, StepRecord)] = [("check", Self.done("2026-10-01")), ("request", Self.skipped), ("sign", Self.skipped), ("password", Self.skipped),
                                              ("finish", Self.done("2026-10-11", since: "2026-10-02"))]
        let allSkipped: [(String, StepRecord)] = ["check", "request", "sign", "password", "finish"].map { ($0, Self.skipped) }
        let statuses = [Self.status(all, slug: "a"), Self.status(linked, slug: "b"), Self.status(allSkipped, slug: "c"), Self.status([], slug: "d"),
                        Self.status([("check", Self.done("2026-11-01"))], slug: "e")]
        let report = TeamFigures.report(guide: Self.guide, statuses: statuses)
        #expect(report.funnel.map(\.clinics) == [1, 1, 0, 0, 0])
        #expect(report.complete == 3)
        // a: 2026-07-30 → 2026-09-03 = 35 days; b: 2026-10-01 → 2026-10-11 = 10; c has no dates.
        #expect(report.completionDays == [10, 35])
        #expect(report.medianDaysToComplete == 10)
        #expect(report.clinics == 5)
    }

    @Test func otherGuidesAreLeftOut() {
        var other = Self.status([("check", Self.done("2026-10-01"))], slug: "x")
        other.guide = "other"
        #expect(TeamFigures.report(guide: Self.guide, statuses: [other]).clinics == 0)
    }

    @Test func dayDifferences() {
        #expect(Self.d("2026-03-01").days(since: Self.d("2026-02-28")) == 1)
        #expect(Self.d("2028-03-01").days(since: Self.d("2028-02-28")) == 2)
        #expect(Self.d("2026-01-01").days(since: Self.d("2025-01-01")) == 365)
        #expect(Self.d("2026-01-01").days(since: Self.d("2026-01-31")) == -30)
    }
}
