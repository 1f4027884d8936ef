import Foundation
import Testing

/// Every link in README.md and docs/*.md stays inside the repository and points at a file
/// that exists: no address on the web, no path that climbs out of the repository.
@Suite struct MarkdownLinkTests {
    static let root = Fixtures.packageRoot.standardizedFileURL

    static func documents() throws -> [URL] {
        let docs = root.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        return [root.appendingPathComponent("README.md")] + names.map { docs.appendingPathComponent($0) }
    }

    /// The targets of inline links and images, `[text](target)`, outside code spans and fences.
    static func targets(in text: String) -> [String] {
        var out: [String] = []
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { fenced.toggle(); continue }
            if fenced { continue }
            // Drop code spans, whose brackets are not links.
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            var rest = Substring(prose)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                out.append(String(after[..<close]).split(separator: " ").first.map(String.init) ?? "")
                rest = after[close...]
            }
        }
        return out
    }

    /// Why `target`, linked from `document`, leaves the repository or points nowhere; nil when it is good.
    static func problem(_ target: String, from document: URL) -> String? {
        if target.hasPrefix("#") { return nil }
        if target.contains("://") || target.hasPrefix("mailto:") || target.hasPrefix("/") { return "\(target) leaves the repository" }
        let path = String(target.prefix { $0 != "#" && $0 != "?" })
        let url = document.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
        guard url.path.hasPrefix(root.path + "/") else { return "\(target) leaves the repository" }
        return FileManager.default.fileExists(atPath: url.path) ? nil : "\(target) does not exist"
    }

    @Test func everyLinkPointsAtAFileInTheRepository() throws {
        var problems: [String] = []
        for document in try Self.documents() {
            let text = try String(contentsOf: document, encoding: .utf8)
            for target in Self.targets(in: text) {
                if let problem = Self.problem(target, from: document) { problems.append("\(document.lastPathComponent): \(problem)") }
            }
        }
        #expect(problems == [])
    }

    @Test func theReadmeLinksTheReference() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(Self.targets(in: readme).contains("docs/reference.md"))
    }

    @Test(arguments: [
        ("[a](status.md)", "docs/x.md", nil),
        ("[a](status.md#today)", "docs/x.md", nil),
        ("[a](#today)", "docs/x.md", nil),
        ("[a](nothing-here.md)", "docs/x.md", "nothing-here.md does not exist"),
        ("[a](https://example.org/)", "docs/x.md", "https://example.org/ leaves the repository"),
        ("[a](../../shared/SPEC.md)", "docs/x.md", "../../shared/SPEC.md leaves the repository"),
        ("`[a](nowhere.md)` in code", "docs/x.md", nil),
    ] as [(String, String, String?)])
    func problemsAreFound(line: String, document: String, expected: String?) {
        let found = Self.targets(in: line).compactMap { Self.problem($0, from: Self.root.appendingPathComponent(document)) }
        #expect(found == (expected.map { [$0] } ?? []))
    }
}
