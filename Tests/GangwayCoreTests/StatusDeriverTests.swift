import Testing
@testable import GangwayCore

/// Table-driven tests of SPEC.md's embedded status: every state, every precedence rule,
/// the default `since`, and overdue from the day after expected-by.
@Suite struct StatusDeriverTests {
    static let guide = Guide(
        name: "g", title: "G", emr: nil, vendor: nil, summary: nil, introHTML: "",
        steps: [
            step("check", .clinic),
            step("request", .clinic),
            step("sign", .clinic, wait: 7),
            step("password", .clinic, wait: 28),
            step("finish", .ocean),
        ],
        file: "g/guide.md")

    static func step(_ id: String, _ owner: Owner, wait: Int? = nil) -> Step {
        Step(id: id, title: id.capitalized, owner: owner, waitOn: nil, waitDays: wait, waitFor: nil, requires: [],
             skipIfExistingLink: false, bodyHTML: "", file: "", idLocation: GangwayCore.SourceLocation(file: ""))
    }

    static func d(_ s: String) -> Day { Day(iso: s)! }

    static func caseFile(_ steps: [(String, StepRecord)]) -> CaseFile {
        CaseFile(slug: "c", file: "c.yml", clinic: "C", guide: "g", guideLocation: GangwayCore.SourceLocation(file: "c.yml"),
                 officeName: nil, region: nil, oceanContact: nil, signatory: nil, providers: [], providersLocation: nil,
                 existingCDSLink: false, existingCDSLinkLocation: nil, notes: nil, steps: steps.map { (id: $0.0, record: $0.1) })
    }

    static func done(_ day: String) -> StepRecord { StepRecord(status: .done, done: d(day)) }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let steps: [(String, StepRecord)]
        let today: String
        let state: ClinicState
        let progress: (Int, Int)
        let current: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing recorded is not started", steps: [], today: "2026-11-29", state: .notStarted, progress: (0, 5), current: "check"),
        Case(name: "todo only is not started", steps: [("check", StepRecord(status: .todo))], today: "2026-11-29", state: .notStarted, progress: (0, 5), current: "check"),
        Case(name: "a step in progress", steps: [("check", StepRecord(status: .inProgress, started: d("2026-11-01")))],
             today: "2026-11-29", state: .inProgress, progress: (0, 5), current: "check"),
        Case(name: "a step done is in progress", steps: [("check", done("2026-11-01"))], today: "2026-11-29", state: .inProgress, progress: (1, 5), current: "request"),
        Case(name: "a skipped step alone is in progress", steps: [("check", StepRecord(status: .skipped, note: "n/a"))],
             today: "2026-11-29", state: .inProgress, progress: (1, 5), current: "request"),
        Case(name: "all done or skipped is complete",
             steps: [("check", done("2026-11-01")), ("request", StepRecord(status: .skipped, note: "link")), ("sign", StepRecord(status: .skipped, note: "link")),
                     ("password", StepRecord(status: .skipped, note: "link")), ("finish", done("2026-11-03"))],
             today: "2026-11-29", state: .complete, progress: (5, 5), current: nil),
        Case(name: "current step waiting within its wait",
             steps: [("check", done("2026-11-01")), ("request", done("2026-11-20")), ("sign", StepRecord(status: .waiting))],
             today: "2026-11-27", state: .waiting, progress: (2, 5), current: "sign"),
        Case(name: "waiting on the expected-by day itself is not overdue",
             steps: [("check", done("2026-11-01")), ("request", done("2026-11-20")), ("sign", StepRecord(status: .waiting))],
             today: "2026-11-27", state: .waiting, progress: (2, 5), current: "sign"),
        Case(name: "waiting the day after expected-by is overdue",
             steps: [("check", done("2026-11-01")), ("request", done("2026-11-20")), ("sign", StepRecord(status: .waiting))],
             today: "2026-11-28", state: .overdue, progress: (2, 5), current: "sign"),
        Case(name: "blocked wins over overdue",
             steps: [("check", done("2026-11-01")), ("request", done("2026-11-02")), ("sign", StepRecord(status: .waiting)),
                     ("password", StepRecord(status: .blocked, note: "on leave"))],
             today: "2026-11-28", state: .blocked, progress: (2, 5), current: "sign"),
        Case(name: "complete wins over everything", steps: [("check", done("2026-11-01")), ("request", done("2026-11-01")),
                     ("sign", done("2026-11-01")), ("password", done("2026-11-01")), ("finish", done("2026-11-01"))],
             today: "2026-11-28", state: .complete, progress: (5, 5), current: nil),
        Case(name: "a waiting step that is not current makes in-progress, not waiting",
             steps: [("check", StepRecord(status: .inProgress)), ("sign", StepRecord(status: .waiting, since: d("2026-11-25")))],
             today: "2026-11-26", state: .inProgress, progress: (0, 5), current: "check"),
        Case(name: "an overdue step that is not current still makes the clinic overdue",
             steps: [("check", StepRecord(status: .inProgress)), ("sign", StepRecord(status: .waiting, since: d("2026-11-01")))],
             today: "2026-11-26", state: .overdue, progress: (0, 5), current: "check"),
        Case(name: "waiting without a wait length is never overdue",
             steps: [("check", done("2026-01-01")), ("request", StepRecord(status: .waiting))],
             today: "2026-11-26", state: .waiting, progress: (1, 5), current: "request"),
        Case(name: "waiting with no since and nothing done before has no expected-by",
             steps: [("check", StepRecord(status: .skipped, note: "x")), ("request", StepRecord(status: .skipped, note: "x")), ("sign", StepRecord(status: .waiting))],
             today: "2030-01-01", state: .waiting, progress: (2, 5), current: "sign"),
    ]

    @Test(arguments: cases)
    func derivesState(_ c: Case) {
        let status = StatusDeriver.derive(guide: Self.guide, caseFile: Self.caseFile(c.steps), today: Self.d(c.today))
        #expect(status.state == c.state)
        #expect(status.done == c.progress.0)
        #expect(status.total == c.progress.1)
        #expect(status.currentStep == c.current)
        #expect(status.steps.map(\.id) == ["check", "request", "sign", "password", "finish"])
    }

    @Test func sinceDefaultsToThePreviousStepsDoneDate() {
        let c = Self.caseFile([("check", Self.done("2026-10-01")), ("request", Self.done("2026-10-03")), ("sign", StepRecord(status: .waiting))])
        let sign = StatusDeriver.derive(guide: Self.guide, caseFile: c, today: Self.d("2026-10-05")).steps[2]
        #expect(sign.since == Self.d("2026-10-03"))
        #expect(sign.expectedBy == Self.d("2026-10-10"))
        #expect(!sign.overdue)
    }

    @Test func explicitSinceWins() {
        let c = Self.caseFile([("check", Self.done("2026-10-01")), ("request", Self.done("2026-10-03")),
                               ("sign", StepRecord(status: .waiting, since: Self.d("2026-10-06")))])
        let sign = StatusDeriver.derive(guide: Self.guide, caseFile: c, today: Self.d("2026-10-14")).steps[2]
        #expect(sign.expectedBy == Self.d("2026-10-13"))
        #expect(sign.overdue)
    }

    @Test func sinceSkipsBackOverSkippedSteps() {
        let c = Self.caseFile([("check", Self.done("2026-10-01")), ("request", StepRecord(status: .skipped, note: "x")),
                               ("sign", StepRecord(status: .waiting))])
        let sign = StatusDeriver.derive(guide: Self.guide, caseFile: c, today: Self.d("2026-10-05")).steps[2]
        #expect(sign.since == Self.d("2026-10-01"))
        #expect(sign.expectedBy == Self.d("2026-10-08"))
    }

    @Test func expectedByCrossesMonthAndYearEnds() {
        #expect(Self.d("2026-12-28").adding(days: 7) == Self.d("2027-01-04"))
        #expect(Self.d("2028-02-25").adding(days: 28) == Self.d("2028-03-24"))
        #expect(Self.d("2026-01-31").adding(days: 28) == Self.d("2026-02-28"))
    }

    @Test func statusJSONHasSpecKeysInOrderAndNoContactDetails() {
        var c = Self.caseFile([("check", Self.done("2026-10-01"))])
        c.signatory = Person(name: "Dr. S", title: nil, email: "s@clinic.example", phone: "416-555-0100", role: nil, location: GangwayCore.SourceLocation(file: ""))
        let json = JSONText.encode(StatusDeriver.derive(guide: Self.guide, caseFile: c, today: Self.d("2026-10-05")).json)
        #expect(json.hasPrefix(#"{"clinic": "C", "slug": "c", "guide": "g", "state": "in-progress", "overdue": false, "today": "2026-10-05", "progress": {"done": 1, "total": 5}, "current_step": "request", "acts_next": "clinic", "steps": [{"id": "check""#))
        #expect(!json.contains("@"))
        #expect(!json.contains("555"))
    }
}
