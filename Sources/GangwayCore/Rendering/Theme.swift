import Foundation
import GangwayMustache

/// The site's Mustache templates: `templates/*.mustache` for page kinds, `templates/partials/*.mustache`
/// for partials (named by file name), and `templates/assets/` copied to the output. Anything the site
/// does not provide comes from the built-in theme, as a Hugo theme's files do. The templates are
/// compiled once, here, by Gangway's own engine; every template error is found then (syntax, missing
/// partials, partials that call each other without end, nesting too deep) but one: a recursion
/// through a section that a page's values keep true, which the engine stops while rendering.
public struct Theme: Sendable {

    let library: TemplateLibrary
    /// The templates as compiled, by name (the differential test renders them through swift-mustache too).
    let sources: [TemplateSource]
    /// Asset files by path below `assets/`, with their bytes.
    public let assets: [(path: String, data: Data)]
    /// Tests only: sees every page's template and context as it renders (the differential test
    /// against swift-mustache, the reference's list of template variables).
    var observer: (@Sendable (_ kind: String, _ context: MustacheValue) -> Void)?

    /// Appends the page `kind` rendered from `context` to `buffer`, ending it with a line break.
    /// The one error is a partial recursion through sections that the values keep open.
    func render(_ kind: String, _ context: MustacheValue, into buffer: inout [UInt8], memo: RenderMemo? = nil) throws(TemplateRenderError) {
        observer?(kind, context)
        do {
            try library.render(kind, context, into: &buffer, memo: memo)
        } catch let error as TemplateError {
            throw TemplateRenderError(diagnostic: Self.diagnostic(error, templates: library.names, page: kind))
        } catch {
            throw TemplateRenderError(diagnostic: .error("\(error)", at: .nowhere))
        }
        if buffer.last != UInt8(ascii: "\n") { buffer.append(UInt8(ascii: "\n")) }
    }

    /// The page `kind` rendered from `context`, as UTF-8 bytes ending with a line break.
    func render(_ kind: String, _ context: MustacheValue, memo: RenderMemo? = nil) throws(TemplateRenderError) -> [UInt8] {
        var buffer: [UInt8] = []
        try render(kind, context, into: &buffer, memo: memo)
        return buffer
    }

    static func load(tree: SourceTree, into diagnostics: inout [Diagnostic]) -> Theme? {
        var sources: [String: TemplateSource] = [:]
        for file in StarterSite.files where file.path.hasPrefix("templates/") && file.path.hasSuffix(".mustache") {
            let name = templateName(file.path)
            sources[name] = TemplateSource(name: name, text: String(decoding: file.data, as: UTF8.self), file: file.path)
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
                        let name = templateName(path)
                        sources[name] = TemplateSource(name: name, text: text, file: path)
                    }
                }
            }
        }

        let ordered = sources.keys.sorted().map { sources[$0]! }
        switch TemplateLibrary.compile(ordered) {
        case .success(let library):
            return Theme(library: library, sources: ordered, assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        case .failure(let errors):
            let names = sources.keys.sorted()
            diagnostics += errors.map { diagnostic($0, templates: names) }
            return nil
        }
    }

    /// A template error as a diagnostic at its file, line and column, in Gangway's words.
    /// `page` names the page kind that was rendering, for a render-time error.
    static func diagnostic(_ error: TemplateError, templates: [String], page: String? = nil) -> Diagnostic {
        let at = SourceLocation(file: error.file, line: error.line, column: error.column)
        switch error.kind {
        case .syntax(let message):
            return .error("template does not parse: \(message)", at: at)
        case .missingPartial(let name):
            var message = "template names a missing partial '\(name)'"
            if let near = Suggest.closest(to: name, among: templates) { message += " (did you mean '\(near)'?)" }
            return .error(message, at: at)
        case .recursion(let cycle):
            return .error("partials call each other without end: \(cycle.joined(separator: " → "))", at: at,
                          hint: "call a partial from itself only inside a section that ends, as {{#children}}{{>node}}{{/children}} does")
        case .nesting(let limit):
            return .error("template nests sections, parents and blocks more than \(limit) deep", at: at)
        case .expansions(let limit):
            return .error("partials were expanded more than \(limit) times while rendering\(page.map { " the \($0) page" } ?? "")", at: at,
                          hint: "a partial that calls another several times, which calls the next several times, multiplies the work at every level")
        case .renderDepth(let limit):
            return .error("partials called each other more than \(limit) deep while rendering\(page.map { " the \($0) page" } ?? "")", at: at,
                          hint: "a partial may call itself inside a section only when the page's values end that section; these keep it open")
        }
    }

    /// `templates/clinic.mustache` is `clinic`; `templates/partials/step.mustache` is `step`.
    static func templateName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}

/// A page that could not render: its template recursed too deep for the page's values. Carries
/// the diagnostic, at the template's file, line and column.
struct TemplateRenderError: DiagnosedError {
    var diagnostic: Diagnostic
}
