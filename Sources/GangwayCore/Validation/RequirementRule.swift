/// A step in progress, waiting or done while a field in its `requires` is incomplete. Problems with
/// one provider or one email are reported once, where they sit (`ProviderRules`, `ContactRules`),
/// so here only a field that is missing altogether counts.
enum RequirementRule {
    static func check(_ c: CaseFile, guide: Guide) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for step in guide.steps where !c.unreadableSteps.contains(step.id) {
            guard let record = c.record(for: step.id), [.inProgress, .waiting, .done].contains(record.status) else { continue }
            for requirement in step.requires where !c.unreadableFields.contains(requirement.rawValue) {
                if let gap = Completeness.gap(requirement, in: c), let words = gap.warningWords {
                    out.append(.warning(.unmet(step.id, record.status, requirement, words), at: record.statusLocation))
                }
            }
        }
        return out
    }
}

extension Completeness.Gap {
    /// How the warning says what is missing; nil for a gap another rule reports at its own place.
    fileprivate var warningWords: String? {
        switch self {
        case .notRecorded: return "is not filled in yet"
        case .noName: return "has no name"
        case .noEmail: return "has no email"
        case .noProviders: return "lists no provider yet"
        case .invalidEmail, .providerIncomplete, .nonProvider: return nil
        }
    }
}

extension String {
    fileprivate static func unmet(_ id: String, _ status: StepStatus, _ requirement: Requirement, _ gap: String) -> String {
        "step '\(id)' is \(status.rawValue), but the '\(requirement.rawValue)' it requires \(gap)"
    }
}
