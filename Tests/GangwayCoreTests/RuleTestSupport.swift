import Foundation
import GangwayTestSupport
import Testing
@testable import GangwayCore

/// One row of a rule table: a few files over the clean base site, and every diagnostic the
/// site must then give, as `file:line:column: severity: message`, in order.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let name: String
    let files: [String: String]
    let expected: [String]
    var environment: [String: String]? = nil
    var strict = false

    var testDescription: String { name }

    /// A case whose only changed file is the case file `content/clinics/lakeshore.yml`.
    static func clinic(_ name: String, _ yaml: String, _ expected: [String]) -> RuleCase {
        RuleCase(name: name, files: [RuleSite.clinicFile: yaml], expected: expected)
    }
}

/// A small clean site (the corpus' accuro guide, one complete-so-far clinic) that each rule row
/// changes, loaded and checked in-process through `SiteLoader` and `Validator`, as `check` does.
enum RuleSite {
    static let today = Day(iso: "2026-11-05")!
    static let clinicFile = "content/clinics/lakeshore.yml"

    /// The first seven lines of a clean case file; steps follow from line 8.
    static let head = """
        clinic: Lakeshore Family Health Team
        guide: accuro
        office_name: Lakeshore FHT
        signatory: {name: Dr. Amara Singh, email: asingh@lakeshore.example}
        ocean_contact: {name: Priya Raman, email: priya@ocean.example}
        providers:
          - {name: Dr. Amara Singh, email: asingh@lakeshore.example}

        """

    static let base: [String: String] = [
        "gangway.yml": "title: Rules\n",
        "content/guides/accuro/guide.md": "---\ntitle: Accuro integration\nemr: Accuro\n---\nConnect Accuro to Ocean.\n",
        "content/guides/accuro/01-check-existing-access.md": "---\ntitle: Check for existing API access\nowner: clinic\n---\nLook for a link.\n",
        "content/guides/accuro/02-request-contract.md":
            "---\ntitle: Request a contract\nowner: clinic\nrequires: [signatory, providers, office_name]\nskip_if_existing_link: true\n---\nSend the form.\n",
        "content/guides/accuro/03-sign-contract.md":
            "---\ntitle: Sign the contract\nowner: clinic\nwait_days: 7\nwait_for: QHR sends the contract\nrequires: [signatory]\nskip_if_existing_link: true\n---\nSign it.\n",
        "content/guides/accuro/04-complete-integration.md":
            "---\ntitle: Complete the Ocean integration\nowner: ocean\nrequires: [ocean_contact]\n---\nOcean completes it.\n",
        clinicFile: head + "steps:\n  check-existing-access: {status: done, done: 2026-10-01}\n",
    ]

    /// The diagnostics of the base site with `files` written over it (an empty text removes the file).
    static func diagnostics(_ files: [String: String], environment: [String: String]? = nil, strict: Bool = false) throws -> [Diagnostic] {
        let root = try FileTree.temporaryFolder("rules")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in base.merging(files, uniquingKeysWith: { _, new in new }) where !text.isEmpty {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let options = BuildOptions(source: root, today: .fixed(today), strict: strict, environment: environment ?? [:])
        return Builder.check(options).0.diagnostics
    }

    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        // The formatter's own text, one line each, so a rule row reads as the terminal does.
        diagnostics.map { String(DiagnosticFormatter.text([$0]).prefix { $0 != "\n" }) }
    }

    static func expect(_ row: RuleCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let got = lines(try diagnostics(row.files, environment: row.environment, strict: row.strict))
        #expect(got == row.expected, "\(row.name)", sourceLocation: sourceLocation)
    }
}

/// `L:C: severity: message` in the case file.
func clinicAt(_ line: Int, _ column: Int, _ severity: String, _ message: String) -> String {
    "\(RuleSite.clinicFile):\(line):\(column): \(severity): \(message)"
}
