/// The dashboard's dates and counts for one clinic (SPEC.md, Team site), in whole days.
public struct ClinicFigures: Sendable, Equatable {
    /// Today minus the expected-by date of an overdue step (the earliest, when several are).
    public var daysOverdue: Int?
    /// Today minus the current step's `since` (waiting), else its `started`, else the previous
    /// step's `done` (the latest `done` before it, as the status's default `since` counts it).
    public var daysInStep: Int?
    /// The latest `started`, `since` or `done` date in the case file.
    public var lastActivity: Day?
    /// The current step's expected-by when it waits and that is after today, else today; plus the
    /// `wait_days` of every later step neither done nor skipped. None for a complete clinic.
    public var earliestFinish: Day?
    /// Who acts next: the status's own `actsNext` (the rule lives in `StatusDeriver.actsNext`, which
    /// the clinic page's next action reads too), copied here so the exports need one value. None when complete.
    public var actsNext: Owner?

    public init(daysOverdue: Int? = nil, daysInStep: Int? = nil, lastActivity: Day? = nil, earliestFinish: Day? = nil, actsNext: Owner? = nil) {
        self.actsNext = actsNext
        self.daysOverdue = daysOverdue
        self.daysInStep = daysInStep
        self.lastActivity = lastActivity
        self.earliestFinish = earliestFinish
    }

    /// The figures of one clinic, from its status (which carries today) and its guide (for `wait_days`).
    public static func of(_ status: ClinicStatus, guide: Guide) -> ClinicFigures {
        let today = status.today
        var f = ClinicFigures()
        let overdue = status.steps.filter(\.overdue).compactMap(\.expectedBy)
        f.daysOverdue = overdue.min().map { today.days(since: $0) }
        // A waiting step's since defaults to a done date, so the status's steps hold every date the file does.
        f.lastActivity = status.steps.flatMap { [$0.started, $0.since, $0.done] }.compactMap { $0 }.max()
        f.actsNext = status.actsNext
        guard let index = status.steps.firstIndex(where: { !$0.status.isFinished }) else { return f }
        let current = status.steps[index]
        let previousDone = status.steps[..<index].last { $0.status == .done && $0.done != nil }?.done
        let start = (current.status == .waiting ? current.since : nil) ?? current.started ?? previousDone
        f.daysInStep = start.map { today.days(since: $0) }
        var finish = today
        if current.status == .waiting, let expected = current.expectedBy, expected > today { finish = expected }
        let waits = guide.steps.dropFirst(index + 1).enumerated().compactMap { offset, step -> Int? in
            status.steps[index + 1 + offset].status.isFinished ? nil : step.waitDays
        }
        f.earliestFinish = finish.adding(days: waits.reduce(0, +))
        return f
    }
}
