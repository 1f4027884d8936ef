/// Warnings that compare a case file with its guide and with today.
enum ProgressRules {
    static func check(_ c: CaseFile, guide: Guide, today: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var unfinishedBefore: Step?
        for step in guide.steps {
            let record = c.record(for: step.id)
            let status = record?.status ?? .todo

            // requires: a step under way or done with a needed field incomplete.
            if let record, [.inProgress, .waiting, .done].contains(status) {
                for requirement in step.requires {
                    let (complete, missing) = Completeness.check(requirement, in: c)
                    if !complete {
                        out.append(.warning("step '\(step.id)' is \(status.rawValue) but '\(requirement.rawValue)' is incomplete (\(missing ?? "incomplete"))",
                                            at: record.statusLocation))
                    }
                }
            }

            // An existing CDS link makes some steps not apply.
            if c.existingCDSLink && step.skipIfExistingLink && status != .skipped {
                out.append(.warning("the clinic already has a CDS link, so step '\(step.id)' does not apply: mark it skipped",
                                    at: record?.statusLocation ?? c.existingCDSLinkLocation ?? SourceLocation(file: c.file)))
            }

            // Steps done out of order.
            if status == .done, let earlier = unfinishedBefore, let record {
                out.append(.warning("step '\(step.id)' is done while the earlier step '\(earlier.id)' is not done or skipped",
                                    at: record.statusLocation))
            }
            if !status.isFinished && unfinishedBefore == nil { unfinishedBefore = step }
        }
        return out
    }

    /// Dates after today, which are usually typos.
    static func futureDates(_ c: CaseFile, today: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (id, r) in c.steps {
            for (key, day) in [("started", r.started), ("done", r.done), ("since", r.since)] {
                if let day, day > today {
                    out.append(.warning("step '\(id)' has \(key) date \(day.iso), after today (\(today.iso))", at: r.fieldLocations[key] ?? r.location))
                }
            }
        }
        return out
    }
}
