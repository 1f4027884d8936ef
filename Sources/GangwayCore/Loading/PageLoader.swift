import Foundation

/// Loads `content/pages/<name>.md`: front matter with a `title`, and a Markdown body.
enum PageLoader {
    static func load(_ path: String, tree: SourceTree, unsafeHTML: Bool, into diagnostics: inout [Diagnostic]) -> FreePage? {
        let name = String(((path as NSString).lastPathComponent).dropLast(3))
        if let problem = NameRule.problem(with: name, kind: .page, at: SourceLocation(file: path)) {
            diagnostics.append(problem)
            return nil
        }
        guard let source = readMarkdown(path, tree: tree, into: &diagnostics) else { return nil }
        var title: String?
        if let (map, _, misspelt) = source.frontMatter(what: "a page's front matter", keys: KeyTable.page.keys, into: &diagnostics) {
            title = map.requiredString("title", hint: "add a line like title: Questions", misspelt: misspelt, into: &diagnostics)
        } else if source.text.yaml == nil {
            diagnostics.append(.error("page has no front matter", at: SourceLocation(file: path),
                                      hint: "start the file with ---, a line 'title: …', and ---"))
        }
        guard let title else { return nil }
        return FreePage(name: name, title: title, bodyHTML: Markdown.html(source.text.body, unsafe: unsafeHTML), file: path)
    }
}
