import Testing
@testable import GangwayCore

/// Which part of a site a changed source path is, and how much a set of changes re-renders
/// (as Zola tests `detect_change_kind` beside it).
@Suite struct RenderScopeTests {
    static let units: [(String, SourceUnit)] = [
        ("gangway.yml", .site),
        ("content", .site),
        ("content/clinics", .site),
        ("content/clinics/alpha.yml", .clinic("content/clinics/alpha.yml")),
        ("content/clinics/sub/deep.yml", .clinic("content/clinics/sub")),
        ("content/guides", .site),
        ("content/guides/accuro", .guide("accuro")),
        ("content/guides/accuro/02-sign.md", .guide("accuro")),
        ("content/pages", .site),
        ("content/pages/faq.md", .pages),
        ("templates", .site),
        ("templates/clinic.mustache", .templates),
        ("templates/partials/layout.mustache", .templates),
        ("templates/assets", .templates),
        ("templates/assets/style.css", .assets),
        ("README.md", .site),
    ]

    @Test func aPathBelongsToItsPart() {
        for (path, unit) in Self.units {
            #expect(SourceUnit(path: path) == unit, "\(path)")
        }
        #expect(SourceUnit.assets.diagnosticsUnit == .templates)
        #expect(SourceUnit.pages.diagnosticsUnit == .pages)
    }

    static let scopes: [([String], RenderScope)] = [
        (["content/clinics/alpha.yml"], .clinics),
        (["content/clinics/alpha.yml", "content/clinics/beta.yml"], .clinics),
        (["content/guides/accuro/02-sign.md"], .shared),
        (["content/pages/faq.md"], .shared),
        (["templates/assets/style.css"], .shared),
        (["templates/assets/style.css", "content/clinics/alpha.yml"], .shared),
        (["templates/clinic.mustache"], .everything),
        (["templates/assets/style.css", "templates/home.mustache"], .everything),
        (["gangway.yml"], .everything),
        (["content/clinics/alpha.yml", "content/clinics"], .everything),
        ([], .clinics),
    ]

    @Test func changesNeedTheirScope() {
        for (paths, scope) in Self.scopes {
            #expect(RenderScope(changes: Set(paths.map(SourceUnit.init(path:)))) == scope, "\(paths)")
        }
    }
}
