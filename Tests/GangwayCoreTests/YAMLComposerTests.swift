import Foundation
import Testing
import GangwayMustacheTestSupport
import Yams
@testable import GangwayCore

/// `YAMLComposer` against its oracle, `Yams.compose` with the same resolver: on every YAML text
/// of the fixtures and the example portal, on a table of tricky snippets and on thousands of
/// seeded mutants of them (most of which are broken), it must give the same tree (kinds, texts,
/// styles, marks, resolved tags and what `Node.bool` reads, `YAMLTree` against Yams' `Node`) or the same error, and the limits
/// must win over later errors exactly as when they were checked in a pass of their own.
@Suite struct YAMLComposerTests {
    /// Snippets for what the fixtures hold rarely or never: anchors, merges, tags, quoting, keys
    /// of every kind, duplicates, and one error of each kind libYAML and the composer report.
    static let snippets: [String] = [
        "", "# only a comment\n", "---\n", "--- \n...\n", "a", "- a\n- b\n", "a: 1\nb: [x, {c: d}]\n",
        "base: &b {x: 1, y: 2}\nthis:\n  <<: *b\n  y: 3\n", "a: &a [1, 2]\nb: *a\nc: *a\n",
        "<<: [&p {a: 1}, {b: 2}]\nc: 3\n", "k: &k v\n*k : w\n", "x: &s tRuE\nflag: *s\n", "x: &s tRuE\n*s : 1\nflag: *s\n",
        "unicode: [tRÜE, Trüe, \u{212A}off, \u{130}on, ON\u{301}, yés, ｔｒｕｅ, ＴＲＵＥ, Ｎo]\nlong: [yesyesyes, trueｘ]\n",
        "flags: [tRuE, yes, Yes, YES, On, oFF, No, nO, True, ~, null, Null, NULL, nuLL, '', \"\"]\n",
        "ints: [0, 00, 0o7, 0o8, 08, 0b101, 0b2, 0x1F, 0xg, 1_000, +1, -0, '1', 1:30, 190:20:30, 1:60, 0:30, 1:, 1e3, 1.5]\n",
        "tags: [!!str 1, !!int x, ! yes, !custom y, !!bool maybe, ! tRuE]\nm: !!map {a: 1}\ns: !!seq [a]\nn: ! {a: 1}\n",
        "styles: [plain, 'single', \"double\"]\nlit: |\n  line\n  two\nfold: >\n  one\n  two\n",
        "empty:\nnull: ~\nlist:\n- \n-\n", "\"quoted key\": 1\n'single': 2\n? complex\n: 3\n",
        "a: 1\na: 2\n", "a: 1\nb: 2\na: 3\nb: 4\n", "b: 1\na: 2\nb: 3\na: 4\n", "1: x\n\"1\": y\n", "true: x\n\"true\": y\n",
        "{a: 1, b: 2, a: 3}\n", "outer:\n  inner: 1\n  inner: 2\n", "é: 1\ne\u{301}: 2\n",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk11: 11\nk12: 12\nk13: 13\nk14: 14\nk15: 15\nk16: 16\nk17: 17\nk3: 18\nk1: 19\n",
        "steps:\n  a: {status: done}\n  b: todo\n  a: waiting\n", "? [a, b]\n: 1\n? {c: d}\n: 2\n",
        "a: *nowhere\n", "a: &x [*x]\n", "a: b: c\n", "a:\n\t- b\n", "a: [1, 2\n", "a: {b: 1\n", "a: 'open\n", "a: \"open\n",
        "- a\nb: c\n", "a: 1\n---\nb: 2\n", "a: 1\n--- !x\n", "key: @value\n", "key: `value\n", "a: \u{1}\n", "a: b\u{7F}\n",
        "%YAML 1.1\n---\na: 1\n", "%YAML 2.0\n---\na: 1\n", "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", "a: !e!x 1\n",
        "a: |\n  x\n b\n", "- - - - a\n", "[[[[a]]]]", "a: \"\\x41\\u00e9\\U0001F600\\0\"\n", "a: \"\\uFEFFbom\"\n", "a: \"\\uFEFF\\uFEFFtwo\"\n", "a: \"end\\uFEFF\"\n", "a: \"\\uFEFF\"\n", "k: \u{FEFF}x\n", "k: '\u{FEFF}y'\n", "a: \"\\q\"\n",
        "a: 1\n  b: 2\n", " a: 1\nb: 2\n", "a:\n  - b\n  c: d\n", "&a a: 1\n", "a: &b\nc: *b\n", "? a\n? a\n",
    ]

    @Test func sameTreesAndErrorsAsYams() throws {
        var texts = Self.snippets + Self.fixtureTexts()
        #expect(texts.count > 100, "the fixtures are found")
        texts += Self.mutants(of: texts, count: 3000)
        var compared = 0
        for text in texts {
            let expected = Self.oracle(text)
            guard expected != nil else { continue }  // past a limit: Yams would expand it, see limitsWin
            compared += 1
            let got = Self.describe(YAMLComposer.compose(text))
            #expect(got == expected, "\(text.debugDescription)")
        }
        #expect(compared > 3000)
    }

    /// What Yams makes of `text`; nil when the text goes past a limit (Yams has none).
    static func oracle(_ text: String) -> String? {
        if case .failure(.excess) = YAMLComposer.compose(text) { return nil }
        do {
            return try compose(yaml: text, YAMLDocument.resolver).map(describe) ?? "no document"
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
                return "error \(context.map { "\($0.text) at \($0.mark), " } ?? "")\(problem) at \(mark)"
            case let .reader(problem, offset, _, _):
                return "reader \(problem) at \(offset.map(String.init) ?? "?")"
            case let .duplicatedKeysInMapping(duplicates, context):
                return "duplicate \(duplicates.first ?? "?") at \(context.mark)"
            default:
                return "other \(error)"
            }
        } catch {
            return "other \(error)"
        }
    }

    static func describe(_ result: Result<(tree: YAMLTree, root: YAMLNode?), YAMLComposer.Failure>) -> String {
        switch result {
        case .success(let (tree, root)): return root.map { describe($0, in: tree) } ?? "no document"
        case .failure(.syntax(let context, let problem, let mark)):
            return "error \(context.map { "\($0.text) at \($0.mark), " } ?? "")\(problem) at \(mark)"
        case .failure(.reader(let problem, let offset)): return "reader \(problem) at \(offset.map(String.init) ?? "?")"
        case .failure(.duplicateKey(let key, let mark)): return "duplicate \(key) at \(mark)"
        case .failure(let other): return "other \(other)"
        }
    }

    /// The composer's tree in the lines `describe(_: Node)` writes. Reading a Yams node's tag
    /// resolves it for good, which an aliased node's second visit shows in `bool`; so reading the
    /// tag here stores the resolved one, as `YAMLTree.resolve` does for keys.
    static func describe(_ root: YAMLNode, in composed: YAMLTree) -> String {
        var tree = composed
        var out = ""
        func walk(_ node: YAMLNode, _ depth: Int) {
            let head = String(repeating: " ", count: depth) + "\(Mark(line: tree.line(node), column: tree.column(node))) "
            switch tree.kind(node) {
            case .scalar:
                let bool = tree.bool(node).map { "\($0)" } ?? "-"
                let style = Node.Scalar.Style(rawValue: UInt32(tree.style(node)))!
                out += head + "scalar \(tree.text(node).debugDescription) style \(style) bool \(bool) tag \(tree.tagName(tree.resolvedTag(node)))\n"
                tree.resolve(node)
            case .mapping:
                let style = Node.Mapping.Style(rawValue: UInt32(tree.style(node)))!
                out += head + "mapping style \(style) tag \(tree.tagName(tree.resolvedTag(node)))\n"
                tree.resolve(node)
                for i in 0..<tree.pairCount(node) { walk(tree.key(node, i), depth + 1); walk(tree.value(node, i), depth + 2) }
            case .sequence:
                let style = Node.Sequence.Style(rawValue: UInt32(tree.style(node)))!
                out += head + "sequence style \(style) tag \(tree.tagName(tree.resolvedTag(node)))\n"
                tree.resolve(node)
                for item in tree.children(node) { walk(item, depth + 1) }
            }
        }
        walk(root, 0)
        return out
    }

    /// A node and everything under it, in one line per node. `bool` is read before `tag`, since
    /// asking for the tag resolves it, which can change what `bool` reads of an aliased node.
    static func describe(_ node: Node) -> String {
        var out = ""
        func walk(_ node: Node, _ depth: Int) {
            let head = String(repeating: " ", count: depth) + "\(node.mark.map { "\($0)" } ?? "-") "
            switch node {
            case .scalar(let s):
                let bool = node.bool.map { "\($0)" } ?? "-"
                out += head + "scalar \(s.string.debugDescription) style \(s.style) bool \(bool) tag \(node.tag.rawValue)\n"
            case .mapping(let m):
                out += head + "mapping style \(m.style) tag \(node.tag.rawValue)\n"
                for (k, v) in m { walk(k, depth + 1); walk(v, depth + 2) }
            case .sequence(let s):
                out += head + "sequence style \(s.style) tag \(node.tag.rawValue)\n"
                for item in s { walk(item, depth + 1) }
            case .alias:
                out += head + "alias\n"
            }
        }
        walk(node, 0)
        return out
    }

    /// Every case file and config (.yml) and the front matter of every Markdown file, in the
    /// test fixtures and the example portal.
    static func fixtureTexts() -> [String] {
        var out: [String] = []
        for folder in [Fixtures.root, Fixtures.packageRoot.appendingPathComponent("content")] {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["yml", "yaml", "md"].contains(url.pathExtension) {
                guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else { continue }
                if url.pathExtension != "md" {
                    out.append(text)
                } else {
                    var ignored: [Diagnostic] = []
                    if let yaml = FrontMatterFile.split(text, file: url.lastPathComponent, into: &ignored)?.yaml { out.append(yaml) }
                }
            }
        }
        return out
    }

    /// Seeded edits of the texts: a character dropped, doubled, or one of YAML's indicators put in.
    static func mutants(of texts: [String], count: Int) -> [String] {
        var random = SeededRandom(seed: 12)
        let inserts: [String] = [":", " ", "\n", "-", "[", "]", "{", "}", ",", "&a ", "*a", "'", "\"", "#", "\t", "? ", "|", ">", "!", "%", "@", "<<: *a\n", "\u{0}"]
        let sources = texts.filter { !$0.isEmpty }
        return (0..<count).map { _ in
            var chars = Array(sources[Int(random.next() % UInt64(sources.count))])
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = Int(random.next() % UInt64(chars.count + 1))
                switch random.next() % 3 {
                case 0 where at < chars.count: chars.remove(at: at)
                case 1 where at < chars.count: chars.insert(chars[at], at: at)
                default: chars.insert(contentsOf: inserts[Int(random.next() % UInt64(inserts.count))], at: at)
                }
            }
            return String(chars)
        }
    }

    /// Past a limit before libYAML's first error, the limit is what is reported, even after an
    /// earlier error of the composer's; libYAML's error before it wins.
    @Test(arguments: [
        ("a: 1\na: 2\n" + bomb, "aliases"),
        ("a: *undefined\n" + bomb, "aliases"),
        ("a: 1\n---\n" + bomb, "aliases"),
        (bomb + "x: [\n", "aliases"),
        ("x: [\n" + bomb, "invalid YAML: did not find expected ',' or ']'"),
        ("x:\n  a: 1\n  a: 2\nb: [\n", "key 'a' appears twice"),
        ("a: 1\na: 2\nb: [\n", "invalid YAML: did not find expected node content"),
        ("x:\n  a: 1\n  a: 2\ny: " + String(repeating: "[", count: 101), "lists and mappings nest"),
        (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), nil),
    ] as [(String, String?)])
    func limitsWin(text: String, message: String?) {
        var diagnostics: [Diagnostic] = []
        var doc = YAMLDocument(file: "x.yml", lineOffset: 0)
        let node = doc.parse(text, into: &diagnostics)
        if let message {
            #expect(node == nil && diagnostics.count == 1 && diagnostics[0].message.hasPrefix(message), "\(diagnostics)")
        } else {
            #expect(node != nil && diagnostics.isEmpty)
        }
    }

    /// Ten values, each list of ten aliases repeating the last: 11, 111, 1,111, then past 10,000.
    static let bomb = """
        l0: &l0 [x, x, x, x, x, x, x, x, x, x]
        l1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]
        l2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]
        l3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]

        """

    /// The hand-written resolver against the resolver's regular expressions, on every short
    /// string over the characters the patterns care about, and on seeded longer ones.
    @Test func plainScalarsResolveAsTheRegularExpressionsDo() {
        let alphabet: [String] = ["0", "1", "5", "7", "9", "_", ":", "x", "b", "o", "a", "F", "+", "-", "~", "<", "n", "u", "l", "N",
                                  "t", "T", "r", "e", "y", "s", "f", "O", "\n", "\r", " ", "é", "\u{85}", "\u{2028}", "\u{0B}"]
        var strings: [String] = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
                                 "off", "Off", "OFF", "yEs", "tRUE", "null", "Null", "NULL", "nULL", "~", "", "<<", "<<<", "=",
                                 "0x_", "0b_", "0o", "0o_", "-0", "+0x1f", "1:59", "1:5:9", "12:345", "0:1", "-1_0:0", "true\n", "true\r\n",
                                 "null\u{2029}", "12\n\n", "\n", "\r\n", "<<\u{0C}"]
        var random = SeededRandom(seed: 7)
        for a in alphabet { strings.append(a); for b in alphabet { strings.append(a + b) } }
        for _ in 0..<30_000 {
            strings.append((0..<(1 + Int(random.next() % 7))).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined())
        }
        var mismatches: [String] = []
        for s in strings {
            let expected = Node(s, Tag(.implicit, YAMLDocument.resolver)).tag.rawValue
            var copy = s
            let got = copy.withUTF8 { ScalarTags.resolve($0) }.rawValue
            if got != expected { mismatches.append("\(s.debugDescription): \(got) instead of \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    /// `Mark` has no public initializer in Yams; the one made here must read back as written.
    @Test func marksReadBackAsWritten() throws {
        let mark = Mark(line: 3, column: 7)
        #expect(mark.line == 3 && mark.column == 7 && mark.description == "3:7")
        let yams = try #require(try compose(yaml: "a:\n  b: c\n")?.mapping?.first?.value.mapping?.first?.value.mark)
        let (tree, root) = try YAMLComposer.compose("a:\n  b: c\n").get()
        let inner = tree.value(tree.value(try #require(root), 0), 0)
        let ours = Mark(line: tree.line(inner), column: tree.column(inner))
        #expect((ours.line, ours.column) == (yams.line, yams.column) && (ours.line, ours.column) == (2, 6))
    }
}
