import GangwayMustache
import GangwayMustacheTestSupport

/// Random templates and contexts in the part of Mustache where swift-mustache 2.x and the spec
/// agree, so both engines must give the same bytes. Names are typed: scalar names only ever
/// hold text, numbers, booleans or null (swift-mustache prints a list or object it interpolates
/// with `String(describing:)`), and `{{.}}` only stands directly inside `{{#tags}}`, a list of
/// scalars. Indented partials hold no sections and end with a newline, and block and override
/// lines are not indented: those are where swift-mustache's indentation differs from the spec's.
/// A section or block is either on lines of its own, open and close, or inline with text on
/// both sides of both tags: swift-mustache takes a line after `{{/x}}` to start where `{{#x}}`'s
/// did (standalone or not), where the spec looks at the line itself.
struct RandomTemplates {
    var random: SeededRandom

    static let scalars = ["name", "title", "n", "flag", "note"]
    static let containers = ["items", "tags", "obj", "kids"]
    static let dotted = ["obj.name", "obj.n", "obj.obj.title", "obj.flag", "items.name", "obj.missing", "none.name"]
    static let texts = ["text", " ", "  ", "\n", "\n\n", "a & b", "<p>", "</p>\n", "\"q\"", "it's", "é", "日本語", "—", " x ", "\t", "\r\n", "{ ", "}", "=", "#"]
    /// swift-mustache refuses a template whose last character is a lone `{`.
    static let end = "."
    static let strings = ["", "plain", "a & b", "<b>bold</b>", "\"quoted\"", "it's", "Zoë", "日本", "&amp;", "x < y > z", " spaced "]

    /// A case: the templates (`main`, partials `p1`…`p3`, parent `layout`) and a context.
    mutating func makeCase() -> (sources: [TemplateSource], context: MustacheValue) {
        var sources: [TemplateSource] = []
        // p3 calls nothing, p2 may call p3, p1 may call p2 or p3: no cycles.
        for (i, name) in ["p3", "p2", "p1"].enumerated() {
            let callable = Array(["p2", "p3"].suffix(i))
            let simple = random.chance(40)
            let text = simple ? simpleLines() : body(depth: 0, partials: callable, inTags: false)
            sources.append(TemplateSource(name: name, text: text + Self.end, file: "\(name).mustache"))
        }
        sources.append(TemplateSource(name: "layout", text: layout(), file: "layout.mustache"))
        let main: String
        if random.chance(30) {
            main = "{{<layout}}\n" + (0..<random.below(3)).map { _ in override() }.joined() + "{{/layout}}\n"
        } else {
            main = body(depth: 0, partials: ["p1", "p2", "p3"], inTags: false)
        }
        sources.append(TemplateSource(name: "main", text: main + Self.end, file: "main.mustache"))
        return (sources, .object(makeObject(depth: 0)))
    }

    /// Lines with no section: a partial that may be indented.
    private mutating func simpleLines() -> String {
        (0..<(1 + random.below(3))).map { _ in
            (0..<random.below(4)).map { _ in random.chance(50) ? variable() : random.pick(Self.texts.filter { !$0.contains("\n") }) }.joined() + "\n"
        }.joined()
    }

    private mutating func body(depth: Int, partials: [String], inTags: Bool) -> String {
        var out = ""
        for _ in 0..<(1 + random.below(depth == 0 ? 6 : 4)) {
            out += piece(depth: depth, partials: partials, inTags: inTags)
        }
        return out
    }

    private mutating func piece(depth: Int, partials: [String], inTags: Bool) -> String {
        switch random.below(12) {
        case 0, 1, 2: return random.pick(Self.texts)
        case 3, 4: return variable()
        case 5: return inTags ? random.pick(["{{.}}", "{{{.}}}", "{{& . }}"]) : variable()
        case 6, 7:
            guard depth < 3 else { return variable() }
            let name = random.pick(Self.scalars + Self.containers + Self.dotted)
            let sigil = random.chance(70) ? "#" : "^"
            let inner = body(depth: depth + 1, partials: partials, inTags: name == "tags" && sigil == "#")
            if random.chance(50) {
                return "\n{{\(sigil)\(name)}}\n\(inner)\n{{/\(name)}}\n"  // standalone lines
            }
            return "[{{\(sigil)\(name)}}\(inner){{/\(name)}}]"
        case 8:
            return random.pick(["{{! a comment }}", "\n{{! standalone }}\n", "\n  {{! indented }}\n"])
        case 9, 10:
            guard let partial = partials.isEmpty ? nil : random.pick(partials) else { return variable() }
            return random.chance(50) ? "{{>\(partial)}}" : "\n{{> \(partial) }}\n"
        default:
            return "\n" + random.pick(["", " ", "  "]) + variable() + "\n"
        }
    }

    private mutating func variable() -> String {
        let name = random.chance(25) ? random.pick(Self.dotted) : random.pick(Self.scalars)
        switch random.below(4) {
        case 0: return "{{{\(name)}}}"
        case 1: return "{{&\(name)}}"
        case 2: return "{{ \(name) }}"
        default: return "{{\(name)}}"
        }
    }

    private mutating func layout() -> String {
        var out = "<header>{{title}}</header>\n"
        for block in ["head", "body", "foot"] where random.chance(80) {
            let inner = random.chance(50) ? "default \(block) {{name}}" : ""
            out += random.chance(50) ? "{{$\(block)}}\(inner){{/\(block)}}\n" : "{{$\(block)}}\n\(inner)\n{{/\(block)}}\n"
        }
        if random.chance(40) { out += "{{#items}}[{{$item}}{{name}}{{/item}}]{{/items}}\n" }
        return out
    }

    private mutating func override() -> String {
        let block = random.pick(["head", "body", "foot", "item"])
        let inner = body(depth: 1, partials: ["p1", "p2", "p3"], inTags: false)
        return random.chance(50) ? "{{$\(block)}}\n\(inner)\n{{/\(block)}}\n" : "{{$\(block)}}[\(inner)]{{/\(block)}}\n"
    }

    private mutating func makeObject(depth: Int) -> MustacheObject {
        var object = MustacheObject()
        for name in Self.scalars where random.chance(70) { object[name] = scalar() }
        for name in Self.containers where depth < 3 && random.chance(depth == 0 ? 80 : 35) {
            switch name {
            case "tags": object[name] = .list((0..<random.below(4)).map { _ in scalar() })
            case "obj": object[name] = random.chance(85) ? .object(makeObject(depth: depth + 1)) : random.pick([.null, false, true])
            default: object[name] = random.chance(85) ? .list((0..<random.below(4)).map { _ in .object(makeObject(depth: depth + 1)) }) : .null
            }
        }
        return object
    }

    private mutating func scalar() -> MustacheValue {
        switch random.below(7) {
        case 0: .null
        case 1: .bool(random.chance(50))
        case 2: .int(random.pick([0, 1, 7, -3, 1_000_000]))
        default: .string(random.pick(Self.strings))
        }
    }
}
