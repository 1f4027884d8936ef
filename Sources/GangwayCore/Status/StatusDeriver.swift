/// Derives a clinic's embedded status from its guide and case file for a given today.
/// Pure: no I/O, no clock.
public enum StatusDeriver {
    public static func derive(guide: Guide, caseFile: CaseFile, today: Day) -> ClinicStatus {
        var views: [StepStatusView] = []
        var lastDone: Day?
        for step in guide.steps {
            let record = caseFile.record(for: step.id)
            let status = record?.status ?? .todo
            var since = record?.since
            var expectedBy: Day?
            if status == .waiting {
                // A wait starts when the step before it finished, unless the case file says otherwise.
                since = since ?? lastDone
                if let wait = step.waitDays, let start = since {
                    expectedBy = start.adding(days: wait)
                }
            }
            let overdue = expectedBy.map { today > $0 } ?? false
            views.append(StepStatusView(
                id: step.id, title: step.title, owner: step.owner, status: status,
                started: record?.started, done: record?.done, since: since,
                expectedBy: expectedBy, overdue: overdue, note: record?.note))
            if let done = record?.done, status == .done { lastDone = done }
        }

        let done = views.filter { $0.status.isFinished }.count
        let current = views.first { !$0.status.isFinished }
        let anyOverdue = views.contains { $0.overdue }
        let state: ClinicState
        if current == nil {
            state = .complete
        } else if views.contains(where: { $0.status == .blocked }) {
            state = .blocked
        } else if anyOverdue {
            state = .overdue
        } else if current?.status == .waiting {
            state = .waiting
        } else if views.contains(where: { $0.status != .todo || $0.started != nil }) {
            state = .inProgress
        } else {
            state = .notStarted
        }
        return ClinicStatus(
            clinic: caseFile.clinic, slug: caseFile.slug, guide: guide.name, state: state,
            overdue: anyOverdue, today: today, done: done, total: views.count,
            currentStep: current?.id, actsNext: actsNext(guide: guide, steps: views, current: current), steps: views)
    }

    /// SPEC.md "who acts next": the owner of the first blocked step if any; else, when the current
    /// step is waiting, its `wait_on` (by default the step's owner, or the guide's vendor when the
    /// clinic owns it: the clinic does not wait on itself); else the current step's owner.
    static func actsNext(guide: Guide, steps: [StepStatusView], current: StepStatusView?) -> Owner? {
        guard let current else { return nil }
        if let blocked = steps.first(where: { $0.status == .blocked }) { return blocked.owner }
        if current.status == .waiting, let step = guide.step(id: current.id) {
            return step.waitOn ?? (step.owner == .clinic ? .vendor : step.owner)
        }
        return current.owner
    }
}
