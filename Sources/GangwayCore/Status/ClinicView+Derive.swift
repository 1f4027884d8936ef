extension ClinicView {
    /// The derive step: a pure function of the guide, the case file, today and the config.
    public static func derive(guide: Guide, caseFile clinic: CaseFile, today: Day, config: SiteConfig) -> ClinicView {
        let redaction = Redaction(config: config)
        let roles = NonProviderRoles(extra: config.nonProviderRoles)
        let status = StatusDeriver.derive(guide: guide, caseFile: clinic, today: today)
        let rows = status.steps.enumerated().map { index, view -> ChecklistRow in
            let step = guide.steps[index]
            return ChecklistRow(
                number: index + 1, step: view, ownerName: guide.ownerName(view.owner), statusLabel: StepStatusLabel.text(view.status),
                isCurrent: view.id == status.currentStep, note: view.note.flatMap { $0.isEmpty ? nil : redaction.text($0) }, bodyHTML: step.bodyHTML, waitFor: step.waitFor,
                waitText: WaitText.of(step),
                requirements: step.requires.map { r in
                    let (complete, missing) = Completeness.check(r, in: clinic, roles: roles)
                    return RequirementRow(requirement: r, label: RequirementLabel.text(r), complete: complete,
                                          missing: complete ? nil : (missing ?? "incomplete"))
                })
        }
        var contacts: [PersonView] = []
        if let p = clinic.signatory { contacts.append(person(p, role: "Contract signatory", redaction)) }
        if let p = clinic.oceanContact { contacts.append(person(p, role: "Ocean contact", redaction)) }
        let notes = clinic.notes.flatMap { $0.isEmpty ? nil : redaction.text(Markdown.html($0, unsafe: config.unsafeHTML)) }
        return ClinicView(
            status: status, file: clinic.file, name: redaction.text(clinic.clinic), guideTitle: guide.title, emr: guide.emr,
            officeName: clinic.officeName.flatMap { $0.isEmpty ? nil : redaction.text($0) },
            region: clinic.region.flatMap { $0.isEmpty ? nil : redaction.text($0) },
            notesHTML: notes, existingCDSLink: clinic.existingCDSLink,
            next: NextAction.derive(status: status, guide: guide, redaction: redaction),
            percent: status.total == 0 ? 100 : status.done * 100 / status.total, rows: rows,
            contacts: contacts, providers: clinic.providers.map { person($0, role: $0.role, redaction) })
    }
}

private extension ClinicView {
    static func person(_ p: Person, role: String?, _ redaction: Redaction) -> PersonView {
        PersonView(
            role: role.map(redaction.text), name: p.name.map(redaction.text), title: p.title.map(redaction.text),
            email: p.email.map(redaction.email), emailLink: redaction.publishContacts ? p.email.map { "mailto:" + $0 } : nil,
            phone: p.phone.flatMap(redaction.phone))
    }
}
