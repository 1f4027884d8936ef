import Foundation
import Mustache

/// The site's Mustache templates: `templates/*.mustache` for page kinds, `templates/partials/*.mustache`
/// for partials (named by file name), and `templates/assets/` copied to the output. Anything the site
/// does not provide comes from the built-in theme, as a Hugo theme's files do.
public struct Theme: Sendable {

    let library: MustacheLibrary
    /// Asset files by path below `assets/`, with their bytes.
    public let assets: [(path: String, data: Data)]

    func render(_ kind: String, _ context: [String: Any]) -> String {
        let html = library.render(context, withTemplate: kind) ?? ""
        return html.hasSuffix("\n") ? html : html + "\n"
    }

    static func load(tree: SourceTree, into diagnostics: inout [Diagnostic]) -> Theme? {
        var sources: [String: (text: String, file: String)] = [:]
        for file in StarterSite.files where file.path.hasPrefix("templates/") && file.path.hasSuffix(".mustache") {
            sources[templateName(file.path)] = (String(decoding: file.data, as: UTF8.self), file.path)
        }
        var assets: [String: Data] = [:]
        for file in StarterSite.files where file.path.hasPrefix("templates/assets/") {
            assets[String(file.path.dropFirst("templates/assets/".count))] = file.data
        }
        if tree.folder("templates", into: &diagnostics) {
            for path in tree.files(under: "templates", into: &diagnostics) {
                if path == "templates/assets" {
                    _ = tree.folder(path, into: &diagnostics)  // a file where the assets folder should be
                } else if path.hasPrefix("templates/assets/") {
                    // An asset that cannot be read is an error, never silently the built-in theme's file.
                    if let data = tree.data(path, into: &diagnostics) {
                        assets[String(path.dropFirst("templates/assets/".count))] = data
                    }
                } else if path.hasSuffix(".mustache") {
                    if let text = SourceText.read(tree.url(path), relativePath: path, into: &diagnostics) {
                        sources[templateName(path)] = (text, path)
                    }
                }
            }
        }

        var library = MustacheLibrary()
        var ok = true
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template does not parse: \(describe(error.error))",
                                          at: SourceLocation(file: source.file, line: error.context.lineNumber, column: error.context.columnNumber)))
                ok = false
            } catch {
                diagnostics.append(.error("template does not parse: \(error)", at: SourceLocation(file: source.file)))
                ok = false
            }
            for (partial, line, column) in partialReferences(in: source.text) where sources[partial] == nil {
                var message = "template names a missing partial '\(partial)'"
                if let near = Suggest.closest(to: partial, among: Array(sources.keys)) { message += " (did you mean '\(near)'?)" }
                diagnostics.append(.error(message, at: SourceLocation(file: source.file, line: line, column: column)))
                ok = false
            }
        }
        guard ok else { return nil }
        return Theme(library: library, assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// `templates/clinic.mustache` is `clinic`; `templates/partials/step.mustache` is `step`.
    static func templateName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Names used in `{{> name}}` and `{{< name}}` tags, with their line and column.
    static func partialReferences(in text: String) -> [(String, Int, Int)] {
        var out: [(String, Int, Int)] = []
        var line = 1
        for lineText in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = lineText[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                let trimmed = after.drop { $0 == " " }
                guard let sigil = trimmed.first, sigil == ">" || sigil == "<" else { rest = after; continue }
                let nameStart = trimmed.dropFirst().drop { $0 == " " }
                let name = nameStart.prefix { $0 != "}" && $0 != " " }
                if !name.isEmpty && !name.hasPrefix("*") {
                    let column = lineText.distance(from: lineText.startIndex, to: open.lowerBound) + 1
                    out.append((String(name), line, column))
                }
                rest = after
            }
            line += 1
        }
        return out
    }

    private static func describe(_ error: Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "\(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "a closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is badly formed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block tags may stand inside a parent or partial override"
        case .textInsideInheritSection: return "text stands inside a parent or partial override"
        case .invalidConfigVariableSyntax: return "a pragma is badly formed"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}
