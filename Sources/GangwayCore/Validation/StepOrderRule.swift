/// A step done while an earlier one is neither done nor skipped.
enum StepOrderRule {
    static func check(_ c: CaseFile, guide: Guide) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var unfinishedBefore: Step?
        for step in guide.steps where !c.unreadableSteps.contains(step.id) {
            let record = c.record(for: step.id)
            let status = record?.status ?? .todo
            if status == .done, let earlier = unfinishedBefore, let record {
                out.append(.warning(.outOfOrder(step.id, earlier: earlier.id), at: record.statusLocation))
            }
            if !status.isFinished && unfinishedBefore == nil { unfinishedBefore = step }
        }
        return out
    }
}

extension String {
    fileprivate static func outOfOrder(_ id: String, earlier: String) -> String {
        "step '\(id)' is done while the earlier step '\(earlier)' is neither done nor skipped"
    }
}
