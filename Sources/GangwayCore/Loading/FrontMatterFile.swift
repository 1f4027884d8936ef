import Foundation

/// A Markdown file split into its YAML front matter and body.
struct FrontMatterFile {
    var yaml: String?
    /// Lines before the YAML text starts (1 for the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// The file line the body starts on.
    var bodyLine = 1

    /// Splits `---\n yaml \n---\n body`. An opening fence without a closing one is an error.
    static func split(_ text: String, file: String, into diagnostics: inout [Diagnostic]) -> FrontMatterFile? {
        let normalized = text.replacingAll("\r\n", with: "\n")
        guard normalized.hasPrefix("---\n") || normalized == "---" else {
            return FrontMatterFile(yaml: nil, yamlLineOffset: 0, body: normalized)
        }
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            diagnostics.append(.error("front matter is not closed: add a line '---' after it", at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatterFile(yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: close + 3)
    }
}
