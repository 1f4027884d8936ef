#if GANGWAY_FUZZ
import Foundation
import GangwayMustache

/// Templates mutated as a set: the input split at NUL bytes is the page template and up to three
/// partials, named `layout` (the theme's parent), `a` and `b`, so that mutated tags can find them. Compiling must end with a
/// library or with errors placed inside the text they blame; rendering a fixed context must end,
/// with a page or a limit's error, and a page that escapes every value it was given.
final class FuzzTemplates: @unchecked Sendable {
    static let names = ["page", "layout", "a", "b"]

    /// Every kind of value, with markup in the strings, so an unescaped value is visible.
    static let context: MustacheValue = [
        "title": "<b>&\"'</b>", "n": 0, "yes": true, "no": false, "none": .null,
        "items": [["name": "<i>one</i>", "done": true], ["name": "two", "note": .null], []],
        "empty": [], "obj": ["inner": ["deep": "x<y"]], "html": "<em>raw</em>",
    ]

    func problems(_ input: Data) -> [String] {
        let parts = input.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
        let sources = zip(Self.names, parts).map { name, bytes in
            TemplateSource(name: name, text: String(decoding: bytes, as: UTF8.self), file: "templates/\(name).mustache")
        }
        var out: [String] = []
        switch TemplateLibrary.compile(sources) {
        case .failure(let errors):
            if errors.isEmpty { out.append("as templates: compile failed with no error") }
            for error in errors {
                guard let source = sources.first(where: { $0.file == error.file }) else {
                    out.append("as templates: an error names an unknown file: \(error)")
                    continue
                }
                let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).count
                if error.line < 1 || error.line > lines || error.column < 1 {
                    out.append("as templates: error outside its text (\(lines) lines): \(error)")
                }
                if error.message.contains("\n") { out.append("as templates: a message holds a line break: \(error)") }
            }
        case .success(let library):
            do {
                let page = try library.render("page", Self.context)
                for raw in ["<b>", "<i>", "x<y"] where page.contains(raw) && !sources.contains(where: { $0.text.contains(raw) }) {
                    // Only {{{…}}} / {{&…}} may put a value's markup in unescaped.
                    if !sources.contains(where: { $0.text.contains("{{{") || $0.text.contains("{{&") || $0.text.contains("=") }) {
                        out.append("as templates: a value reached the page unescaped: \(raw)")
                    }
                }
            } catch let error as TemplateError {
                if error.line < 1 || error.column < 1 { out.append("as templates: render error without a place: \(error)") }
            } catch {
                out.append("as templates: render threw something else: \(error)")
            }
        }
        return out
    }
}
#endif
