import Foundation
import Mustache
import Testing
import GangwayMustache
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
        var reference = MustacheLibrary()
        for source in built.theme.sources {
            reference.register(try MustacheTemplate(string: source.text), named: source.name)
        }
        var kinds = Set<String>()
        for page in built.pages {
            kinds.insert(page.kind)
            let ours = try built.theme.render(page.kind, page.context)
            var theirs = reference.render(SwiftMustacheValue.any(page.context), withTemplate: page.kind) ?? ""
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

/// A typed value as swift-mustache reads it: dictionaries and arrays of `Any`, and `.null` as the
/// renderable that is null (renders nothing, is false, stops the lookup), as Gangway gave it before.
enum SwiftMustacheValue {
    struct Null: MustacheCustomRenderable {
        var renderText: String { "" }
        var isNull: Bool { true }
    }

    static func any(_ value: MustacheValue) -> Any {
        switch value {
        case .null: return Null()
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .list(let items): return items.map(any)
        case .object(let object):
            var dictionary: [String: Any] = [:]
            for key in object.keys { dictionary[key] = any(object[key]!) }
            return dictionary
        }
    }
}
