import Testing
import GangwayMustache

/// Objects keep insertion order and find every key, below and above the size where lookups
/// switch from a scan to a hash table.
@Suite struct MustacheObjectTests {
    @Test(arguments: [3, 8, 9, 40, 1_000]) func keysAndLookups(count: Int) throws {
        var object = MustacheObject()
        for i in 0..<count { object["key\(i)"] = .int(i) }
        object["key0"] = "replaced"
        #expect(object.keys == (0..<count).map { "key\($0)" })
        #expect(object["key0"] == "replaced")
        #expect(object["key\(count - 1)"] == .int(count - 1))
        #expect(object["missing"] == nil)

        object["key1"] = nil
        #expect(object.count == count - 1 && object["key1"] == nil && object["key2"] == (count > 2 ? .int(2) : nil))
        #expect(object.keys.first == "key0" && !object.keys.contains("key1"))

        // The renderer finds them too, climbing from an inner object that lacks them.
        let library = try TemplateLibrary.compile([TemplateSource(name: "t", text: "{{#inner}}{{key0}}{{key\(count - 1)}}{{/inner}}", file: "t")]).get()
        object["inner"] = ["other": 1]
        #expect(try library.render("t", .object(object)) == "replaced\(count - 1)")
    }

    @Test func equalityIgnoresOrder() {
        #expect(MustacheObject([("a", 1), ("b", 2)]) == MustacheObject([("b", 2), ("a", 1)]))
        #expect(MustacheObject([("a", 1)]) != MustacheObject([("a", 2)]))
        #expect(MustacheObject([("a", 1), ("a", 3)]).keys == ["a"])
        #expect(MustacheValue(nil) == .null && MustacheValue.optional(nil as String?) == .null && MustacheValue.optional(3) == .int(3))
    }
}
