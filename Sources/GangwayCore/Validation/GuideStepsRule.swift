/// A guide needs steps: without one, its clinics would read "complete" with nothing done (an error).
enum GuideStepsRule {
    static func check(_ guide: Guide) -> [Diagnostic] {
        guard guide.steps.isEmpty, guide.unreadableStepIDs.isEmpty else { return [] }
        return [.error(.noSteps(guide.name), at: SourceLocation(file: guide.file), hint: "a guide without steps would show its clinics as complete")]
    }
}

extension String {
    fileprivate static func noSteps(_ guide: String) -> String {
        "guide '\(guide)' has no steps (add files named like 01-first-step.md)"
    }
}
