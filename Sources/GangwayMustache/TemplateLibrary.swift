/// A set of templates compiled together: each is parsed once, partials and parents are resolved
/// to templates, and partial cycles that nothing could end are refused before anything renders.
///
/// The language is the Mustache spec's comments, set delimiters, interpolation, sections,
/// inverted sections, partials and inheritance (parents and blocks); not its lambdas or dynamic
/// names, nor swift-mustache's transforms and pragmas. Output is byte-identical to swift-mustache
/// 2.x for what Gangway's theme does (the differential tests); where the two differ, this
/// engine follows the spec or is stricter:
/// - a missing partial is a compile error (the spec renders nothing);
/// - whether a line is standalone depends on that line only (swift-mustache judges the line
///   after a mid-line `{{/x}}` as it judged the line of `{{#x}}`);
/// - an indented standalone partial indents every line it renders, each list item's too
///   (swift-mustache indents only the first line of a section's output);
/// - a list or object interpolated renders nothing (swift-mustache prints Swift's description),
///   and an inverted section over an empty list does not push the list;
/// - HTML escaping works on bytes, so a `<` followed by a combining mark is escaped too;
/// - a text ending in a lone `{` is text (swift-mustache refuses the template).
/// Where the spec says nothing it does as swift-mustache: zero and the empty string are truthy, a
/// block given twice in one parent takes the later, `{{.name}}` looks in the current context only.
public struct TemplateLibrary: Sendable {
    let templates: [CompiledTemplate]
    let program: Program
    let index: [String: Int]
    /// Bytes to reserve for a render of each template.
    let sizes: [Int]

    /// Parses and links every source at once. Collects all errors (sorted by file, line and
    /// column), not just the first.
    public static func compile(_ sources: [TemplateSource]) -> Result<TemplateLibrary, [TemplateError]> {
        var errors: [TemplateError] = []
        var index: [String: Int] = [:]
        for (i, source) in sources.enumerated() {
            if let earlier = index[source.name] {
                errors.append(TemplateError(kind: .syntax("a template named '\(source.name)' is already defined in \(sources[earlier].file)"),
                                            file: source.file, line: 1, column: 1))
            } else {
                index[source.name] = i
            }
        }
        var blocks: [String: Int] = [:]
        var templates: [CompiledTemplate] = []
        var references: [[PartialReference]] = []
        var program = Program()
        templates.reserveCapacity(sources.count)
        for (i, source) in sources.enumerated() {
            var parser = TemplateParser(source: source, templates: index, selfIndex: i, blocks: blocks)
            let nodes = parser.parse()
            blocks = parser.blocks
            errors += parser.errors
            references.append(parser.references)
            let root = parser.errors.isEmpty ? program.add(nodes, template: i) : 0..<0
            templates.append(CompiledTemplate(name: source.name, file: source.file, root: root))
        }
        errors += PartialCycles.find(in: templates, references: references)
        guard errors.isEmpty else { return .failure(errors.sorted(by: TemplateError.inOrder)) }
        let sizes = sources.enumerated().map { i, source in
            source.text.utf8.count + references[i].reduce(0) { $0 + sources[$1.target].text.utf8.count } + 1024
        }
        return .success(TemplateLibrary(templates: templates, program: program, index: index, sizes: sizes))
    }

    /// Every template's name, sorted.
    public var names: [String] { index.keys.sorted() }

    public func contains(_ name: String) -> Bool { index[name] != nil }

    /// Appends the rendering of template `name` to `buffer` (UTF-8 bytes). Throws only
    /// `TemplateError` with `.renderDepth`, or `.missingPartial` when the library has no
    /// template called `name` (check `contains(_:)` first).
    /// `memo`, when given, lends and keeps the renderings of list items (see `RenderMemo`).
    public func render(_ name: String, _ context: MustacheValue, into buffer: inout [UInt8], memo: RenderMemo? = nil) throws {
        guard let i = index[name] else {
            throw TemplateError(kind: .missingPartial(name), file: "", line: 1, column: 1)
        }
        var renderer = Renderer(templates: templates, program: program, template: i)
        renderer.memo = memo
        swap(&renderer.out, &buffer)
        defer { swap(&renderer.out, &buffer) }
        renderer.base = renderer.out.count
        renderer.out.reserveCapacity(renderer.out.count + sizes[i])
        renderer.stack.reserveCapacity(16)
        renderer.stack.append(context)
        try renderer.run(templates[i].root)
    }

    /// The rendering of template `name` as a string.
    public func render(_ name: String, _ context: MustacheValue, memo: RenderMemo? = nil) throws -> String {
        var buffer: [UInt8] = []
        try render(name, context, into: &buffer, memo: memo)
        return String(decoding: buffer, as: UTF8.self)
    }
}
