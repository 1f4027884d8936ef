/// How a step's status reads on a page.
enum StepStatusLabel {
    static func text(_ s: StepStatus) -> String {
        switch s {
        case .todo: return "To do"
        case .inProgress: return "In progress"
        case .waiting: return "Waiting"
        case .blocked: return "Blocked"
        case .done: return "Done"
        case .skipped: return "Skipped"
        }
    }
}

/// How a step's `requires` entry reads in "what you need".
enum RequirementLabel {
    static func text(_ r: Requirement) -> String {
        switch r {
        case .signatory: return "Contract signatory: name and email"
        case .providers: return "Providers to enable: names and emails (no admin or staff accounts)"
        case .officeName: return "Office name exactly as the EMR shows it"
        case .oceanContact: return "Ocean contact: name and email"
        }
    }
}

/// A step's `wait_days` as people say it: "up to 1 week", "up to 10 days".
enum WaitText {
    /// How long a step usually waits: its `wait_days` as text, "unknown" for a step that waits on
    /// someone (it names `wait_for` or `wait_on`, or the vendor owns it) without a stated length,
    /// and nil for a step that is not a wait. Nobody guesses a vendor's time frame.
    static func of(_ step: Step) -> String? {
        if let days = step.waitDays { return Self.days(days) }
        if step.waitFor != nil || step.waitOn != nil || step.owner == .vendor { return "unknown" }
        return nil
    }

    static func days(_ n: Int) -> String {
        if n % 7 == 0 && n >= 7 { return n == 7 ? "up to 1 week" : "up to \(n / 7) weeks" }
        return n == 1 ? "up to 1 day" : "up to \(n) days"
    }
}

/// A clinic's progress as people count it: skipped steps are finished but not done, so they are
/// said apart ("2 of 5 steps done, 3 skipped") rather than counted as done.
enum ProgressText {
    static func of(_ steps: [StepStatusView]) -> String {
        let done = steps.filter { $0.status == .done }.count
        let skipped = steps.filter { $0.status == .skipped }.count
        let total = steps.count == 1 ? "1 step" : "\(steps.count) steps"
        let head = "\(done) of \(total) done"
        return skipped == 0 ? head : head + ", \(skipped) skipped"
    }
}
