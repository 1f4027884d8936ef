import Foundation
import Testing
import GangwayMustache
import GangwayMustacheTestSupport
@testable import GangwayCore

/// Gangway's own engine against swift-mustache, the engine it replaced, on real pages: every page
/// of the example portal and of the fixture sites, published and previewed, rendered from the
/// very context the build gave it, must come out byte for byte the same through both.
@Suite struct RenderDifferentialTests {
    @Test(arguments: PageContexts.sites.map(\.name), [false, true])
    func everyPageRendersAsSwiftMustacheRendersIt(_ name: String, liveReload: Bool) throws {
        let site = try #require(PageContexts.sites.first { $0.name == name })
        let built = try PageContexts.build(site.source, today: site.today, liveReload: liveReload)
        #expect(built.pages.count > 3)
        let reference = try #require(SwiftMustacheBridge.library(built.theme.sources), "swift-mustache does not parse the theme")
        var kinds = Set<String>()
        for page in built.pages {
            kinds.insert(page.kind)
            let ours = try built.theme.render(page.kind, page.context)
            var theirs = reference.render(SwiftMustacheBridge.any(page.context), withTemplate: page.kind) ?? ""
            if !theirs.hasSuffix("\n") { theirs += "\n" }
            let expected = Array(theirs.utf8)
            if ours != expected {
                Issue.record("\(name), \(page.kind) page: \(Self.firstDifference(ours, expected))")
            }
        }
        #expect(kinds.isSuperset(of: ["home", "guide", "clinic", "404"]))
        if site.name == "example" { #expect(kinds.isSuperset(of: ["page", "dashboard", "reports"])) }
    }

    /// Where two renderings part, with a little of each around it.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 60)..<min(bytes.count, at + 60)], as: UTF8.self).debugDescription
        }
        return "byte \(at) of \(a.count) (Gangway) / \(b.count) (swift-mustache): \(around(a)) against \(around(b))"
    }
}
