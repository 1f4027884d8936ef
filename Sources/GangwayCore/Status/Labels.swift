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
    static func days(_ n: Int) -> String {
        if n % 7 == 0 && n >= 7 { return n == 7 ? "up to 1 week" : "up to \(n / 7) weeks" }
        return n == 1 ? "up to 1 day" : "up to \(n) days"
    }
}
