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
            currentStep: current?.id, steps: views)
    }
}
