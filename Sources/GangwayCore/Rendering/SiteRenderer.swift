import Foundation
import GangwayMustache

/// How each page of the two sites is rendered (`RenderPipeline` decides which): the clinic portal,
/// which only ever shows a clinic its own folder, and with `dashboard: true` the team site, which
/// lists every clinic. Clinic pages render concurrently and are written as soon as they are ready.
struct SiteRenderer: Sendable {
    let input: RenderInput
    /// Where the team site's links to clinic pages start: `base_url` when built, the preview's
    /// own portal (`../`, the team site being served under /team/) with live reload.
    let clinicLinkRoot: String

    /// The UID host and DTSTAMP of every calendar event.
    let calendarStamp: CalendarFeed.Stamp

    init(_ input: RenderInput) {
        self.input = input
        self.clinicLinkRoot = input.liveReload ? "../" : input.site.config.baseURL
        self.calendarStamp = CalendarFeed.Stamp(baseURL: input.site.config.baseURL, today: input.today)
    }

    var site: Site { input.site }
    var today: Day { input.today }
    var folders: ClinicFolders { input.folders }
    var liveReload: Bool { input.liveReload }

    /// Derives and renders the given clinics' pages, status.json and calendar.ics into the portal; returns their
    /// views in input order.
    func renderClinics(_ clinics: [CaseFile], into targets: RenderTargets) throws -> [ClinicView] {
        try Parallel.throwingMap(clinics) { try self.renderClinic($0, into: targets.portal) }
    }

    /// The pages that list no clinic: the portal's home, guides, free pages, assets, sitemap,
    /// robots.txt and 404, and the team site's assets. Returns the number of files written.
    func renderShared(into targets: RenderTargets) throws -> Int {
        var count = 0
        let sink = targets.portal
        func emit(_ path: String, _ bytes: [UInt8]) throws {
            try sink.write(path, Data(bytes))
            count += 1
        }
        func emit(_ path: String, _ text: String) throws {
            try emit(path, Array(text.utf8))
        }
        try emit("index.html", try page(frame("home", title: site.config.title), TemplateContext.home(guides: site.guides, pages: site.pages)))
        for guide in site.guides {
            try emit("guides/\(guide.name)/index.html", try page(frame("guide", title: guide.title, depth: 2), ["guide": TemplateContext.guide(guide)]))
        }
        for p in site.pages {
            try emit("pages/\(p.name)/index.html", try page(frame("page", title: p.title, depth: 2), TemplateContext.freePage(p)))
        }
        try emit("404.html", try page(frame("404", title: "Page not found", root: baseURL), [:]))
        try emit("sitemap.xml", sitemap())
        try emit("robots.txt", "User-agent: *\nDisallow: /clinics/\n\nSitemap: \(baseURL)sitemap.xml\n")
        count += try writeAssets(into: sink)
        if site.config.dashboard, let team = targets.team { count += try writeAssets(into: team) }
        return count
    }

    var baseURL: String { site.config.baseURL }

    // MARK: pages

    func renderClinic(_ clinic: CaseFile, into sink: OutputSink) throws -> ClinicView {
        let guide = site.guide(named: clinic.guide)!
        var view = input.timings.call(.derive) { ClinicView.derive(guide: guide, caseFile: clinic, today: today, config: site.config) }
        let folder = folders.folder(for: clinic.slug)
        var f = frame("clinic", title: view.name, depth: 2)
        f.noindex = true
        // The status is encoded once: status.json pretty, the page's embedded copy on one line.
        let parts = written(of: view)
        let html = try page(f, ["clinic": TemplateContext.clinic(view, statusJSON: JSONText.compact(fromPretty: parts.statusJSON)),
                                "guide_url": .string("../../guides/\(guide.name)/index.html"), "page_url": .string(baseURL + "clinics/\(folder)/")])
        try sink.write("clinics/\(folder)/index.html", Data(html))
        try sink.write("clinics/\(folder)/status.json", Data(parts.statusJSON + [UInt8(ascii: "\n")]))
        try sink.write("clinics/\(folder)/calendar.ics", Data(CalendarFeed.feed(named: CalendarFeed.clinicName(siteTitle: site.config.title, clinic: view.status.clinic),
                                                                                 events: [parts.calendarEvents])))
        view.written = parts
        return view
    }

    private func writeAssets(into sink: OutputSink) throws -> Int {
        for asset in input.theme.assets {
            try sink.write("assets/" + asset.path, asset.data)
        }
        return input.theme.assets.count
    }

    func frame(_ kind: String, title: String, depth: Int = 0, root: String? = nil, nav: [TemplateContext.NavItem]? = nil) -> TemplateContext.Frame {
        let root = root ?? String(repeating: "../", count: depth)
        return TemplateContext.Frame(kind: kind, title: title, root: root, nav: nav ?? portalNav(root: root, kind: kind), liveReload: liveReload)
    }

    /// The page of `frame.kind` with `extra`'s values beside the frame's, as UTF-8 bytes. `memo`
    /// lends list items rendered by other pages (see `RenderMemo`).
    func page(_ frame: TemplateContext.Frame, _ extra: MustacheObject, memo: RenderMemo? = nil) throws -> [UInt8] {
        let context = TemplateContext.page(frame, config: site.config, today: today, extra: extra)
        return try input.timings.template(frame.kind) { try input.theme.render(frame.kind, context, memo: memo) }
    }

    /// The portal's navigation: home and the free pages, never the team site.
    private func portalNav(root: String, kind: String) -> [TemplateContext.NavItem] {
        var items = [TemplateContext.NavItem(label: "Home", url: root + "index.html", current: kind == "home")]
        for p in site.pages {
            items.append(.init(label: p.title, url: root + "pages/\(p.name)/index.html", current: false))
        }
        return items
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
