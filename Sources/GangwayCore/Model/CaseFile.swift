/// A named person with contact details, as a case file records them.
public struct Person: Sendable, Equatable {
    public var name: String?
    public var title: String?
    public var email: String?
    public var phone: String?
    public var role: String?
    public var location: SourceLocation
    public var emailLocation: SourceLocation?
    public var roleLocation: SourceLocation?
}

/// The status words a case file may use.
public enum StepStatus: String, Sendable, CaseIterable {
    case todo
    case inProgress = "in-progress"
    case waiting
    case blocked
    case done
    case skipped

    public var isFinished: Bool { self == .done || self == .skipped }
}

/// A step's record in a case file.
public struct StepRecord: Sendable {
    public var status: StepStatus
    public var started: Day?
    public var done: Day?
    public var since: Day?
    public var note: String?
    public var location: SourceLocation
    public var statusLocation: SourceLocation
    /// Where each date or note value sits, by key.
    public var fieldLocations: [String: SourceLocation] = [:]
    /// Keys whose value had an error of its own (a bad date, a list for a note): the rules do not
    /// report them again as missing.
    public var invalidFields: Set<String> = []
    /// Written as `id: done` rather than `id: {status: done}`.
    public var isShorthand = false

    public init(status: StepStatus, started: Day? = nil, done: Day? = nil, since: Day? = nil, note: String? = nil,
                location: SourceLocation = SourceLocation(file: ""), statusLocation: SourceLocation? = nil) {
        self.status = status
        self.started = started
        self.done = done
        self.since = since
        self.note = note
        self.location = location
        self.statusLocation = statusLocation ?? location
    }
}

/// One clinic's case file, `content/clinics/<slug>.yml`.
public struct CaseFile: Sendable {
    public var slug: String
    public var file: String
    public var clinic: String
    /// The guide's name; empty when the file names none (an error of its own).
    public var guide: String
    public var guideLocation: SourceLocation
    /// Where the `clinic` value sits, when there is one.
    public var clinicLocation: SourceLocation?
    /// Whether `clinic` and `guide` were both read: a case file without them is checked, never rendered.
    public var hasRequiredKeys = true
    public var officeName: String?
    public var region: String?
    public var oceanContact: Person?
    public var signatory: Person?
    public var providers: [Person]
    public var providersLocation: SourceLocation?
    public var existingCDSLink: Bool
    public var existingCDSLinkLocation: SourceLocation?
    public var notes: String?
    /// Step records by step id, in file order.
    public var steps: [(id: String, record: StepRecord)]
    /// Every key of `steps`, readable record or not, with its position, in file order.
    public var stepKeys: [(id: String, location: SourceLocation)] = []
    /// Fields (`office_name`, `signatory`, …) whose value had an error, or whose key was misspelt:
    /// what they hold is unknown, so the warning rules leave them alone instead of piling on.
    public var unreadableFields: Set<String> = []
    /// Step ids whose record had an error; the warning rules leave them alone too.
    public var unreadableSteps: Set<String> = []

    public func record(for id: String) -> StepRecord? {
        steps.first { $0.id == id }?.record
    }
}

/// A free page, `content/pages/<name>.md`.
public struct FreePage: Sendable {
    public var name: String
    public var title: String
    public var bodyHTML: String
    public var file: String
}
