import Foundation
import Testing
import GangwayMustache
import GangwayMustacheTestSupport

/// One test of the Mustache specification.
struct SpecCase: Decodable, Sendable, CustomTestStringConvertible {
    var file = ""
    var name: String
    var template: String
    var partials: [String: String]?
    var expected: String
    var data: MustacheValue

    enum CodingKeys: String, CodingKey { case name, template, partials, expected, data }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        template = try c.decode(String.self, forKey: .template)
        partials = try c.decodeIfPresent([String: String].self, forKey: .partials)
        expected = try c.decode(String.self, forKey: .expected)
        data = try c.decode(JSONValue.self, forKey: .data).value
    }

    var testDescription: String { "\(file): \(name)" }

    /// The template is named `test`; partials by their names, sorted.
    var sources: [TemplateSource] {
        [TemplateSource(name: "test", text: template, file: "test.mustache")]
            + (partials ?? [:]).sorted { $0.key < $1.key }.map { TemplateSource(name: $0.key, text: $0.value, file: "\($0.key).mustache") }
    }

    private struct File: Decodable { var tests: [SpecCase] }

    /// The spec's copy in this test target (so a clean clone works), by file.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Spec")
    /// The workspace's shared copy the one here was taken from: repo root, then ../shared.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")

    static func load(_ file: String) -> [SpecCase] {
        let url = folder.appendingPathComponent("\(file).json")
        guard let data = try? Data(contentsOf: url), let parsed = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return parsed.tests.map { var c = $0; c.file = file; return c }
    }
}
