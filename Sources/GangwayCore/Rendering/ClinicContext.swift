/// The Mustache context of a clinic's checklist page. Every value from the case file goes in as
/// plain text, so the templates' `{{…}}` tags escape it; only Gangway's own Markdown output is HTML.
struct ClinicContext {
    let clinic: CaseFile
    let guide: Guide
    let status: ClinicStatus
    let config: SiteConfig

    func dictionary() -> [String: Any] {
        var c: [String: Any] = [
            "name": shown(clinic.clinic),
            "slug": clinic.slug,
            "guide_title": guide.title,
            "state": status.state.rawValue,
            "state_label": status.state.label,
            "done": status.done,
            "total": status.total,
            "percent": status.total == 0 ? 100 : status.done * 100 / status.total,
            "today": DayContext(status.today).dictionary,
            "next": nextAction(),
            "steps": steps(),
            "status_json": JSONText.encode(status.json),
        ]
        if status.overdue { c["overdue"] = true }
        if let v = clinic.officeName, !v.isEmpty { c["office_name"] = shown(v) }
        if let v = clinic.region, !v.isEmpty { c["region"] = shown(v) }
        if let v = guide.emr { c["emr"] = v }
        if clinic.existingCDSLink { c["existing_cds_link"] = true }
        if let notes = clinic.notes, !notes.isEmpty { c["notes_html"] = shown(Markdown.html(notes, unsafe: config.unsafeHTML)) }
        var people: [[String: Any]] = []
        if let p = clinic.signatory { people.append(person(p, role: "Contract signatory")) }
        if let p = clinic.oceanContact { people.append(person(p, role: "Ocean contact")) }
        if !people.isEmpty { c["contacts"] = people }
        if !clinic.providers.isEmpty {
            c["providers"] = clinic.providers.map { person($0, role: $0.role) }
            c["has_providers"] = true
        }
        if !people.isEmpty || !clinic.providers.isEmpty { c["has_people"] = true }
        return c
    }

    /// The one thing a reader should know first: who acts next, on what, by when.
    private func nextAction() -> [String: Any] {
        guard let current = status.current, let step = guide.step(id: current.id) else {
            return ["text": "Every step is done or skipped: the integration is complete.", "actor": "Nobody", "actor_key": "none"]
        }
        if let blocked = status.steps.first(where: { $0.status == .blocked }) {
            let owner = guide.step(id: blocked.id)?.owner ?? step.owner
            var text = "Blocked at \u{201C}\(blocked.title)\u{201D}"
            if let note = blocked.note { text += ": \(shown(note))" }
            return ["text": text, "actor": guide.ownerName(owner), "actor_key": owner.rawValue, "step": blocked.id]
        }
        if current.status == .waiting {
            let party = step.waitOn ?? (step.owner == .clinic ? .vendor : .clinic)
            var text = step.waitFor.map { "Waiting: \($0)" } ?? "Waiting on \(guide.ownerName(party))"
            var result: [String: Any] = ["actor": guide.ownerName(party), "actor_key": party.rawValue, "step": current.id]
            if let by = current.expectedBy {
                text += current.overdue ? ". It was expected by \(by.display) and is overdue." : ". Expected by \(by.display)."
                result["expected_by"] = DayContext(by).dictionary
            } else {
                text += "."
            }
            result["text"] = text
            if current.overdue { result["overdue"] = true }
            return result
        }
        let actor = guide.ownerName(step.owner)
        return ["text": "Next: \(step.title) (\(actor) acts).", "actor": actor, "actor_key": step.owner.rawValue, "step": current.id]
    }

    private func steps() -> [[String: Any]] {
        var out: [[String: Any]] = []
        for (index, view) in status.steps.enumerated() {
            let step = guide.steps[index]
            var s: [String: Any] = [
                "number": index + 1,
                "id": view.id,
                "title": view.title,
                "owner": view.owner.rawValue,
                "owner_label": guide.ownerName(view.owner),
                "status": view.status.rawValue,
                "status_label": StepStatusLabel.text(view.status),
                "body_html": step.bodyHTML,
            ]
            s["finished"] = view.status.isFinished
            s["current"] = view.id == status.currentStep
            s["overdue"] = view.overdue
            s.put("started", view.started.map { DayContext($0).dictionary })
            s.put("done_on", view.done.map { DayContext($0).dictionary })
            s.put("since", view.since.map { DayContext($0).dictionary })
            s.put("expected_by", view.expectedBy.map { DayContext($0).dictionary })
            s.put("note", view.note.flatMap { $0.isEmpty ? nil : shown($0) })
            s.put("wait_for", step.waitFor)
            s.put("wait_text", step.waitDays.map(WaitText.days))
            s["has_requires"] = !step.requires.isEmpty
            s.put("requires", nil)
            if !step.requires.isEmpty {
                s["requires"] = step.requires.map { r -> [String: Any] in
                    let (complete, missing) = Completeness.check(r, in: clinic)
                    var item: [String: Any] = ["label": RequirementLabel.text(r), "key": r.rawValue, "complete": complete]
                    item.put("missing", complete ? nil : (missing ?? "incomplete"))
                    return item
                }
            }
            out.append(s)
        }
        return out
    }

    /// Case-file text as the page shows it: emails and phone numbers hidden unless `publish_emails`.
    /// Notes are hidden after Markdown, so escapes like `a\\@b.example` cannot slip an address through.
    private func shown(_ text: String) -> String {
        config.publishEmails ? text : ContactText.redact(text)
    }

    private func person(_ p: Person, role: String?) -> [String: Any] {
        var d: [String: Any] = [:]
        d.put("name", p.name.map(shown))
        d.put("title", p.title.map(shown))
        d.put("role", role.map(shown))
        d.put("email", p.email.map { config.publishEmails ? $0 : EmailMask.mask($0) })
        d.put("email_link", config.publishEmails ? p.email.map { "mailto:" + $0 } : nil)
        d.put("phone", config.publishEmails ? p.phone : nil)
        return d
    }
}

/// A date as templates use it: `{{iso}}` for `datetime`, `{{display}}` for people.
struct DayContext {
    let day: Day
    init(_ day: Day) { self.day = day }
    var dictionary: [String: Any] { ["iso": day.iso, "display": day.display] }
}

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

enum WaitText {
    static func days(_ n: Int) -> String {
        if n % 7 == 0 && n >= 7 { return n == 7 ? "up to 1 week" : "up to \(n / 7) weeks" }
        return n == 1 ? "up to 1 day" : "up to \(n) days"
    }
}

/// `asingh@lakeshore.example` becomes `a•••@lakeshore.example`.
public enum EmailMask {
    public static func mask(_ email: String) -> String {
        guard let at = email.lastIndex(of: "@"), let first = email.first, at != email.startIndex else { return "•••" }
        return String(first) + "\u{2022}\u{2022}\u{2022}" + email[at...]
    }
}
