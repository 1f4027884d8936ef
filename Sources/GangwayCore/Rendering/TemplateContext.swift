/// The one conversion from Gangway's typed page values (`ClinicView`, guides, free pages, the page
/// frame) to the untyped dictionaries swift-mustache renders. Every value from a case file arrives
/// here already redacted and goes in as plain text, so the templates' `{{…}}` tags escape it; only
/// Gangway's own Markdown output is HTML. A typed template engine replaces this file alone.
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

    static func page(_ frame: Frame, config: SiteConfig, today: Day, extra: [String: Any]) -> [String: Any] {
        var context: [String: Any] = [
            "site": ["title": config.title, "language": config.language, "base_url": config.baseURL],
            "root": frame.root,
            "page_title": frame.title,
            "kind": frame.kind,
            "today": day(today),
            "nav": frame.nav.map { ["label": $0.label, "url": $0.url, "current": $0.current] as [String: Any] },
        ]
        if frame.kind == "home" { context["is_home"] = true }
        if frame.noindex { context["noindex"] = true }
        if frame.liveReload { context["live_reload"] = true }
        context.merge(extra) { _, new in new }
        return context
    }

    /// A date as templates use it: `{{iso}}` for `datetime`, `{{display}}` for people.
    static func day(_ day: Day) -> [String: Any] { ["iso": day.iso, "display": day.display] }

    // MARK: a clinic's page

    static func clinic(_ v: ClinicView) -> [String: Any] {
        var c: [String: Any] = [
            "name": v.name,
            "slug": v.slug,
            "guide_title": v.guideTitle,
            "state": v.status.state.rawValue,
            "state_label": v.status.state.label,
            "done": v.status.done,
            "total": v.status.total,
            "percent": v.percent,
            "progress_text": ProgressText.of(v.status.steps),
            "today": day(v.status.today),
            "next": next(v.next),
            "steps": v.rows.map(row),
            "status_json": JSONText.encode(v.status.json),
        ]
        if v.status.overdue { c["overdue"] = true }
        if let s = v.officeName { c["office_name"] = s }
        if let s = v.region { c["region"] = s }
        if let s = v.emr { c["emr"] = s }
        if v.existingCDSLink { c["existing_cds_link"] = true }
        if let s = v.notesHTML { c["notes_html"] = s }
        if !v.contacts.isEmpty { c["contacts"] = v.contacts.map(person) }
        if !v.providers.isEmpty {
            c["providers"] = v.providers.map(person)
            c["has_providers"] = true
        }
        if !v.contacts.isEmpty || !v.providers.isEmpty { c["has_people"] = true }
        return c
    }

    static func next(_ n: NextAction) -> [String: Any] {
        var d: [String: Any] = ["text": n.text, "actor": n.actorName, "actor_key": n.actor?.rawValue ?? "none"]
        if let step = n.step { d["step"] = step }
        if let by = n.expectedBy { d["expected_by"] = day(by) }
        if n.overdue { d["overdue"] = true }
        return d
    }

    static func row(_ r: ChecklistRow) -> [String: Any] {
        let view = r.step
        var s: [String: Any] = [
            "number": r.number,
            "id": view.id,
            "title": view.title,
            "owner": view.owner.rawValue,
            "owner_label": r.ownerName,
            "status": view.status.rawValue,
            "status_label": r.statusLabel,
            "body_html": r.bodyHTML,
        ]
        s["finished"] = view.status.isFinished
        s["skipped"] = view.status == .skipped
        s["current"] = r.isCurrent
        s["overdue"] = view.overdue
        s.put("started", view.started.map(day))
        s.put("done_on", view.done.map(day))
        s.put("since", view.since.map(day))
        s.put("expected_by", view.expectedBy.map(day))
        s.put("note", r.note)
        s.put("wait_for", r.waitFor)
        s.put("wait_text", r.waitText)
        s["has_requires"] = !r.requirements.isEmpty
        s.put("requires", nil)
        if !r.requirements.isEmpty {
            s["requires"] = r.requirements.map { item -> [String: Any] in
                var d: [String: Any] = ["label": item.label, "key": item.requirement.rawValue, "complete": item.complete]
                d.put("missing", item.missing)
                return d
            }
        }
        return s
    }

    static func person(_ p: PersonView) -> [String: Any] {
        var d: [String: Any] = [:]
        d.put("name", p.name)
        d.put("title", p.title)
        d.put("role", p.role)
        d.put("email", p.email)
        d.put("email_link", p.emailLink)
        d.put("phone", p.phone)
        return d
    }

    // MARK: guides and free pages

    static func guide(_ guide: Guide) -> [String: Any] {
        var g: [String: Any] = [
            "name": guide.name, "title": guide.title, "intro_html": guide.introHTML,
            "step_count": guide.steps.count,
            "steps": guide.steps.enumerated().map { index, step -> [String: Any] in
                var s: [String: Any] = [
                    "number": index + 1, "id": step.id, "title": step.title, "owner": step.owner.rawValue,
                    "owner_label": guide.ownerName(step.owner), "body_html": step.bodyHTML,
                ]
                s.put("wait_for", step.waitFor)
                s.put("wait_text", WaitText.of(step))
                s["skip_if_existing_link"] = step.skipIfExistingLink
                s["has_requires"] = !step.requires.isEmpty
                s["requires"] = step.requires.map { ["label": RequirementLabel.text($0), "key": $0.rawValue] }
                return s
            },
        ]
        g.put("emr", guide.emr)
        g.put("summary", guide.summary)
        return g
    }

    static func freePage(_ p: FreePage) -> [String: Any] {
        ["page": ["title": p.title, "body_html": p.bodyHTML]]
    }

    /// The portal's home page: the guides and the free pages, never a list of clinics.
    static func home(guides: [Guide], pages: [FreePage]) -> [String: Any] {
        var c: [String: Any] = [
            "guides": guides.map { g -> [String: Any] in
                var d: [String: Any] = ["title": g.title, "url": "guides/\(g.name)/index.html", "step_count": g.steps.count]
                d.put("emr", g.emr)
                d.put("summary", g.summary)
                return d
            },
            "pages": pages.map { ["title": $0.title, "url": "pages/\($0.name)/index.html"] },
        ]
        if !pages.isEmpty { c["has_pages"] = true }
        return c
    }
}
