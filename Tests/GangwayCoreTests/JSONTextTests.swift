import GangwayMustacheTestSupport
import Testing
@testable import GangwayCore

private typealias JSONValue = GangwayCore.JSONValue

/// JSON text: the one-line form made from the pretty bytes is the one-line encoding, for the
/// shapes statuses have and for random values with every character the escapes care about.
@Suite struct JSONTextTests {
    @Test(arguments: [
        JSONValue.null, .bool(true), .int(-3), .string(""), .array([]), .object([]),
        .array([.int(1), .int(2)]),
        .object([("a", .int(1)), ("b", .array([.string("x, y"), .object([])])), ("c", .object([("d", .null)]))]),
        .string("line\nbreak, \"quoted\" <b>&</b> \u{2028}\t  spaces  "),
        .array([.array([.array([])]), .object([("k", .string(",\n"))])]),
    ])
    func compactFromPrettyIsTheOneLineText(value: GangwayCore.JSONValue) {
        #expect(JSONText.compact(fromPretty: JSONText.bytes(value, pretty: true)) == JSONText.encode(value))
        #expect(String(decoding: JSONText.bytes(value), as: UTF8.self) == JSONText.encode(value))
    }

    @Test func randomValues() {
        var random = SeededRandom(seed: 2028)
        let pieces = ["a", " ", ",", "\n", "\r", "\t", "\"", "\\", "<", ">", "&", "\u{2028}", "\u{2029}", "é", "🙂", "\u{1}", "{", "}", "[", "]", ": "]
        func value(_ depth: Int) -> JSONValue {
            switch random.below(depth > 3 ? 4 : 6) {
            case 0: return .null
            case 1: return .bool(random.chance(50))
            case 2: return .int(random.below(2000) - 1000)
            case 3: return .string((0..<random.below(8)).map { _ in random.pick(pieces) }.joined())
            case 4: return .array((0..<random.below(4)).map { _ in value(depth + 1) })
            default: return .object((0..<random.below(4)).map { i in ("k\(i)\(random.pick(pieces))", value(depth + 1)) })
            }
        }
        for _ in 0..<500 {
            let v = value(0)
            #expect(JSONText.compact(fromPretty: JSONText.bytes(v, pretty: true)) == JSONText.encode(v))
        }
    }
}
