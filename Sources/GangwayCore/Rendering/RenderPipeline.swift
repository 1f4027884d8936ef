import Foundation

/// What a render reads: the checked site, its theme beside it, today, and how clinic folders and
/// the team site's links are made.
public struct RenderInput: Sendable {
    public var site: Site
    public var theme: Theme
    public var today: Day
    public var folders: ClinicFolders
    /// The `gangway serve` preview: the live-reload script, and team links to the preview's own clinic pages.
    public var liveReload: Bool
    /// Times each clinic's derive step and each page's template (`gangway build --timings`).
    public var timings: BuildTimings

    public init(site: Site, theme: Theme, today: Day, folders: ClinicFolders, liveReload: Bool = false, timings: BuildTimings = .off) {
        self.site = site
        self.theme = theme
        self.today = today
        self.folders = folders
        self.liveReload = liveReload
        self.timings = timings
    }
}

/// Where rendered files go: the clinic portal, and the team site when the dashboard is on.
public struct RenderTargets: Sendable {
    public var portal: OutputSink
    public var team: OutputSink?

    public init(portal: OutputSink, team: OutputSink?) {
        self.portal = portal
        self.team = team
    }
}

/// The derive → render steps of the pipeline, as `gangway build`, `gangway serve` and the fuzz
/// probe all run them: derive each clinic's `ClinicView`, render its pages, then the pages that
/// list clinics and, as the scope asks, the shared pages.
public enum RenderPipeline {
    /// What a render did.
    public struct Rendered: Sendable {
        /// The views of the clinics rendered, in the order given.
        public var views: [ClinicView]
        public var filesWritten: Int
    }

    /// Renders `scope`: with `.everything` every clinic of the site (`clinics` and `others` are
    /// ignored), else the given `clinics`. The listing pages show the rendered clinics together
    /// with `others` (the views of clinics not re-rendered), ordered by case-file path. With
    /// `listings: false` they are left out, for `renderListings` to write later (`gangway serve`
    /// renders a saved clinic's own pages first).
    public static func render(_ input: RenderInput, scope: RenderScope, clinics: [CaseFile] = [], others: [ClinicView] = [],
                              listings: Bool = true, into targets: RenderTargets) throws -> Rendered {
        let renderer = SiteRenderer(input)
        let rendering = scope == .everything ? input.site.clinics : clinics
        let views = try renderer.renderClinics(rendering, into: targets)
        var files = views.count * 3
        if listings {
            let listed = scope == .everything ? views : (others + views).sorted { $0.file < $1.file }
            files += try renderer.renderListings(views: listed, into: targets)
        }
        if scope != .clinics {
            files += try renderer.renderShared(into: targets)
        }
        return Rendered(views: views, filesWritten: files)
    }

    /// The pages that list clinics (the team site but its assets), from every clinic's view in
    /// case-file order. Returns the number of files written (none without the dashboard).
    public static func renderListings(_ input: RenderInput, views: [ClinicView], into targets: RenderTargets) throws -> Int {
        try SiteRenderer(input).renderListings(views: views, into: targets)
    }
}
