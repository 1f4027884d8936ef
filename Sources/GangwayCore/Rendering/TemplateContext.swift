import GangwayMustache

/// The one conversion from Gangway's typed page values (`ClinicView`, guides, free pages, the page
/// frame) to the template engine's values. Every value from a case file arrives here already
/// redacted and goes in as plain text, so the templates' `{{…}}` tags escape it; only Gangway's own
/// Markdown output is HTML. A key set to `.null` stops the lookup: a step without a note never
/// shows its clinic's. A key left out falls through to the enclosing context, as Mustache does.
enum TemplateContext {
    /// What every page has around its content.
    struct Frame {
        var kind: String
        var title: String
        /// The relative (or absolute) prefix that leads to the site's root: `../../` on a clinic page.
        var root: String
        var nav: [NavItem]
        var noindex = false
        var liveReload = false
    }

    struct NavItem {
        var label: String
        var url: String
        var current: Bool
    }

    static func page(_ frame: Frame, config: SiteConfig, today: Day, extra: MustacheObject) -> MustacheValue {
        // One list of pairs, made into an object once: a later pair replaces an earlier one.
        var pairs: [(String, MustacheValue)] = [
            ("site", ["title": .string(config.title), "language": .string(config.language), "base_url": .string(config.baseURL)]),
            ("root", .string(frame.root)),
            ("page_title", .string(frame.title)),
            ("kind", .string(frame.kind)),
            ("today", day(today)),
            ("nav", .list(frame.nav.map { ["label": .string($0.label), "url": .string($0.url), "current": .bool($0.current)] })),
        ]
        if frame.kind == "home" { pairs.append(("is_home", true)) }
        if frame.noindex { pairs.append(("noindex", true)) }
        if frame.liveReload { pairs.append(("live_reload", true)) }
        for key in extra.keys { pairs.append((key, extra[key]!)) }
        return .object(MustacheObject(pairs))
    }

    /// A date as templates use it: `{{iso}}` for `datetime`, `{{display}}` for people.
    static func day(_ day: Day) -> MustacheValue { .object(dayShape.object(["iso": .string(day.iso), "display": .string(day.display)])) }

    /// The kinds of object every clinic has several of (see `MustacheShape`).
    private static let dayShape = MustacheShape(), clinicShape = MustacheShape(), nextShape = MustacheShape(),
        rowShape = MustacheShape(), requirementShape = MustacheShape(), personShape = MustacheShape()

    /// A date that may be missing: `.null` when there is none.
    static func day(_ day: Day?) -> MustacheValue { day.map(Self.day) ?? .null }

    // MARK: a clinic's page

    /// `statusJSON`, when given, is `v.status.json` as one line of JSON, already encoded.
    static func clinic(_ v: ClinicView, statusJSON: String? = nil) -> MustacheValue {
        // A key whose value is nil is left out: the lookup goes on to the enclosing context.
        .object(clinicShape.object([
            "name": .string(v.name),
            "slug": .string(v.slug),
            "guide_title": .string(v.guideTitle),
            "state": .string(v.status.state.rawValue),
            "state_label": .string(v.status.state.label),
            "done": .int(v.status.done),
            "total": .int(v.status.total),
            "percent": .int(v.percent),
            "progress_text": .string(ProgressText.of(v.status.steps)),
            "today": day(v.status.today),
            "next": next(v.next),
            "steps": .list(v.rows.map(row)),
            "status_json": .string(statusJSON ?? JSONText.encode(v.status.json)),
            "overdue": v.status.overdue ? true : nil,
            "office_name": v.officeName.map(MustacheValue.string),
            "region": v.region.map(MustacheValue.string),
            "emr": v.emr.map(MustacheValue.string),
            "existing_cds_link": v.existingCDSLink ? true : nil,
            "notes_html": v.notesHTML.map(MustacheValue.string),
            "contacts": v.contacts.isEmpty ? nil : .list(v.contacts.map(person)),
            "providers": v.providers.isEmpty ? nil : .list(v.providers.map(person)),
            "has_providers": v.providers.isEmpty ? nil : true,
            "has_people": v.contacts.isEmpty && v.providers.isEmpty ? nil : true,
        ]))
    }

    static func next(_ n: NextAction) -> MustacheValue {
        .object(nextShape.object([
            "text": .string(n.text), "actor": .string(n.actorName), "actor_key": .string(n.actor?.rawValue ?? "none"),
            "step": n.step.map(MustacheValue.string),
            "expected_by": n.expectedBy.map(day),
            "overdue": n.overdue ? true : nil,
        ]))
    }

    static func row(_ r: ChecklistRow) -> MustacheValue {
        let view = r.step
        return .object(rowShape.object([
            "number": .int(r.number),
            "id": .string(view.id),
            "title": .string(view.title),
            "owner": .string(view.owner.rawValue),
            "owner_label": .string(r.ownerName),
            "status": .string(view.status.rawValue),
            "status_label": .string(r.statusLabel),
            "body_html": .string(r.bodyHTML),
            "finished": .bool(view.status.isFinished),
            "skipped": .bool(view.status == .skipped),
            "current": .bool(r.isCurrent),
            "overdue": .bool(view.overdue),
            "started": day(view.started),
            "done_on": day(view.done),
            "since": day(view.since),
            "expected_by": day(view.expectedBy),
            "note": .optional(r.note),
            "wait_for": .optional(r.waitFor),
            "wait_text": .optional(r.waitText),
            "has_requires": .bool(!r.requirements.isEmpty),
            "requires": r.requirements.isEmpty ? .null : .list(r.requirements.map { item in
                .object(requirementShape.object(["label": .string(item.label), "key": .string(item.requirement.rawValue),
                                                 "complete": .bool(item.complete), "missing": .optional(item.missing)]))
            }),
        ]))
    }

    static func person(_ p: PersonView) -> MustacheValue {
        .object(personShape.object([
            "name": .optional(p.name),
            "title": .optional(p.title),
            "role": .optional(p.role),
            "email": .optional(p.email),
            "email_link": .optional(p.emailLink),
            "phone": .optional(p.phone),
        ]))
    }

    // MARK: guides and free pages

    static func guide(_ guide: Guide) -> MustacheValue {
        [
            "name": .string(guide.name), "title": .string(guide.title), "intro_html": .string(guide.introHTML),
            "step_count": .int(guide.steps.count),
            "steps": .list(guide.steps.enumerated().map { index, step in
                [
                    "number": .int(index + 1), "id": .string(step.id), "title": .string(step.title), "owner": .string(step.owner.rawValue),
                    "owner_label": .string(guide.ownerName(step.owner)), "body_html": .string(step.bodyHTML),
                    "wait_for": .optional(step.waitFor),
                    "wait_text": .optional(WaitText.of(step)),
                    "skip_if_existing_link": .bool(step.skipIfExistingLink),
                    "has_requires": .bool(!step.requires.isEmpty),
                    "requires": .list(step.requires.map { ["label": .string(RequirementLabel.text($0)), "key": .string($0.rawValue)] }),
                ]
            }),
            "emr": .optional(guide.emr),
            "summary": .optional(guide.summary),
        ]
    }

    static func freePage(_ p: FreePage) -> MustacheObject {
        ["page": ["title": .string(p.title), "body_html": .string(p.bodyHTML)]]
    }

    /// The portal's home page: the guides and the free pages, never a list of clinics.
    static func home(guides: [Guide], pages: [FreePage]) -> MustacheObject {
        var c: MustacheObject = [
            "guides": .list(guides.map { g in
                ["title": .string(g.title), "url": .string("guides/\(g.name)/index.html"), "step_count": .int(g.steps.count),
                 "emr": .optional(g.emr), "summary": .optional(g.summary)]
            }),
            "pages": .list(pages.map { ["title": .string($0.title), "url": .string("pages/\($0.name)/index.html")] }),
        ]
        if !pages.isEmpty { c["has_pages"] = true }
        return c
    }
}
