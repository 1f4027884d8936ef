import Testing
import GangwayMustache
import GangwayMustacheTestSupport

/// A memo lends a list item's bytes only where rendering it again would give the same bytes.
@Suite struct RenderMemoTests {
    /// The same items in pages whose other values differ: an item that reads a name from around
    /// it is rendered on each page, one that reads only itself is lent.
    @Test func itemsReadingOutsideThemselvesAreNotLent() throws {
        let source = TemplateSource(name: "t", text: "{{#items}}[{{n}}:{{title}}]{{/items}}|{{#items}}<{{n}}>{{/items}}", file: "t.mustache")
        guard case .success(let library) = TemplateLibrary.compile([source]) else { Issue.record("does not compile"); return }
        let items: MustacheValue = [["n": 1], ["n": 2, "title": "own"]]
        let memo = RenderMemo()
        #expect(try library.render("t", ["items": items, "title": "A"], memo: memo) == "[1:A][2:own]|<1><2>")
        #expect(try library.render("t", ["items": items, "title": "B"], memo: memo) == "[1:B][2:own]|<1><2>")
        // Kept: item 2 of the first list (it read only itself) and both items of the second.
        #expect(memo.count == 3)
    }

    /// Random templates and contexts: rendered with one memo, in turn with the context and with
    /// copies of it whose top-level values differ but whose lists and objects are the same, each
    /// rendering is the one without a memo.
    @Test func randomPagesAreTheSameWithAMemo() throws {
        var generator = RandomTemplates(random: SeededRandom(seed: 20_261_203))
        var compared = 0
        for round in 0..<2_000 {
            let (sources, context) = generator.makeCase()
            guard case .success(let library) = TemplateLibrary.compile(sources), case .object(let top) = context else { continue }
            var variants = [context]
            for (k, text) in ["first", "second"].enumerated() {
                var changed = top
                for (i, key) in RandomTemplates.scalars.enumerated() where (i + k) % 2 == 0 { changed[key] = .string(text) }
                changed["flag"] = .bool(k == 0)
                variants.append(.object(changed))
            }
            let memo = RenderMemo()
            for variant in variants + variants.reversed() {
                let plain = try library.render("main", variant)
                let memoized = try library.render("main", variant, memo: memo)
                #expect(memoized == plain, "case \(round): \(firstDifference(memoized, plain))")
                if memoized != plain { return }
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }
}
