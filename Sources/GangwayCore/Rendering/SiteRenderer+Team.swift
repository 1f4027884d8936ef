import Foundation

/// The team site: every page and file that lists clinics. `gangway serve` re-renders all of it
/// whenever a case file, a guide or a template changes (it is the listing scope).
extension SiteRenderer {
    /// The dashboard and its filtered pages, the reports page, status.json, the three CSV exports
    /// and the all-clinics calendar, when the dashboard is on (nothing otherwise). Returns the
    /// number of files written.
    func renderListings(views: [ClinicView], into targets: RenderTargets) throws -> Int {
        guard site.config.dashboard, let sink = targets.team else { return 0 }
        var count = 0
        func emit(_ path: String, _ bytes: [UInt8]) throws {
            try sink.write(path, Data(bytes))
            count += 1
        }
        func emit(_ path: String, _ text: String) throws {
            try emit(path, Array(text.utf8))
        }
        let guides = Dictionary(uniqueKeysWithValues: site.guides.map { ($0.name, $0) })
        let figures = views.map { ClinicFigures.of($0.status, guide: guides[$0.guide]!) }

        let filters = DashboardFilter.all(views, guides: site.guides)
        // The dashboard and its filter pages each list many clinics: they render on every core,
        // each written as soon as it is ready (the sink takes writes from any thread, as the
        // clinic pages' do), so no more than one page per core is held in memory.
        let pages: [(depth: Int, filter: DashboardFilter?)] = [(0, nil)] + filters.map { (3, $0) }
        let written = Parallel.map(pages) { entry -> Result<Void, Error> in
            Result {
                let (depth, filter) = entry
                let root = String(repeating: "../", count: depth)
                let rows = zip(views, figures).map { TeamContext.Row(view: $0.0, figures: $0.1, url: clinicURL($0.0.slug, teamDepth: depth)) }
                var f = teamFrame("dashboard", title: filter.map { "\($0.dimension.label): \($0.label)" } ?? "Dashboard", depth: depth)
                f.nav[0].current = filter == nil
                try sink.write(filter?.path ?? "index.html", Data(try page(f, TeamContext.dashboard(rows, filters: filters, filter: filter, root: root))))
            }
        }
        for result in written { try result.get() }
        count += pages.count

        let reports = site.guides.map { TeamFigures.report(guide: $0, statuses: views.map(\.status)) }
        try emit("reports/index.html", try page(teamFrame("reports", title: "Vendor turnaround", depth: 1),
                                            TeamContext.reports(reports) { clinicURL($0, teamDepth: 1) }))

        try emit("status.json", JSONText.encode(.array(views.map { $0.status.json }), pretty: true) + "\n")
        try emit("status.csv", TeamCSV.status(zip(views, figures).map { TeamCSV.Clinic(status: $0.0.status, figures: $0.1, region: $0.0.region) }))
        try emit("steps.csv", TeamCSV.steps(views.map(\.status)))
        try emit("turnaround.csv", TeamCSV.turnaround(reports))
        try emit("calendar.ics", CalendarFeed.allClinics(
            views.map { CalendarFeed.Clinic(status: $0.status, pageURL: pageURL($0.slug)) },
            siteTitle: site.config.title, baseURL: baseURL, today: today))
        return count
    }

    /// A clinic's page as the team site links it from a page `teamDepth` folders below its root:
    /// by absolute URL under `base_url`, or with live reload the preview's own portal, one folder up.
    func clinicURL(_ slug: String, teamDepth: Int) -> String {
        let root = liveReload ? String(repeating: "../", count: teamDepth) + clinicLinkRoot : clinicLinkRoot
        return root + "clinics/\(folders.folder(for: slug))/index.html"
    }

    /// A clinic's own page, absolute under `base_url`: the URL its calendar events carry.
    func pageURL(_ slug: String) -> String {
        baseURL + "clinics/\(folders.folder(for: slug))/"
    }

    /// A team page's frame: noindex, and the team site's navigation (dashboard and reports).
    func teamFrame(_ kind: String, title: String, depth: Int) -> TemplateContext.Frame {
        let root = String(repeating: "../", count: depth)
        var f = frame(kind, title: title, depth: depth, nav: [
            .init(label: "Dashboard", url: root + "index.html", current: kind == "dashboard"),
            .init(label: "Reports", url: root + "reports/index.html", current: kind == "reports"),
        ])
        f.noindex = true
        return f
    }
}
