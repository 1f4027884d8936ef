import Foundation
import Testing

/// Every relative link of the README and docs/ names a file of this repository: none leaves it
/// (a fresh clone has nothing beside it) and none is broken.
@Suite struct DocsLinkTests {
    static var documents: [URL] {
        let docs = Fixtures.packageRoot.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [Fixtures.packageRoot.appendingPathComponent("README.md")]
            + names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    @Test func relativeLinksStayInsideTheRepositoryAndResolve() throws {
        let root = Fixtures.packageRoot.standardizedFileURL.path
        let pattern = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)|`(\.\./[^`\s]+)`"#)
        var checked = 0
        for doc in Self.documents {
            let text = try String(contentsOf: doc, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let range = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                let target = String(text[Range(range, in: text)!])
                if target.contains("://") || target.hasPrefix("mailto:") || target.hasPrefix("#") { continue }
                let path = String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                let resolved = doc.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
                #expect(resolved.hasPrefix(root + "/"), "\(doc.lastPathComponent) links outside the repository: \(target)")
                #expect(FileManager.default.fileExists(atPath: resolved), "\(doc.lastPathComponent) links to a missing file: \(target)")
                checked += 1
            }
        }
        #expect(checked > 5)
    }
}
