import Foundation
import Testing
@testable import GangwayCore
import GangwayMustache

/// docs/reference.md against the code: every key table, marked `<!-- keys: <id> -->`, lists
/// exactly the keys of the `KeyTable` with that id, and each loader's unknown-key check uses that
/// table; the lists the rules use (statuses, requirements, roles, credential words, import
/// columns, the name limit) are printed as the code has them.
@Suite struct ReferenceDocTests {
    static let reference = Fixtures.packageRoot.appendingPathComponent("docs/reference.md")

    static func text() throws -> String { try String(contentsOf: reference, encoding: .utf8) }

    /// The first cell of each body row of the table that follows `marker`, backticks removed.
    static func firstColumn(after marker: String, in text: String) -> [String]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: marker) else { return nil }
        let rows = lines[(start + 1)...].prefix { $0.hasPrefix("|") }.dropFirst(2)
        return rows.map { row in
            let cell = row.dropFirst().prefix { $0 != "|" }
            return cell.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        }
    }

    /// What a documented list and the code's list disagree on, in words; empty when they agree.
    static func disagreement(documented: [String], read: [String]) -> [String] {
        read.filter { !documented.contains($0) }.map { "read but not documented: '\($0)'" }
            + documented.filter { !read.contains($0) }.map { "documented but not read: '\($0)'" }
            + Dictionary(grouping: documented, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().map { "documented twice: '\($0)'" }
    }

    @Test(arguments: KeyTable.all.map(\.id))
    func keyTableMatchesTheCode(id: String) throws {
        let table = try #require(KeyTable.all.first { $0.id == id })
        let documented = try #require(Self.firstColumn(after: "<!-- keys: \(id) -->", in: try Self.text()),
                                      "docs/reference.md has no table marked <!-- keys: \(id) -->")
        #expect(Self.disagreement(documented: documented, read: table.keys) == [])
    }

    @Test func everyDocumentedKeyTableIsAFileKindTheCodeReads() throws {
        let ids = try Self.text().split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("<!-- keys: "), line.hasSuffix(" -->") else { return nil }
            return String(line.dropFirst("<!-- keys: ".count).dropLast(" -->".count))
        }
        #expect(ids.sorted() == KeyTable.all.map(\.id).sorted())
    }

    @Test(arguments: [
        ("statuses", StepStatus.allCases.map(\.rawValue)),
        ("requirements", Requirement.allCases.map(\.rawValue)),
        ("non-provider-roles", NonProviderRoles.builtIn),
        ("credentials", CredentialScan.words),
        ("import-columns", SpreadsheetImporter.columns),
    ])
    func listMatchesTheCode(id: String, read: [String]) throws {
        let documented = try #require(Self.firstColumn(after: "<!-- list: \(id) -->", in: try Self.text()),
                                      "docs/reference.md has no table marked <!-- list: \(id) -->")
        #expect(Self.disagreement(documented: documented, read: read) == [])
    }

    /// Every limit docs/reference.md states, marked `<!-- limit: id -->value<!-- /limit -->`, is
    /// the value the code enforces.
    @Test(arguments: [
        ("name-characters", NameLimits.characters),
        ("yaml-aliases", YAMLLimits.aliasExpansion),
        ("yaml-nesting", YAMLLimits.nesting),
        ("template-nesting", MustacheLimits.nesting),
        ("template-render-depth", MustacheLimits.renderDepth),
        ("template-expansions", MustacheLimits.expansions),
    ])
    func limitMatchesTheCode(id: String, value: Int) throws {
        let text = try Self.text()
        let open = "<!-- limit: \(id) -->"
        let start = try #require(text.range(of: open), "docs/reference.md does not mark the limit \(id)")
        let end = try #require(text.range(of: "<!-- /limit -->", range: start.upperBound..<text.endIndex))
        #expect(Int(text[start.upperBound..<end.lowerBound]) == value)
    }

    /// An unknown key far from every known one gets the full list of known keys in its hint:
    /// the list the loader really checks against, which must be the table's.
    @Test(arguments: [
        ("config", "gangway.yml", "title: Rules\nqqqqqqqqqq: 1\n"),
        ("guide", "content/guides/accuro/guide.md", "---\ntitle: Accuro integration\nqqqqqqqqqq: 1\n---\nConnect.\n"),
        ("step", "content/guides/accuro/01-check-existing-access.md", "---\ntitle: Check\nowner: clinic\nqqqqqqqqqq: 1\n---\nLook.\n"),
        ("case-file", RuleSite.clinicFile, RuleSite.head + "qqqqqqqqqq: 1\n"),
        ("step-record", RuleSite.clinicFile, RuleSite.head + "steps:\n  check-existing-access: {status: done, done: 2026-10-01, qqqqqqqqqq: 1}\n"),
        ("person", RuleSite.clinicFile, "clinic: Lakeshore\nguide: accuro\nsignatory: {name: Dr. Amara Singh, qqqqqqqqqq: 1}\n"),
        ("page", "content/pages/faq.md", "---\ntitle: Questions\nqqqqqqqqqq: 1\n---\nAsk.\n"),
    ])
    func loaderChecksKeysAgainstTheTable(id: String, file: String, text: String) throws {
        let table = try #require(KeyTable.all.first { $0.id == id })
        let unknown = try RuleSite.diagnostics([file: text]).filter { $0.message.hasPrefix("unknown key 'qqqqqqqqqq'") }
        #expect(unknown.count == 1)
        #expect(unknown.first?.location.file == file)
        #expect(unknown.first?.hint == "the keys it may have: \(table.keys.joined(separator: ", "))")
    }

    @Test func disagreementNamesBothDirections() {
        #expect(Self.disagreement(documented: ["a", "b", "b"], read: ["a", "c"])
                    == ["read but not documented: 'c'", "documented but not read: 'b'", "documented but not read: 'b'", "documented twice: 'b'"])
        #expect(Self.firstColumn(after: "<!-- keys: x -->", in: "<!-- keys: x -->\n| key | type |\n| --- | --- |\n| `a` | text |\n| b | list |\n\nafter\n") == ["a", "b"])
    }

    // MARK: template variables

    static let pageKinds = ["home", "guide", "clinic", "page", "404", "dashboard", "reports"]

    /// The first two cells of each body row of the table that follows `marker`, backticks removed
    /// from the first; none when the marker stands before no table.
    static func rows(after marker: String, in text: String) -> [(name: String, meaning: String)]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: marker) else { return nil }
        return lines[(start + 1)...].prefix { $0.hasPrefix("|") }.dropFirst(2).map { row in
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells.count > 2 ? cells[2] : "")
        }
    }

    /// Every variable a value holds, as the reference names them: `a.b` for a key inside a value,
    /// `a[].b` for a key of a list's entries.
    static func variables(_ value: MustacheValue, prefix: String = "", into found: inout Set<String>) {
        switch value {
        case .object(let object):
            for key in object.keys {
                let name = prefix.isEmpty ? key : prefix + "." + key
                found.insert(name)
                variables(object[key]!, prefix: name, into: &found)
            }
        case .list(let items):
            for item in items { variables(item, prefix: prefix + "[]", into: &found) }
        case .null, .bool, .int, .double, .string:
            break
        }
    }

    /// A row that says its value has "the keys of `x`" documents its keys by x's: `clinic.today.iso`
    /// is `today.iso`, and `groups[].clinics[].name` is `clinics[].name`.
    static func resolve(_ name: String, aliases: [String: String]) -> String {
        var name = name
        while let (from, to) = aliases.first(where: { name.hasPrefix($0.key + ".") || name.hasPrefix($0.key + "[]") }) {
            name = to + name.dropFirst(from.count)
        }
        return name
    }

    /// docs/reference.md's template variables against the values the example portal's pages
    /// really get (published and previewed): every variable produced is documented for its page
    /// kind (or for every page), and every one documented is produced.
    @Test func templateVariablesMatchTheContexts() throws {
        let text = try Self.text()
        var produced: [String: Set<String>] = [:]
        for liveReload in [false, true] {
            let built = try PageContexts.build(Fixtures.packageRoot, today: "2026-11-29", liveReload: liveReload)
            for page in built.pages { Self.variables(page.context, into: &produced[page.kind, default: []]) }
        }
        #expect(Set(produced.keys) == Set(Self.pageKinds))
        let frame = try #require(Self.rows(after: "<!-- template-variables: every page -->", in: text), "no table for every page")
        var documentedAnywhere = Set<String>()
        var producedAnywhere = Set<String>()
        for kind in Self.pageKinds {
            let own = try #require(Self.rows(after: "<!-- template-variables: \(kind) -->", in: text), "no table for \(kind) pages")
            let rows = frame + own
            let documented = rows.map(\.name)
            let aliases = Dictionary(rows.compactMap { row -> (String, String)? in
                guard let match = row.meaning.firstMatch(of: /with the keys of `([^`]+)`/) else { return nil }
                return (row.name, String(match.1))
            }, uniquingKeysWith: { a, _ in a })
            let read = Set((produced[kind] ?? []).map { Self.resolve($0, aliases: aliases) })
            producedAnywhere.formUnion(read)
            #expect(Self.disagreement(documented: own.map(\.name), read: read.filter { !frame.map(\.name).contains($0) }.sorted()) == [],
                    "\(kind) pages")
            for name in documented { documentedAnywhere.insert(name) }
        }
        #expect(Self.disagreement(documented: frame.map(\.name), read: frame.map(\.name).filter(producedAnywhere.contains)) == [],
                "every page")
        #expect(documentedAnywhere.count > 150)
    }

    @Test func variablesAreNamedThroughListsAndObjects() {
        var found = Set<String>()
        Self.variables(["a": ["b": 1, "c": [["d": .null], ["e": "x"]]], "f": []], into: &found)
        #expect(found == ["a", "a.b", "a.c", "a.c[].d", "a.c[].e", "f"])
        #expect(Self.resolve("x.since.iso", aliases: ["x.since": "today"]) == "today.iso")
        #expect(Self.resolve("g[].c[].d.iso", aliases: ["g[].c": "c", "c[].d": "today"]) == "today.iso")
    }
}
