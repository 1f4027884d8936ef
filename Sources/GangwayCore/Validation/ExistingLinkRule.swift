/// `existing_cds_link: true` while a step the guide marks `skip_if_existing_link` is not skipped.
enum ExistingLinkRule {
    static func check(_ c: CaseFile, guide: Guide) -> [Diagnostic] {
        guard c.existingCDSLink else { return [] }
        var out: [Diagnostic] = []
        for step in guide.steps where step.skipIfExistingLink && !c.unreadableSteps.contains(step.id) {
            let record = c.record(for: step.id)
            guard record?.status != .skipped else { continue }
            out.append(.warning(.doesNotApply(step.id), at: record?.statusLocation ?? c.existingCDSLinkLocation ?? SourceLocation(file: c.file),
                                hint: .markSkipped(step.id)))
        }
        return out
    }
}

extension String {
    fileprivate static func doesNotApply(_ id: String) -> String {
        "step '\(id)' does not apply when the clinic already has a CDS link (existing_cds_link: true)"
    }

    fileprivate static func markSkipped(_ id: String) -> String { "mark it skipped: \(id): {status: skipped, note: …}" }
}
