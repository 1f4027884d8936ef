/// Warnings that compare a case file with its guide and with today. Fields and steps that had
/// an error while loading are left alone: their error is the one worth reading.
enum ProgressRules {
    static func check(_ c: CaseFile, guide: Guide, today: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var unfinishedBefore: Step?
        for step in guide.steps {
            let record = c.record(for: step.id)
            let status = record?.status ?? .todo
            let readable = !c.unreadableSteps.contains(step.id)

            // requires: a step under way or done with a needed field incomplete.
            if let record, readable, [.inProgress, .waiting, .done].contains(status) {
                for requirement in step.requires where !c.unreadableFields.contains(requirement.rawValue) {
                    if let gap = gap(requirement, in: c) {
                        out.append(.warning("step '\(step.id)' is \(status.rawValue), but the '\(requirement.rawValue)' it requires \(gap)",
                                            at: record.statusLocation))
                    }
                }
            }

            // An existing CDS link makes some steps not apply.
            if c.existingCDSLink, step.skipIfExistingLink, status != .skipped, readable {
                out.append(.warning("step '\(step.id)' does not apply when the clinic already has a CDS link (existing_cds_link: true)",
                                    at: record?.statusLocation ?? c.existingCDSLinkLocation ?? SourceLocation(file: c.file),
                                    hint: "mark it skipped: \(step.id): {status: skipped, note: …}"))
            }

            // Steps done out of order.
            if status == .done, readable, let earlier = unfinishedBefore, let record {
                out.append(.warning("step '\(step.id)' is done while the earlier step '\(earlier.id)' is neither done nor skipped",
                                    at: record.statusLocation))
            }
            if !status.isFinished && readable && unfinishedBefore == nil { unfinishedBefore = step }

            // A done date on a step that is not done: usually the status was not updated.
            if let record, readable, record.done != nil, !status.isFinished {
                out.append(.warning("step '\(step.id)' has a 'done' date but its status is \(status.rawValue)",
                                    at: record.fieldLocations["done"] ?? record.statusLocation,
                                    hint: "set status: done, or remove the date"))
            }
        }
        return out
    }

    /// What is missing from a required field, or nil when it is complete. Provider problems
    /// (emails, roles, names) are `ProviderRules`' to report, each at its provider, so here
    /// only an empty list counts.
    private static func gap(_ requirement: Requirement, in c: CaseFile) -> String? {
        switch requirement {
        case .signatory, .oceanContact:
            guard let p = requirement == .signatory ? c.signatory : c.oceanContact else { return "is not filled in yet" }
            if !Completeness.hasName(p) { return "has no name" }
            if !Completeness.isValidEmail(p.email) { return p.email == nil ? "has no email" : "has an email that is not valid" }
            return nil
        case .providers:
            return c.providers.isEmpty ? "lists no provider yet" : nil
        case .officeName:
            return (c.officeName ?? "").allSatisfy(\.isWhitespace) ? "is not filled in yet" : nil
        }
    }

    /// Dates after today, which are usually typos.
    static func futureDates(_ c: CaseFile, today: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (id, r) in c.steps {
            for (key, day) in [("started", r.started), ("done", r.done), ("since", r.since)] {
                if let day, day > today {
                    out.append(.warning("step '\(id)' has a '\(key)' date after today: \(day.iso) (today is \(today.iso))",
                                        at: r.fieldLocations[key] ?? r.location, hint: "check the month and the year"))
                }
            }
        }
        return out
    }
}
