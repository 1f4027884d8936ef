/// Everything the pages show of one clinic, derived once from its guide, case file, today and the
/// config: the status, the next action, the checklist, and every free-text value from the case file
/// already redacted as the config asks. Rendering reads this value and nothing else of the clinic.
public struct ClinicView: Sendable {
    /// The embedded status, its text as written: status.json redacts it with `Redaction.always`,
    /// pages read the redacted fields below.
    public var status: ClinicStatus
    /// The case file's path, relative to the source folder: the clinic's identity across rebuilds.
    public var file: String
    public var name: String
    public var guideTitle: String
    public var emr: String?
    public var officeName: String?
    public var region: String?
    /// The notes as HTML, redacted after Markdown so an escape cannot hide an address.
    public var notesHTML: String?
    public var existingCDSLink: Bool
    public var next: NextAction
    /// Done or skipped steps as a whole percentage (100 for a guide without steps).
    public var percent: Int
    public var rows: [ChecklistRow]
    /// The signatory and the Ocean contact, in that order, when recorded.
    public var contacts: [PersonView]
    public var providers: [PersonView]

    /// Its own status.json and calendar events as its pages wrote them, for the team site's
    /// all-clinics files to repeat byte for byte; nil until the clinic's pages are rendered.
    var written: WrittenParts?

    public var slug: String { status.slug }
    public var guide: String { status.guide }
}

/// The parts of a clinic's own files that the team site repeats: kept as bytes, so the team
/// site's status.json and calendar.ics are put together from them, not encoded a second time
/// (at 10,000 clinics encoding them again was 5 % of a build's CPU).
struct WrittenParts: Sendable {
    /// status.json's pretty text, without its final line break.
    var statusJSON: [UInt8]
    /// Its events, as content lines of calendar.ics.
    var calendarEvents: [UInt8]
}

/// One step of the checklist as a clinic's page shows it.
public struct ChecklistRow: Sendable {
    public var number: Int
    /// The step's status as derived (its note as written: use `note`).
    public var step: StepStatusView
    public var ownerName: String
    public var statusLabel: String
    public var isCurrent: Bool
    /// The step's note, redacted; nil when there is none or it is empty.
    public var note: String?
    public var bodyHTML: String
    public var waitFor: String?
    public var waitText: String?
    /// The "what you need" items, from the step's `requires`.
    public var requirements: [RequirementRow]
}

/// One "what you need" item: a case-file field a step requires, ticked or flagged.
public struct RequirementRow: Sendable, Equatable {
    public var requirement: Requirement
    public var label: String
    public var complete: Bool
    /// A few words on what is missing, when incomplete.
    public var missing: String?
}

/// A person as the pages show them, every field redacted.
public struct PersonView: Sendable, Equatable {
    /// "Contract signatory", "Ocean contact", or a provider's own role.
    public var role: String?
    public var name: String?
    public var title: String?
    public var email: String?
    /// `mailto:` link, only when contacts are published.
    public var emailLink: String?
    public var phone: String?
}
