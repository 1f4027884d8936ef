/// A `done` date on a step that is not done: usually the status was not updated.
enum DoneDateRule {
    static func check(_ c: CaseFile, guide: Guide) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for step in guide.steps where !c.unreadableSteps.contains(step.id) {
            guard let record = c.record(for: step.id), record.done != nil, !record.status.isFinished else { continue }
            out.append(.warning(.doneDateNotDone(step.id, record.status), at: record.fieldLocations["done"] ?? record.statusLocation,
                                hint: "set status: done, or remove the date"))
        }
        return out
    }
}

extension String {
    fileprivate static func doneDateNotDone(_ id: String, _ status: StepStatus) -> String {
        "step '\(id)' has a 'done' date but its status is \(status.rawValue)"
    }
}
