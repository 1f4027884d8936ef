/// The one thing a reader of a clinic's page should know first: who acts next, on what, by when.
public struct NextAction: Sendable, Equatable {
    /// Who acts next (SPEC.md "who acts next"); nil once the clinic is complete.
    public var actor: Owner?
    /// The actor as this guide names it ("Clinic", "QHR", "Ocean"), or "Nobody" when complete.
    public var actorName: String
    /// One sentence for people.
    public var text: String
    /// The step the action is about: the first blocked step, else the current step.
    public var step: String?
    /// The expected-by date of a waiting current step.
    public var expectedBy: Day?
    /// Whether that wait is overdue.
    public var overdue: Bool

    /// The next action of a derived status. Notes in the text go through `redaction`.
    public static func derive(status: ClinicStatus, guide: Guide, redaction: Redaction) -> NextAction {
        guard let current = status.current else {
            return NextAction(actor: nil, actorName: "Nobody", text: "Every step is done or skipped: the integration is complete.",
                              step: nil, expectedBy: nil, overdue: false)
        }
        let actor = status.actsNext ?? current.owner
        let name = guide.ownerName(actor)
        if let blocked = status.steps.first(where: { $0.status == .blocked }) {
            var text = "Blocked at \u{201C}\(blocked.title)\u{201D}"
            if let note = blocked.note { text += ": \(redaction.text(note))" }
            return NextAction(actor: actor, actorName: name, text: text, step: blocked.id, expectedBy: nil, overdue: false)
        }
        if current.status == .waiting {
            var text = guide.step(id: current.id)?.waitFor.map { "Waiting: \($0)" } ?? "Waiting on \(name)"
            if let by = current.expectedBy {
                text += current.overdue ? ". It was expected by \(by.display) and is overdue." : ". Expected by \(by.display)."
            } else {
                text += "."
            }
            return NextAction(actor: actor, actorName: name, text: text, step: current.id, expectedBy: current.expectedBy, overdue: current.overdue)
        }
        return NextAction(actor: actor, actorName: name, text: "Next: \(current.title) (\(name) acts).", step: current.id,
                          expectedBy: nil, overdue: false)
    }
}
