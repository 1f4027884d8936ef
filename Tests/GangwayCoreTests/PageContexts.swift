import Foundation
import GangwayMustache
@testable import GangwayCore

/// Every page of a real build with the values its template was given: the site is loaded as
/// `gangway build` loads it and rendered into memory through `RenderPipeline`, with the theme's
/// observer keeping each page's kind and context.
struct PageContexts {
    struct Page {
        var kind: String
        var context: MustacheValue
    }

    var theme: Theme
    var pages: [Page]

    static func build(_ source: URL, today: String, liveReload: Bool = false) throws -> PageContexts {
        let loaded = SiteLoader.load(source: source, today: .fixed(Day(iso: today)!), environment: [:])
        guard let site = loaded.site, var theme = loaded.theme else {
            throw Failure(message: "\(source.path) does not load: \(DiagnosticFormatter.text(loaded.diagnostics))")
        }
        let seen = LockedValue<[Page]>([])
        theme.observer = { kind, context in seen.withLock { $0.append(Page(kind: kind, context: context)) } }
        let folders = try ClinicFolders(mode: site.config.clinicURLs, secret: "differential-test-secret-0123456789")
        let input = RenderInput(site: site, theme: theme, today: loaded.today, folders: folders, liveReload: liveReload)
        _ = try RenderPipeline.render(input, scope: .everything, into: RenderTargets(portal: MemorySink(), team: MemorySink()))
        theme.observer = nil
        return PageContexts(theme: theme, pages: seen.withLock { $0 })
    }

    /// The example portal at the package root, the fixture sites, and the hostile corpus's base
    /// site, each built as published and as `gangway serve` previews it.
    static let sites: [(name: String, source: URL, today: String)] = [
        ("example", Fixtures.packageRoot, "2026-11-29"),
        ("basic", Fixtures.site("basic"), "2026-11-05"),
        ("hostile base", Fixtures.root.appendingPathComponent("hostile/_base"), "2026-11-05"),
    ]

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
