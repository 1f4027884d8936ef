import Foundation
import Testing
import GangwayMustache
import GangwayMustacheTestSupport

/// Both engines, byte for byte: the built-in theme with a realistic clinic context and with
/// contexts generated from the names its templates use, and thousands of random templates.
@Suite struct DifferentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let theme = themeSources(root: root)
    static let clinicContext = (try? JSONValue.context(at: root.appendingPathComponent("Tests/GangwayMustacheTests/Fixtures/clinic-context.json"))) ?? .null

    @Test func theClinicPageIsIdentical() throws {
        let library = try TemplateLibrary.compile(Self.theme).get()
        let ours = try library.render("clinic", Self.clinicContext)
        #expect(ours.contains("Lakeshore FHT – Main"), "the realistic context did not load")
        #expect(ours == SwiftMustacheBridge.render(Self.theme, "clinic", Self.clinicContext))
    }

    /// Every page template of the theme, with 40 contexts each built from the names it uses.
    @Test(arguments: theme.filter { !$0.file.contains("partials/") }.map(\.name))
    func everyThemeTemplateIsIdentical(_ name: String) throws {
        let library = try TemplateLibrary.compile(Self.theme).get()
        let names = ThemeNames(Self.theme, start: name)
        var random = SeededRandom(seed: 0x6761_6E67_7761_79)
        for round in 0..<40 {
            let context = names.context(&random)
            let ours = try library.render(name, context)
            let theirs = SwiftMustacheBridge.render(Self.theme, name, context)
            #expect(ours == theirs, "\(name), context \(round): \(firstDifference(ours, theirs ?? "(refused)"))")
            if ours != theirs { break }
        }
    }

    @Test func randomTemplatesAreIdentical() throws {
        var generator = RandomTemplates(random: SeededRandom(seed: 20_261_202))
        var same = 0, bothRefused = 0
        var failures: [String] = []
        for round in 0..<3_000 {
            let (sources, context) = generator.makeCase()
            let theirs = SwiftMustacheBridge.render(sources, "main", context)
            switch TemplateLibrary.compile(sources) {
            case .success(let library):
                let ours = try library.render("main", context)
                if ours == theirs { same += 1; continue }
                failures.append("case \(round): ours \(ours.debugDescription), swift-mustache's \(theirs.debugDescription)")
            case .failure(let errors):
                if theirs == nil { bothRefused += 1; continue }
                failures.append("case \(round): ours refused (\(errors.map(\.description))), swift-mustache rendered it")
            }
            if failures.count <= 60, ProcessInfo.processInfo.environment["SHOW_DIFFERENCES"] != nil {
                print("=== case \(round)")
                for source in sources { print("--- \(source.name): \(source.text.debugDescription)") }
                print(failures[failures.count - 1])
            }
        }
        print("differential: \(same) random cases identical, \(bothRefused) refused by both, \(failures.count) differ")
        #expect(same > 2_500)
        #expect(failures.isEmpty, "\(failures.prefix(3).joined(separator: "\n"))")
    }
}

/// Where two renderings part, with some text of each from there.
func firstDifference(_ a: String, _ b: String) -> String {
    let a = Array(a.utf8), b = Array(b.utf8)
    let i = zip(a, b).prefix { $0 == $1 }.count
    let show = { (x: [UInt8]) in String(decoding: x[max(0, i - 80)..<min(x.count, i + 80)], as: UTF8.self).debugDescription }
    return "at byte \(i): ours \(show(a)), swift-mustache's \(show(b))"
}

/// The names the theme's templates use, as a tree of the sections they stand in (partials and
/// parents scanned where they are called), to build contexts shaped like Gangway's.
struct ThemeNames {
    final class Scope {
        var variables: Set<String> = []
        var sections: [String: Scope] = [:]
        func section(_ name: String) -> Scope {
            if let s = sections[name] { return s }
            let s = Scope()
            sections[name] = s
            return s
        }
    }

    let root = Scope()
    /// Every name interpolated anywhere: a lookup can climb to any scope, so none of these may
    /// be a list or an object, which swift-mustache would print with `String(describing:)`.
    private(set) var interpolated: Set<String> = []

    init(_ sources: [TemplateSource], start: String) {
        let texts = Dictionary(sources.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
        scan(start, texts, [root], depth: 0)
    }

    private mutating func scan(_ name: String, _ texts: [String: String], _ start: [Scope], depth: Int) {
        guard depth < 6, let text = texts[name] else { return }
        var stack = start
        for match in text.matches(of: /\{\{([#^\/{&<>$!]?)\s*([A-Za-z0-9_.?-]*)[^}]*\}?\}\}/) {
            let sigil = match.1, name = String(match.2)
            switch sigil {
            case "!", "$": continue
            case ">", "<": scan(name, texts, stack, depth: depth + 1)
            case "/":
                if stack.count > start.count, !name.hasPrefix("layout") { stack.removeLast() }
            case "#", "^":
                var scope = stack[stack.count - 1]
                for part in name.split(separator: ".") { scope = scope.section(String(part)) }
                stack.append(scope)
            default:
                let parts = name.split(separator: ".").map(String.init)
                guard !parts.isEmpty else { continue }
                var scope = stack[stack.count - 1]
                for part in parts.dropLast() { scope = scope.section(part) }
                scope.variables.insert(parts[parts.count - 1])
                interpolated.insert(parts[parts.count - 1])
            }
        }
    }

    func context(_ random: inout SeededRandom) -> MustacheValue { value(root, &random, depth: 0) }

    /// Sections get booleans, null, lists (empty too) and objects; variables get text with every
    /// escaped character, numbers and null. A name also interpolated (`{{#region}} · {{region}}`)
    /// gets booleans, null, text or numbers only.
    private func value(_ scope: Scope, _ random: inout SeededRandom, depth: Int) -> MustacheValue {
        var object = MustacheObject()
        for name in scope.variables.sorted() where scope.sections[name] == nil && random.chance(85) {
            object[name] = random.pick([.null, .int(0), .int(42), .string("a & b <c> \"d\" 'e' Zoë"), .string(""), .string("https://example.org/?a=1&b=2")])
        }
        for (name, child) in scope.sections.sorted(by: { $0.key < $1.key }) where random.chance(90) {
            if interpolated.contains(name) || child.variables.isEmpty && child.sections.isEmpty {
                object[name] = random.pick([true, false, .null, .int(0), .string("x & y"), .string("")])
                continue
            }
            switch random.below(depth < 4 ? 6 : 3) {
            case 0: object[name] = true
            case 1: object[name] = false
            case 2: object[name] = random.chance(50) ? .null : []
            case 3: object[name] = value(child, &random, depth: depth + 1)
            default: object[name] = .list((0..<(1 + random.below(3))).map { _ in value(child, &random, depth: depth + 1) })
            }
        }
        return .object(object)
    }
}
