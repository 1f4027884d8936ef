import Testing
import GangwayMustache

/// The features Gangway's theme uses, one table row each: template(s), context, expected output.
@Suite struct RenderTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var templates: [String: String]
        var context: MustacheValue
        var expected: String
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "text passes through", templates: ["t": "plain\ntext\n"], context: [:], expected: "plain\ntext\n"),
        Row(name: "a variable is escaped", templates: ["t": "<{{x}}>"], context: ["x": "a&b<c>\"d'e"],
            expected: "<a&amp;b&lt;c&gt;&quot;d&#39;e>"),
        Row(name: "triple and ampersand do not escape", templates: ["t": "{{{x}}}|{{&x}}"], context: ["x": "<b>"],
            expected: "<b>|<b>"),
        Row(name: "non-ASCII passes through escaping", templates: ["t": "{{x}}"], context: ["x": "“Zoë” & 日本"],
            expected: "“Zoë” &amp; 日本"),
        Row(name: "a < before a combining mark is escaped (swift-mustache's per-Character escape misses it)",
            templates: ["t": "{{x}}"], context: ["x": "a<\u{338}b"], expected: "a&lt;\u{338}b"),
        Row(name: "a list or an object interpolated renders nothing", templates: ["t": "[{{l}}|{{o}}]"],
            context: ["l": ["a"], "o": ["k": 1]], expected: "[|]"),
        Row(name: "ints and bools render as swift-mustache does", templates: ["t": "{{i}} {{z}} {{b}} {{f}} {{n}}"],
            context: ["i": -42, "z": 0, "b": true, "f": false, "n": .null], expected: "-42 0 true false "),
        Row(name: "a missing name renders nothing", templates: ["t": "[{{nope}}]"], context: [:], expected: "[]"),
        Row(name: "dotted names reach into objects", templates: ["t": "{{a.b.c}}"], context: ["a": ["b": ["c": "deep"]]],
            expected: "deep"),
        Row(name: "a broken dotted chain is nothing, not the outer value", templates: ["t": "{{#a}}{{b.c}}{{/a}}"],
            context: ["a": ["b": [:]], "b": ["c": "outer"]], expected: ""),
        Row(name: "lookup climbs the context stack", templates: ["t": "{{#o}}{{x}}{{/o}}"], context: ["o": ["y": 1], "x": "up"],
            expected: "up"),
        Row(name: "null stops the lookup", templates: ["t": "{{#o}}[{{x}}]{{/o}}"], context: ["o": ["x": .null], "x": "up"],
            expected: "[]"),
        Row(name: "a list section repeats", templates: ["t": "{{#l}}<{{n}}>{{/l}}"], context: ["l": [["n": 1], ["n": 2]]],
            expected: "<1><2>"),
        Row(name: "an implicit iterator", templates: ["t": "{{#l}}{{.}},{{/l}}"], context: ["l": ["a", "<"]], expected: "a,&lt;,"),
        Row(name: "falsy values hide a section and show an inverted one",
            templates: ["t": "{{#f}}F{{/f}}{{#n}}N{{/n}}{{#e}}E{{/e}}{{#m}}M{{/m}}{{^f}}f{{/f}}{{^n}}n{{/n}}{{^e}}e{{/e}}{{^m}}m{{/m}}"],
            context: ["f": false, "n": .null, "e": []], expected: "fnem"),
        Row(name: "zero and the empty string are truthy, as in swift-mustache",
            templates: ["t": "{{#z}}[{{.}}]{{/z}}{{#s}}<{{.}}>{{/s}}{{^z}}no{{/z}}"], context: ["z": 0, "s": ""], expected: "[0]<>"),
        Row(name: "true renders with the same context", templates: ["t": "{{#b}}{{x}}{{/b}}"], context: ["b": true, "x": "y"],
            expected: "y"),
        Row(name: "standalone section lines are removed",
            templates: ["t": "<ul>\n  {{#l}}\n  <li>{{.}}</li>\n  {{/l}}\n</ul>\n"], context: ["l": ["a", "b"]],
            expected: "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n"),
        Row(name: "two tags on a line are not standalone", templates: ["t": "{{#a}}{{/a}}\nx"], context: ["a": true],
            expected: "\nx"),
        Row(name: "a standalone comment line is removed", templates: ["t": "a\n  {{! note }}\nb\n"], context: [:], expected: "a\nb\n"),
        Row(name: "a multi-line comment", templates: ["t": "a\n{{!\n one\n two\n}}\nb"], context: [:], expected: "a\nb"),
        Row(name: "a partial renders with the caller's context", templates: ["t": "[{{>p}}]", "p": "{{x}}"], context: ["x": 1],
            expected: "[1]"),
        Row(name: "a standalone partial is indented on every line",
            templates: ["t": "<div>\n  {{>p}}\n</div>\n", "p": "a\n{{#l}}\n<{{.}}>\n{{/l}}\nb\n"], context: ["l": [1, 2]],
            expected: "<div>\n  a\n  <1>\n  <2>\n  b\n</div>\n"),
        Row(name: "a recursive partial in a section ends with the data",
            templates: ["t": "{{>node}}", "node": "{{name}}({{#kids}}{{>node}}{{/kids}})"],
            context: ["name": "r", "kids": [["name": "a", "kids": []], ["name": "b", "kids": [["name": "c", "kids": []]]]]],
            expected: "r(a()b(c()))"),
        Row(name: "a parent with overridden blocks",
            templates: ["t": "{{<layout}}\n{{$title}}Hi{{/title}}\n{{$body}}\n<p>{{x}}</p>\n{{/body}}\n{{/layout}}\n",
                        "layout": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$body}}{{/body}}\n</main>\n{{$foot}}F{{/foot}}\n"],
            context: ["x": "y"], expected: "<title>Hi</title>\n<main>\n<p>y</p>\n\n</main>\nF\n"),
        Row(name: "the outermost override wins",
            templates: ["t": "{{<mid}}{{$b}}outer{{/b}}{{/mid}}", "mid": "{{<base}}{{$b}}mid{{/b}}{{/base}}", "base": "[{{$b}}base{{/b}}]"],
            context: [:], expected: "[outer]"),
        Row(name: "set delimiters", templates: ["t": "{{=<% %>=}}<% x %>{{x}}<%={{ }}=%>{{x}}"], context: ["x": 1],
            expected: "1{{x}}1"),
        Row(name: "CRLF standalone lines", templates: ["t": "|\r\n{{#b}}\r\nx\r\n{{/b}}\r\n|"], context: ["b": true],
            expected: "|\r\nx\r\n|"),
        Row(name: "a leading dot looks in the current context only", templates: ["t": "{{#o}}[{{.x}}]{{/o}}"],
            context: ["o": ["y": 1], "x": "outer"], expected: "[]"),
    ]

    @Test(arguments: rows) func renders(_ row: Row) throws {
        let sources = row.templates.map { TemplateSource(name: $0.key, text: $0.value, file: "\($0.key).mustache") }
        let library = try TemplateLibrary.compile(sources).get()
        #expect(try library.render("t", row.context) == row.expected)
    }

    @Test func appendsToTheBuffer() throws {
        let library = try TemplateLibrary.compile([TemplateSource(name: "t", text: "  {{>p}}\n", file: "t"),
                                                   TemplateSource(name: "p", text: "a\nb\n", file: "p")]).get()
        var buffer = Array("x\n".utf8)
        try library.render("t", [:], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x\n  a\n  b\n")
        #expect(library.names == ["p", "t"])
        #expect(library.contains("p") && !library.contains("q"))
    }
}
