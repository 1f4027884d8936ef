import Foundation

/// Renders every page of a loaded site into a sink. Clinic pages render concurrently and are
/// written as soon as they are ready, so memory does not grow with the number of clinics.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let today: Day
    public let folders: ClinicFolders
    /// Adds the live-reload script (only `gangway serve` sets this).
    public let liveReload: Bool

    public init(site: Site, today: Day, folders: ClinicFolders, liveReload: Bool = false) {
        self.site = site
        self.today = today
        self.folders = folders
        self.liveReload = liveReload
    }

    /// A clinic's derived status and the summary that listing pages show.
    public struct ClinicSummary: Sendable {
        public let status: ClinicStatus
        public let folder: String
        let nextText: String
    }

    // MARK: whole site

    /// Renders everything; returns the number of files written.
    @discardableResult
    public func renderAll(into sink: OutputSink) throws -> Int {
        let summaries = try renderClinics(site.clinics, into: sink)
        return summaries.count * 2 + (try renderShared(summaries: summaries, into: sink))
    }

    /// Renders the given clinics' pages and status.json; returns their summaries in input order.
    public func renderClinics(_ clinics: [CaseFile], into sink: OutputSink) throws -> [ClinicSummary] {
        let results = Parallel.map(clinics) { clinic -> Result<ClinicSummary, Error> in
            Result { try self.renderClinic(clinic, into: sink) }
        }
        return try results.map { try $0.get() }
    }

    /// Everything but the clinic pages: home, guides, dashboard, status.json, free pages, assets,
    /// sitemap, robots.txt, 404. Returns the number of files written.
    public func renderShared(summaries: [ClinicSummary], into sink: OutputSink) throws -> Int {
        var count = 0
        func emit(_ path: String, _ text: String) throws {
            try sink.write(path, Data(text.utf8))
            count += 1
        }
        count += try renderListings(summaries: summaries, into: sink)
        for guide in site.guides {
            try emit("guides/\(guide.name)/index.html", page("guide", title: guide.title, depth: 2, extra: ["guide": guideContext(guide)]))
        }
        for p in site.pages {
            try emit("pages/\(p.name)/index.html", page("page", title: p.title, depth: 2, extra: ["page": ["title": p.title, "body_html": p.bodyHTML]]))
        }
        try emit("404.html", page("404", title: "Page not found", depth: 0, extra: [:], absoluteRoot: baseURL))
        try emit("sitemap.xml", sitemap())
        try emit("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n")
        for asset in site.theme.assets {
            try sink.write("assets/" + asset.path, asset.data)
            count += 1
        }
        return count
    }

    /// The pages that list clinics: home, and with the dashboard on, dashboard/ and status.json.
    /// `gangway serve` re-renders only these and the edited clinics. They grow with the number of
    /// clinics, so they render concurrently. Returns the number of files written.
    @discardableResult
    public func renderListings(summaries: [ClinicSummary], into sink: OutputSink) throws -> Int {
        let paths = site.config.dashboard ? ["index.html", "dashboard/index.html", "status.json"] : ["index.html"]
        let results = Parallel.map(paths) { path -> Result<Void, Error> in
            Result {
                let text: String
                switch path {
                case "index.html":
                    // SPEC.md: the home page lists clinics only when the dashboard is on.
                    let listClinics = site.config.dashboard
                    text = page("home", title: site.config.title, depth: 0, extra: homeContext(summaries, listClinics: listClinics))
                case "dashboard/index.html":
                    text = page("dashboard", title: "Dashboard", depth: 1, extra: dashboardContext(summaries))
                default:
                    text = JSONText.encode(.array(summaries.map { $0.status.json }), pretty: true) + "\n"
                }
                try sink.write(path, Data(text.utf8))
            }
        }
        try results.forEach { try $0.get() }
        return paths.count
    }

    public var baseURL: String { site.config.baseURL }

    // MARK: pages

    func renderClinic(_ clinic: CaseFile, into sink: OutputSink) throws -> ClinicSummary {
        let guide = site.guide(named: clinic.guide)!
        let status = StatusDeriver.derive(guide: guide, caseFile: clinic, today: today)
        let folder = folders.folder(for: clinic.slug)
        let context = ClinicContext(clinic: clinic, guide: guide, status: status, config: site.config).dictionary()
        let html = page("clinic", title: shown(clinic.clinic), depth: 2, extra: ["clinic": context, "guide_url": "../../guides/\(guide.name)/index.html",
                                                                               "page_url": baseURL + "clinics/\(folder)/"], noindex: true)
        try sink.write("clinics/\(folder)/index.html", Data(html.utf8))
        try sink.write("clinics/\(folder)/status.json", Data((JSONText.encode(status.json, pretty: true) + "\n").utf8))
        return ClinicSummary(status: status, folder: folder, nextText: (context["next"] as? [String: Any])?["text"] as? String ?? "")
    }

    func page(_ kind: String, title: String, depth: Int, extra: [String: Any], noindex: Bool = false, absoluteRoot: String? = nil) -> String {
        let root = absoluteRoot ?? String(repeating: "../", count: depth)
        var context: [String: Any] = [
            "site": ["title": site.config.title, "language": site.config.language, "base_url": baseURL],
            "root": root,
            "page_title": title,
            "kind": kind,
            "today": DayContext(today).dictionary,
            "nav": nav(root: root, kind: kind),
        ]
        if kind == "home" { context["is_home"] = true }
        if noindex { context["noindex"] = true }
        if liveReload { context["live_reload"] = true }
        context.merge(extra) { _, new in new }
        return site.theme.render(kind, context)
    }

    private func nav(root: String, kind: String) -> [[String: Any]] {
        var items: [[String: Any]] = [["label": "Home", "url": root + "index.html", "current": kind == "home"]]
        if site.config.dashboard {
            items.append(["label": "Dashboard", "url": root + "dashboard/index.html", "current": kind == "dashboard"])
        }
        for p in site.pages {
            items.append(["label": p.title, "url": root + "pages/\(p.name)/index.html", "current": false])
        }
        return items
    }

    private func guideContext(_ guide: Guide) -> [String: Any] {
        var g: [String: Any] = [
            "name": guide.name, "title": guide.title, "intro_html": guide.introHTML,
            "step_count": guide.steps.count,
            "steps": guide.steps.enumerated().map { index, step -> [String: Any] in
                var s: [String: Any] = [
                    "number": index + 1, "id": step.id, "title": step.title, "owner": step.owner.rawValue,
                    "owner_label": guide.ownerName(step.owner), "body_html": step.bodyHTML,
                ]
                s.put("wait_for", step.waitFor)
                s.put("wait_text", step.waitDays.map(WaitText.days))
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

    /// Free text from a case file as pages show it: emails and phone numbers hidden unless `publish_emails`.
    func shown(_ text: String) -> String {
        site.config.publishEmails ? text : ContactText.redact(text)
    }

    private func clinicRow(_ s: ClinicSummary, root: String) -> [String: Any] {
        let st = s.status
        var row: [String: Any] = [
            "name": shown(st.clinic), "slug": st.slug, "url": root + "clinics/\(s.folder)/index.html",
            "state": st.state.rawValue, "state_label": st.state.label, "done": st.done, "total": st.total,
            "percent": st.total == 0 ? 100 : st.done * 100 / st.total, "guide": st.guide,
            "guide_title": site.guide(named: st.guide)?.title ?? st.guide, "next": s.nextText,
        ]
        row.put("current_step", st.current?.title)
        row["overdue"] = st.overdue
        return row
    }

    private func homeContext(_ summaries: [ClinicSummary], listClinics: Bool) -> [String: Any] {
        var c: [String: Any] = [
            "guides": site.guides.map { g -> [String: Any] in
                var d: [String: Any] = ["title": g.title, "url": "guides/\(g.name)/index.html", "step_count": g.steps.count]
                d.put("emr", g.emr)
                d.put("summary", g.summary)
                return d
            },
            "pages": site.pages.map { ["title": $0.title, "url": "pages/\($0.name)/index.html"] },
        ]
        if listClinics && !summaries.isEmpty {
            c["clinics"] = summaries.map { clinicRow($0, root: "") }
            c["has_clinics"] = true
        }
        if !site.pages.isEmpty { c["has_pages"] = true }
        if site.config.dashboard { c["dashboard"] = true }
        return c
    }

    private func dashboardContext(_ summaries: [ClinicSummary]) -> [String: Any] {
        let rows = summaries.map { clinicRow($0, root: "../") }
        var groups: [[String: Any]] = []
        // Most urgent first; complete clinics last.
        let urgency: [ClinicState] = [.blocked, .overdue, .waiting, .inProgress, .notStarted, .complete]
        for state in urgency {
            let members = zip(summaries, rows).filter { $0.0.status.state == state }.map(\.1)
            groups.append(["state": state.rawValue, "label": state.label, "count": members.count, "clinics": members, "has_clinics": !members.isEmpty])
        }
        return ["clinics": rows, "groups": groups, "clinic_count": summaries.count,
                "overdue_count": summaries.filter { $0.status.overdue }.count]
    }

    private func sitemap() -> String {
        var paths = [""]
        paths += site.guides.map { "guides/\($0.name)/" }
        paths += site.pages.map { "pages/\($0.name)/" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for p in paths {
            xml += "  <url><loc>\(XMLText.escape(baseURL + p))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
