import Foundation
import GangwayMustache

/// The team site: every page and file that lists clinics. `gangway serve` re-renders all of it
/// right after a saved clinic's own pages (`RenderPipeline.renderListings`), and with the rest
/// when a guide, a template or the config changes.
extension SiteRenderer {
    /// The dashboard and its filtered pages, the reports page, status.json, the three CSV exports
    /// and the all-clinics calendar, when the dashboard is on (nothing otherwise). Returns the
    /// number of files written.
    func renderListings(views: [ClinicView], into targets: RenderTargets) throws -> Int {
        guard site.config.dashboard, let sink = targets.team else { return 0 }
        let guides = Dictionary(uniqueKeysWithValues: site.guides.map { ($0.name, $0) })
        // Each clinic's figures and dashboard row are made once, on every core (on one, they kept
        // the other idle for a twentieth of a 10,000-clinic build), and the row is shared by every
        // page that lists it: the links differ by page depth only in the preview, where they are relative.
        let perClinic = Parallel.map(Array(views.indices)) { i -> (figures: ClinicFigures, atRoot: TeamContext.Row, below: TeamContext.Row?) in
            // views[i] each time, not bound to a name: binding copies the whole view.
            let figures = ClinicFigures.of(views[i].status, guide: guides[views[i].guide]!)
            let atRoot = TeamContext.row(views[i], figures: figures, url: clinicURL(views[i].slug, teamDepth: 0))
            let below = liveReload ? TeamContext.row(views[i], figures: figures, url: clinicURL(views[i].slug, teamDepth: DashboardFilter.depth)) : nil
            return (figures, atRoot, below)
        }
        let figures = perClinic.map(\.figures)
        let rowsAtRoot = perClinic.map(\.atRoot)
        let rowsBelow = liveReload ? perClinic.map { $0.below! } : rowsAtRoot
        let filters = DashboardFilter.all(views, guides: site.guides)
        let statuses = views.map { $0.status }
        let parts = views.map { $0.written ?? self.written(of: $0) }
        let reports = site.guides.map { TeamFigures.report(guide: $0, statuses: statuses) }

        // Every file of the team site is its own job, run on every core and written when ready, so no
        // more than one listing page per core is held in memory; the largest jobs go first.
        typealias Job = @Sendable () throws -> Void
        func file(_ path: String, _ make: @escaping @Sendable () throws -> [UInt8]) -> Job {
            { try sink.write(path, Data(try make())) }
        }
        var jobs: [Job] = [
            file("calendar.ics") {
                CalendarFeed.feed(named: CalendarFeed.allClinicsName(siteTitle: site.config.title), events: parts.map(\.calendarEvents))
            },
            file("steps.csv") { Array(TeamCSV.steps(statuses).utf8) },
            file("status.json") { JSONText.array(ofPretty: parts.map(\.statusJSON)) + [UInt8(ascii: "\n")] },
            file("status.csv") {
                Array(TeamCSV.status(zip(views, figures).map { TeamCSV.Clinic(status: $0.0.status, figures: $0.1, region: $0.0.region) }).utf8)
            },
        ]
        // A clinic's row is on the dashboard and on each filter page it belongs to: rendered once.
        // The guides' pages go first: between them they list every clinic once, on every core, so
        // the dashboard, which lists them all, and the other filters find every row rendered.
        let memo = RenderMemo()
        let pages: [DashboardFilter?] = filters.filter { $0.dimension == .guide } + [nil] + filters.filter { $0.dimension != .guide }
        jobs += pages.map { filter in
            file(filter?.path ?? "index.html") {
                let depth = filter == nil ? 0 : DashboardFilter.depth
                var f = teamFrame("dashboard", title: DashboardFilter.heading(filter), depth: depth)
                f.nav[0].current = filter == nil
                let root = String(repeating: "../", count: depth)
                return try page(f, TeamContext.dashboard(filter == nil ? rowsAtRoot : rowsBelow, filters: filters, filter: filter, root: root),
                                memo: memo)
            }
        }
        jobs.append(file("reports/index.html") {
            try page(teamFrame("reports", title: "Vendor turnaround", depth: 1), TeamContext.reports(reports) { clinicURL($0, teamDepth: 1) })
        })
        jobs.append(file("turnaround.csv") { Array(TeamCSV.turnaround(reports).utf8) })
        _ = try Parallel.throwingMap(jobs) { try $0() }
        return jobs.count
    }

    /// The parts of a clinic's own files the team site repeats, for a view whose pages this render did not write.
    func written(of view: ClinicView) -> WrittenParts {
        WrittenParts(statusJSON: JSONText.bytes(view.status.json, pretty: true),
                     calendarEvents: CalendarFeed.events(.init(status: view.status, pageURL: pageURL(view.slug)), stamp: calendarStamp))
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
