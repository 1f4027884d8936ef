/// The state of a clinic as a whole, in SPEC.md's order of precedence.
public enum ClinicState: String, Sendable, CaseIterable {
    case complete
    case blocked
    case overdue
    case waiting
    case inProgress = "in-progress"
    case notStarted = "not-started"

    /// How the state reads on a page.
    public var label: String {
        switch self {
        case .complete: return "Complete"
        case .blocked: return "Blocked"
        case .overdue: return "Overdue"
        case .waiting: return "Waiting"
        case .inProgress: return "In progress"
        case .notStarted: return "Not started"
        }
    }
}

/// A step of the guide as it stands for one clinic.
public struct StepStatusView: Sendable {
    public var id: String
    public var title: String
    public var owner: Owner
    public var status: StepStatus
    public var started: Day?
    public var done: Day?
    public var since: Day?
    public var expectedBy: Day?
    public var overdue: Bool
    public var note: String?
}

/// Everything SPEC.md calls the embedded status of one clinic.
public struct ClinicStatus: Sendable {
    public var clinic: String
    public var slug: String
    public var guide: String
    public var state: ClinicState
    public var overdue: Bool
    public var today: Day
    public var done: Int
    public var total: Int
    public var currentStep: String?
    /// Who acts next (SPEC.md): the first blocked step's owner; else a waiting current step's
    /// `wait_on`; else the current step's owner; nil when complete.
    public var actsNext: Owner?
    public var steps: [StepStatusView]

    public var current: StepStatusView? { currentStep.flatMap { id in steps.first { $0.id == id } } }

    /// The status.json object, keys in SPEC.md's order. Free text goes through `Redaction.always`,
    /// so no email or phone number reaches it, whatever a note says.
    public var json: JSONValue {
        let redact = Redaction.always
        return .object([
            ("clinic", .string(redact.text(clinic))),
            ("slug", .string(slug)),
            ("guide", .string(guide)),
            ("state", .string(state.rawValue)),
            ("overdue", .bool(overdue)),
            ("today", .string(today.iso)),
            ("progress", .object([("done", .int(done)), ("total", .int(total))])),
            ("current_step", .optional(currentStep)),
            ("acts_next", .optional(actsNext?.rawValue)),
            ("steps", .array(steps.map { s in
                .object([
                    ("id", .string(s.id)),
                    ("title", .string(redact.text(s.title))),
                    ("owner", .string(s.owner.rawValue)),
                    ("status", .string(s.status.rawValue)),
                    ("started", .optional(s.started?.iso)),
                    ("done", .optional(s.done?.iso)),
                    ("since", .optional(s.since?.iso)),
                    ("expected_by", .optional(s.expectedBy?.iso)),
                    ("overdue", .bool(s.overdue)),
                    ("note", .optional(s.note.map(redact.text))),
                ])
            })),
        ])
    }
}

extension ClinicState {
    /// The dashboard's order: blocked, overdue, waiting, in progress, not started, complete last.
    public static let byUrgency: [ClinicState] = [.blocked, .overdue, .waiting, .inProgress, .notStarted, .complete]
}
