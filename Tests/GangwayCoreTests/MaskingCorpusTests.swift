import Foundation
import Testing
import GangwayTestSupport
@testable import GangwayCore

/// The masking corpus through the real pipeline: a site whose case files put every line of
/// `MaskingCorpus` into every free-text field (clinic and office names, region, notes, step
/// notes) and every person's name, title and role. With `publish_emails: false` no output file
/// holds any of it; with `true` the pages do (so the test can fail) but status.json still does not.
@Suite struct MaskingCorpusTests {
    static func yaml(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func corpusSite(publish: Bool) throws -> URL {
        let source = try Fixtures.copySite("basic")
        var files = ["gangway.yml": "title: Corpus\nbase_url: https://fixture.example/\ndashboard: true\npublish_emails: \(publish)\n"]
        for (k, line) in MaskingCorpus.lines.enumerated() {
            let q = yaml(line)
            files["content/clinics/corpus-\(k).yml"] = """
                clinic: \(yaml("Clinic " + line))
                guide: demo
                office_name: \(q)
                region: \(q)
                signatory: {name: \(q), title: \(q), email: zqsig\(k)@clinic.example, phone: \(q)}
                ocean_contact: {name: \(q), title: \(q), email: zqoc\(k)@ocean.example, phone: 416-555-7399}
                providers:
                  - {name: \(q), email: zqprov\(k)@clinic.example, role: \(q)}
                  - {name: \(yaml("Dr. " + line)), email: zqsig\(k)@clinic.example, role: \(yaml("physician, " + line))}
                notes: |
                  \(line)

                  - \(line)
                  - **\(line)**

                  > \(line)
                steps:
                  request: {status: blocked, note: \(q)}
                  sign-contract: {status: waiting, since: 2026-11-01, note: \(q)}

                """
        }
        try SafetySite.write(files, into: source)
        return source
    }

    /// What must not appear: the corpus's own needles, the people's address fields, the phone field.
    static func needles() -> [String] {
        var out = MaskingCorpus.allNeedles + ["7399"]
        for k in MaskingCorpus.lines.indices { out += ["zqsig\(k)@", "zqoc\(k)@", "zqprov\(k)@"] }
        return out
    }

    @Test(arguments: [false, true])
    func noContactReachesAnyOutputFile(publish: Bool) throws {
        let source = try Self.corpusSite(publish: publish)
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let report = SafetySite.build(source, into: output)
        #expect(report.succeeded, "\(SafetySite.text(report))")
        let tree = Fixtures.tree(output)
        #expect(tree.keys.filter { $0.hasPrefix("clinics/corpus-") && $0.hasSuffix("/index.html") }.count == MaskingCorpus.lines.count)
        var statusFiles = 0
        for (path, data) in tree.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix("status.json") {
                statusFiles += 1
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is not valid JSON")
                #expect(SiteAudit.contacts(inJSON: data).isEmpty, "\(path) holds \(SiteAudit.contacts(inJSON: data))")
                for needle in Self.needles() where text.contains(needle) || Self.decodedStrings(data).contains(where: { $0.contains(needle) }) {
                    Issue.record("\(path) holds \(needle.debugDescription) with publish_emails \(publish)")
                }
            } else if !publish {
                for needle in Self.needles() where text.contains(needle) {
                    Issue.record("\(path) holds \(needle.debugDescription)")
                }
                if path.hasSuffix(".html") || path.hasSuffix(".json") {
                    #expect(SiteAudit.contacts(in: text).isEmpty, "\(path) holds \(SiteAudit.contacts(in: text))")
                }
            }
        }
        let clinicPages = tree.keys.filter { $0.hasPrefix("clinics/") && $0.hasSuffix("/index.html") }.count
        #expect(statusFiles == clinicPages + (tree["status.json"] == nil ? 0 : 1) && statusFiles > MaskingCorpus.lines.count)
        if publish {
            // The control: published, every needle is on its clinic's page, so the scan above can fail.
            for (k, line) in MaskingCorpus.lines.enumerated() {
                let page = String(decoding: tree["clinics/corpus-\(k)/index.html"] ?? Data(), as: UTF8.self)
                for needle in MaskingCorpus.needles(in: line) + ["zqsig\(k)@"] {
                    #expect(page.contains(needle), "\(needle) is not on corpus-\(k)'s page with publish_emails true")
                }
            }
        } else {
            let page = String(decoding: tree["clinics/corpus-0/index.html"] ?? Data(), as: UTF8.self)
            #expect(page.contains("z\u{2022}\u{2022}\u{2022}@clinic.example"), "the signatory's address is not shown masked")
            #expect(page.contains("2026-11-01"), "a date was taken for a phone number")
        }
    }

    /// Every string of a JSON document, escapes decoded.
    static func decodedStrings(_ data: Data) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: data) else { return [] }
        var out: [String] = []
        func walk(_ v: Any) {
            if let s = v as? String { out.append(s) }
            if let a = v as? [Any] { a.forEach(walk) }
            if let d = v as? [String: Any] { d.values.forEach(walk) }
        }
        walk(value)
        return out
    }
}

/// Contact details in every form the masking must catch, each with a distinctive part that must
/// not survive: the local part of an address, the last group of a number.
enum MaskingCorpus {
    static let lines: [String] = [
        "Direct line 416-555-7301",
        "en dash 416\u{2013}555\u{2013}7302",
        "em dash 416\u{2014}555\u{2014}7303",
        "minus 416\u{2212}555\u{2212}7304",
        "figure dash 416\u{2012}555\u{2012}7305",
        "hyphen 416\u{2010}555\u{2010}7306",
        "dots 416.555.7307",
        "spaces 416 555 7308",
        "nbsp 416\u{A0}555\u{A0}7309",
        "thin 416\u{2009}555\u{2009}7310",
        "slash 416/555/7311",
        "underscore 416_555_7312",
        "comma 416,555,7313",
        "parens (416) 555-7314",
        "country +1 416 555 7315",
        "fullwidth \u{FF14}\u{FF11}\u{FF16}\u{FF15}\u{FF15}\u{FF15}\u{FF17}\u{FF13}\u{FF11}\u{FF16}",
        "zero width 416\u{200B}555\u{200B}7317",
        "run 4165557318",
        "zqplain19@clinic.example",
        "mail [desk](mailto:zqlink20@clinic.example)",
        "encoded [desk](mailto:zqpct21%40clinic.example)",
        "fullwidth at zqfull22\u{FF20}clinic.example",
        "autolink <zqauto23@clinic.example>",
        "escaped zqesc24\\@clinic.example",
        "obfuscated zqobf25 (at) clinic.example",
        "tel link [call](<tel:416 555 7326>)",
    ]

    /// The parts of `line` that must not appear once it is redacted.
    static func needles(in line: String) -> [String] {
        var out: [String] = []
        for word in line.split(whereSeparator: { " ()[]<>:\\".contains($0) }) where word.lowercased().hasPrefix("zq") {
            out.append(String(word.prefix { $0 != "@" && $0 != "%" && $0 != "\u{FF20}" && $0 != "\\" }))
        }
        if let r = line.range(of: #"73\d\d$|73\d\d\b"#, options: .regularExpression) { out.append(String(line[r])) }
        if line.hasPrefix("fullwidth \u{FF14}") { out.append("\u{FF17}\u{FF13}\u{FF11}\u{FF16}") }
        return out
    }

    static var allNeedles: [String] { lines.flatMap(needles) }
}
