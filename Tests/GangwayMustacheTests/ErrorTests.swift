import Testing
import GangwayMustache

/// Every kind of TemplateError, one row each: the templates, then each error expected with its
/// file, line and column (1-based, columns in Unicode scalars).
@Suite struct ErrorTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var templates: [(String, String)]
        var expected: [(TemplateError.Kind, String, Int, Int)]
        var testDescription: String { name }
    }

    static let deep = String(repeating: "{{#a}}", count: 101) + String(repeating: "{{/a}}", count: 101)

    static let rows: [Row] = [
        Row(name: "an unclosed section", templates: [("t", "a\n  {{#steps}}x\n")],
            expected: [(.syntax("section 'steps' is opened but never closed"), "t.mustache", 2, 3)]),
        Row(name: "an unclosed inverted section, parent and block",
            templates: [("t", "{{^a}}\n{{<p}}\n{{$b}}\n"), ("p", "")],
            expected: [(.syntax("inverted section 'a' is opened but never closed"), "t.mustache", 1, 1),
                       (.syntax("parent 'p' is opened but never closed"), "t.mustache", 2, 1),
                       (.syntax("block 'b' is opened but never closed"), "t.mustache", 3, 1)]),
        Row(name: "a close that does not match", templates: [("t", "{{#a}}{{/b}}{{/a}}")],
            expected: [(.syntax("'{{/b}}' does not close the open section 'a'"), "t.mustache", 1, 7)]),
        Row(name: "a close with nothing open", templates: [("t", "x\nyz{{/a}}")],
            expected: [(.syntax("'{{/a}}' closes nothing: no section, parent or block is open"), "t.mustache", 2, 3)]),
        Row(name: "an unclosed tag", templates: [("t", "<p>{{name</p>\n{{ok}}")],
            expected: [(.syntax("the tag '{{name</p>' is not closed with '}}'"), "t.mustache", 1, 4)]),
        Row(name: "an unclosed triple mustache", templates: [("t", "{{{html}}")],
            expected: [(.syntax("the tag '{{{html}}' is not closed with '}}}'"), "t.mustache", 1, 1)]),
        Row(name: "an unclosed comment stops the template", templates: [("t", "a {{! note\n{{#x}\n")],
            expected: [(.syntax("a comment is opened but never closed with '}}'"), "t.mustache", 1, 3)]),
        Row(name: "a tag without a name", templates: [("t", "{{#}}{{ }}")],
            expected: [(.syntax("a tag has no name"), "t.mustache", 1, 1), (.syntax("a tag has no name"), "t.mustache", 1, 6)]),
        Row(name: "a bad set-delimiter tag", templates: [("t", "{{=<%=}}")],
            expected: [(.syntax("a set-delimiter tag needs two delimiters with a blank between, as in '{{=<% %>=}}'"), "t.mustache", 1, 1)]),
        Row(name: "an invalid name", templates: [("t", "{{a..b}} {{#x!}}{{/x!}}")],
            expected: [(.syntax("'a..b' is not a valid name: use letters, digits, '_', '-' and '?', with '.' between the parts of a dotted name"), "t.mustache", 1, 1),
                       (.syntax("'x!' is not a valid name: use letters, digits, '_', '-' and '?', with '.' between the parts of a dotted name"), "t.mustache", 1, 10)]),
        Row(name: "a transform", templates: [("t", "{{uppercased(name)}}")],
            expected: [(.syntax("'{{uppercased(name)}}' applies a transform, which Gangway's templates do not support"), "t.mustache", 1, 1)]),
        Row(name: "a dynamic partial name", templates: [("t", "{{>*name}}")],
            expected: [(.syntax("dynamic names such as '{{>*name}}' are not supported: partials are resolved when templates compile"), "t.mustache", 1, 1)]),
        Row(name: "a variable inside a parent outside any block", templates: [("t", "{{<p}}\n{{x}}\n{{/p}}"), ("p", "")],
            expected: [(.syntax("'{{x}}' stands inside parent 'p' but outside a block; only blocks ('{{$name}}') may be there"), "t.mustache", 2, 1)]),
        Row(name: "a missing partial and parent", templates: [("t", "é日本 {{> stpe }}\n{{<layot}}{{/layot}}")],
            expected: [(.missingPartial("stpe"), "t.mustache", 1, 5), (.missingPartial("layot"), "t.mustache", 2, 1)]),
        Row(name: "a partial calling itself", templates: [("loop", "<li>\n  {{>loop}}\n")],
            expected: [(.recursion(["loop", "loop"]), "loop.mustache", 2, 3)]),
        Row(name: "two partials calling each other", templates: [("a", "{{>b}}"), ("b", "x {{<a}}{{/a}}")],
            expected: [(.recursion(["a", "b", "a"]), "b.mustache", 1, 3)]),
        Row(name: "a cycle through a section is allowed", templates: [("node", "{{#kids}}{{>node}}{{/kids}}")], expected: []),
        Row(name: "sections nested past the limit", templates: [("t", deep)],
            expected: [(.nesting(limit: 100), "t.mustache", 1, 601)]),
        Row(name: "a template name given twice", templates: [("t", ""), ("t", "")],
            expected: [(.syntax("a template named 't' is already defined in t.mustache"), "t.mustache", 1, 1)]),
        Row(name: "errors from every template, in file order", templates: [("b", "{{/x}}"), ("a", "\n{{>nope}}")],
            expected: [(.missingPartial("nope"), "a.mustache", 2, 1),
                       (.syntax("'{{/x}}' closes nothing: no section, parent or block is open"), "b.mustache", 1, 1)]),
    ]

    @Test(arguments: rows) func reports(_ row: Row) {
        let sources = row.templates.map { TemplateSource(name: $0.0, text: $0.1, file: "\($0.0).mustache") }
        let expected = row.expected.map { TemplateError(kind: $0.0, file: $0.1, line: $0.2, column: $0.3) }
        switch TemplateLibrary.compile(sources) {
        case .success: #expect(expected.isEmpty, "compiled")
        case .failure(let errors): #expect(errors == expected)
        }
    }

    @Test func recursionInASectionThatStaysTrueStopsAtTheDepthLimit() throws {
        let library = try TemplateLibrary.compile([TemplateSource(name: "loop", text: "x\n {{#flag}}{{>loop}}{{/flag}}", file: "loop.mustache")]).get()
        #expect(throws: TemplateError(kind: .renderDepth(limit: MustacheLimits.renderDepth), file: "loop.mustache", line: 2, column: 11)) {
            try library.render("loop", ["flag": true])
        }
        #expect(try library.render("loop", ["flag": false]) == "x\n ")
    }

    @Test func messagesAreOneLine() {
        let kinds: [TemplateError.Kind] = [.syntax("a tag has no name"), .missingPartial("stpe"), .recursion(["loop", "loop"]),
                                           .recursion(["a", "b", "a"]), .nesting(limit: 100), .renderDepth(limit: 100)]
        let messages = kinds.map { TemplateError(kind: $0, file: "t.mustache", line: 3, column: 4).message }
        #expect(messages == [
            "a tag has no name",
            "'stpe' names no template",
            "partial 'loop' includes itself with no section around the call to end it",
            "partials include each other with no section around a call to end it: a → b → a",
            "sections, parents and blocks are nested more than 100 deep",
            "partials are nested more than 100 deep while rendering (a partial that includes itself in a section that stays true?)",
        ])
        #expect(TemplateError(kind: .missingPartial("x"), file: "t.mustache", line: 3, column: 4).description == "t.mustache:3:4: 'x' names no template")
    }

    @Test func renderingAnUnknownTemplateThrows() throws {
        let library = try TemplateLibrary.compile([]).get()
        #expect(throws: TemplateError.self) { try library.render("nope", [:]) }
    }
}
