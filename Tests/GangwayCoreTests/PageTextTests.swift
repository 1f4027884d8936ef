import Testing
@testable import GangwayCore

/// The words a clinic page and the dashboard put on progress and waits, rule by rule.
@Suite struct PageTextTests {
    static func view(_ status: StepStatus) -> StepStatusView {
        StepStatusView(id: status.rawValue, title: "T", owner: .clinic, status: status, started: nil, done: nil,
                       since: nil, expectedBy: nil, overdue: false, note: nil)
    }

    /// Skipped steps are finished but not done: they are counted apart, never as done.
    @Test(arguments: [
        ([StepStatus.done, .done, .todo, .todo, .todo], "2 of 5 steps done"),
        ([.done, .done, .skipped, .skipped, .skipped], "2 of 5 steps done, 3 skipped"),
        ([.skipped, .todo], "0 of 2 steps done, 1 skipped"),
        ([.done], "1 of 1 step done"),
        ([.waiting, .blocked, .inProgress], "0 of 3 steps done"),
    ])
    func progress(_ statuses: [StepStatus], _ expected: String) {
        #expect(ProgressText.of(statuses.map(Self.view)) == expected)
    }

    static func step(owner: Owner, waitOn: Owner? = nil, waitDays: Int? = nil, waitFor: String? = nil) -> Step {
        Step(id: "s", title: "S", owner: owner, waitOn: waitOn, waitDays: waitDays, waitFor: waitFor, requires: [],
             skipIfExistingLink: false, bodyHTML: "", file: "", idLocation: GangwayCore.SourceLocation(file: ""))
    }

    /// A stated wait reads in days or weeks; a wait on someone with no stated length reads "unknown"
    /// (the FAQ promises it); a step that is no wait has no wait text at all.
    @Test func waitText() {
        let rows: [(Step, String?)] = [
            (Self.step(owner: .vendor, waitDays: 7), "up to 1 week"),
            (Self.step(owner: .vendor, waitDays: 14), "up to 2 weeks"),
            (Self.step(owner: .clinic, waitDays: 10), "up to 10 days"),
            (Self.step(owner: .ocean, waitDays: 1), "up to 1 day"),
            (Self.step(owner: .vendor), "unknown"),
            (Self.step(owner: .clinic, waitFor: "QHR calls the clinic"), "unknown"),
            (Self.step(owner: .clinic, waitOn: .vendor), "unknown"),
            (Self.step(owner: .clinic), nil),
            (Self.step(owner: .ocean), nil),
        ]
        for (step, expected) in rows {
            #expect(WaitText.of(step) == expected, "\(step.owner) wait_on \(String(describing: step.waitOn)) wait_days \(String(describing: step.waitDays))")
        }
    }
}
