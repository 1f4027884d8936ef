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

    // MARK: whole site

    /// Renders everything; returns the number of files written.
    @discardableResult
    public func renderAll(into sink: OutputSink) throws -> Int {
        let views = try renderClinics(site.clinics, into: sink)
        return views.count * 2 + (try renderShared(views: views, into: sink))
    }

    /// Derives and renders the given clinics' pages and status.json; returns their views in input order.
    public func renderClinics(_ clinics: [CaseFile], into sink: OutputSink) throws -> [ClinicView] {
        let results = Parallel.map(clinics) { clinic -> Result<ClinicView, Error> in
            Result { try self.renderClinic(clinic, into: sink) }
        }
        return try results.map { try $0.get() }
    }

    /// Everything but the clinic pages: home, guides, dashboard, status.json, free pages, assets,
    /// sitemap, robots.txt, 404. Returns the number of files written.
    public func renderShared(views: [ClinicView], into sink: OutputSink) throws -> Int {
        var count = 0
        func emit(_ path: String, _ text: String) throws {
            try sink.write(path, Data(text.utf8))
            count += 1
        }
        count += try renderListings(views: views, into: sink)
        for guide in site.guides {
            try emit("guides/\(guide.name)/index.html", page(frame("guide", title: guide.title, depth: 2), ["guide": TemplateContext.guide(guide)]))
        }
        for p in site.pages {
            try emit("pages/\(p.name)/index.html", page(frame("page", title: p.title, depth: 2), TemplateContext.freePage(p)))
        }
        try emit("404.html", page(frame("404", title: "Page not found", root: baseURL), [:]))
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
    public func renderListings(views: [ClinicView], into sink: OutputSink) throws -> Int {
        let paths = site.config.dashboard ? ["index.html", "dashboard/index.html", "status.json"] : ["index.html"]
        let results = Parallel.map(paths) { path -> Result<Void, Error> in
            Result {
                let text: String
                switch path {
                case "index.html":
                    // SPEC.md: the home page lists clinics only when the dashboard is on.
                    let listed = site.config.dashboard ? views.map { TemplateContext.listedClinic($0, url: clinicURL($0, root: "")) } : nil
                    text = page(frame("home", title: site.config.title, depth: 0),
                                TemplateContext.home(guides: site.guides, pages: site.pages, listed: listed, dashboard: site.config.dashboard))
                case "dashboard/index.html":
                    text = page(frame("dashboard", title: "Dashboard", depth: 1), TemplateContext.dashboard(views) { clinicURL($0, root: "../") })
                default:
                    text = JSONText.encode(.array(views.map { $0.status.json }), pretty: true) + "\n"
                }
                try sink.write(path, Data(text.utf8))
            }
        }
        try results.forEach { try $0.get() }
        return paths.count
    }

    public var baseURL: String { site.config.baseURL }

    // MARK: pages

    func renderClinic(_ clinic: CaseFile, into sink: OutputSink) throws -> ClinicView {
        let guide = site.guide(named: clinic.guide)!
        let view = ClinicView.derive(guide: guide, caseFile: clinic, today: today, config: site.config)
        let folder = folders.folder(for: clinic.slug)
        var f = frame("clinic", title: view.name, depth: 2)
        f.noindex = true
        let html = page(f, ["clinic": TemplateContext.clinic(view), "guide_url": "../../guides/\(guide.name)/index.html",
                            "page_url": baseURL + "clinics/\(folder)/"])
        try sink.write("clinics/\(folder)/index.html", Data(html.utf8))
        try sink.write("clinics/\(folder)/status.json", Data((JSONText.encode(view.status.json, pretty: true) + "\n").utf8))
        return view
    }

    private func clinicURL(_ view: ClinicView, root: String) -> String {
        root + "clinics/\(folders.folder(for: view.slug))/index.html"
    }

    private func frame(_ kind: String, title: String, depth: Int = 0, root: String? = nil) -> TemplateContext.Frame {
        let root = root ?? String(repeating: "../", count: depth)
        return TemplateContext.Frame(kind: kind, title: title, root: root, nav: nav(root: root, kind: kind), liveReload: liveReload)
    }

    private func page(_ frame: TemplateContext.Frame, _ extra: [String: Any]) -> String {
        site.theme.render(frame.kind, TemplateContext.page(frame, config: site.config, today: today, extra: extra))
    }

    private func nav(root: String, kind: String) -> [TemplateContext.NavItem] {
        var items = [TemplateContext.NavItem(label: "Home", url: root + "index.html", current: kind == "home")]
        if site.config.dashboard {
            items.append(.init(label: "Dashboard", url: root + "dashboard/index.html", current: kind == "dashboard"))
        }
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

/// Escapes text for XML and HTML, in element content and in quoted attributes.
public enum XMLText {
    public static func escape(_ s: String) -> String {
        s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
            .replacingAll("\"", with: "&quot;").replacingAll("'", with: "&apos;")
    }
}
