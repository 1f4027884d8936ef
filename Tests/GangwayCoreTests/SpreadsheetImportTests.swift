import Foundation
import Testing
@testable import GangwayCore

/// `gangway import`: good and broken spreadsheets, each problem at its exact row and column,
/// and case files that the loader reads back to the same values.
@Suite struct SpreadsheetImportTests {
    struct Broken: CustomTestStringConvertible, Sendable {
        let name: String
        let csv: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let existing: Set<String> = ["lakeshore"]

    static let broken: [Broken] = [
        Broken(name: "unknown column, with a suggestion",
               csv: "clinic,regoin\nA,Ontario\n",
               expected: ["p.csv:1:2: error: unknown column 'regoin' (did you mean 'region'?)"]),
        Broken(name: "no clinic column",
               csv: "slug,region\na,Ontario\n",
               expected: ["p.csv:1:1: error: no 'clinic' column: every row needs the clinic's name"]),
        Broken(name: "missing clinic name",
               csv: "region,clinic\nOntario,\"  \"\nManitoba,B\n",
               expected: ["p.csv:2:2: error: missing clinic name"]),
        Broken(name: "bad emails",
               csv: "clinic,signatory_email,ocean_contact_email\nA,not-an-email,ok@ocean.example\nB,x@y.example,bad@\n",
               expected: ["p.csv:2:2: error: 'not-an-email' is not a valid email address",
                          "p.csv:3:3: error: 'bad@' is not a valid email address"]),
        Broken(name: "bad provider syntax and a bad provider email",
               csv: "clinic,providers\nA,\"Dr. A <a@a.example>; Dr. B b@b.example\"\nB,Dr. C <c@c>\n",
               expected: ["p.csv:2:2: error: provider 2 ('Dr. B b@b.example') is not written as Name <email>",
                          "p.csv:3:2: error: provider 1 ('Dr. C') has an email that is not valid: 'c@c'"]),
        Broken(name: "bad boolean",
               csv: "clinic,existing_cds_link\nA,maybe\nB,YES\nC,\n",
               expected: ["p.csv:2:2: error: existing_cds_link must be true, false, yes, no or empty, not 'maybe'"]),
        Broken(name: "two rows with one slug, derived or given",
               csv: "clinic,region\nSaint-Jérôme Clinic,QC\nSAINT JEROME clinic!,QC\n",
               expected: ["p.csv:3:1: error: slug 'saint-jerome-clinic' is also row 2's"]),
        Broken(name: "a slug that already has a case file",
               csv: "slug,clinic\nlakeshore,Lakeshore FHT\nok,Fine\n",
               expected: ["p.csv:2:1: error: content/clinics/lakeshore.yml already exists; it would be replaced"]),
        Broken(name: "an invalid slug, a row of the wrong length, a quoted comma that is fine",
               csv: "clinic,slug,region\n\"Smith, Jones\",Bad Slug,ON\nB,b\n\"C, \"\"the\"\" clinic\",c,ON\n",
               expected: ["p.csv:2:2: error: slug 'Bad Slug' must use only a-z, 0-9 and '-', starting with a letter or digit",
                          "p.csv:3:3: error: row has 2 fields but the header has 3"]),
        Broken(name: "a column twice",
               csv: "clinic,region,region\nA,B,C\n",
               expected: ["p.csv:1:3: error: column 'region' appears twice (first as column 2)"]),
    ]

    @Test(arguments: broken)
    func brokenSpreadsheets(_ c: Broken) {
        let (_, diagnostics) = SpreadsheetImporter.read(c.csv, file: "p.csv", exists: { Self.existing.contains($0) })
        #expect(diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" } == c.expected)
    }

    @Test(arguments: [("Lakeshore Family Health Team", "lakeshore-family-health-team"), ("Clinique Saint-Jérôme", "clinique-saint-jerome"),
                      ("  St. Mary's (North) ", "st-mary-s-north"), ("Ærø Ōtsu Ça", "r-otsu-ca"), ("☕", "")])
    func slugs(_ c: (String, String)) {
        #expect(SpreadsheetImporter.derivedSlug(c.0) == c.1)
    }

    static let good = """
    \u{FEFF}clinic,office_name,region,existing_cds_link,signatory_name,signatory_title,signatory_email,signatory_phone,ocean_contact_name,ocean_contact_email,providers\r
    "Lakeshore: North, ""East"" #2",LAKESHORE N,Ontario,no,Dr. Amara Singh,Lead physician,asingh@lakeshore.example,416-555-0100,Priya Raman,priya@ocean.example,Dr. Amara Singh <asingh@lakeshore.example>; Dr. Tom Okafor <tokafor@lakeshore.example>\r
    Clinique Saint-Jérôme,,Québec,yes,,,,,,,\r
    true,null,- x,,"Dr. Multi\r
    Line",,,,,,\r
    \r

    """

    /// Every good row becomes a case file that the site's loader reads back to the same values.
    @Test func goodSpreadsheetRoundTrips() throws {
        let site = try Fixtures.copySite("basic")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let csv = site.appendingPathComponent("people.csv")
        try Data(Self.good.utf8).write(to: csv)
        let outcome = SpreadsheetImporter.run(csv: csv, displayPath: "people.csv", guide: "demo", source: site)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.written == ["content/clinics/lakeshore-north-east-2.yml", "content/clinics/clinique-saint-jerome.yml", "content/clinics/true.yml"])
        let (rows, _) = SpreadsheetImporter.read(Self.good, file: "people.csv", exists: { _ in false })
        let guide = try #require(SiteLoader.reloadGuide(named: "demo", source: site, unsafeHTML: false).guide)
        for row in rows {
            let path = "content/clinics/\(row.slug).yml"
            let (loaded, diagnostics) = SiteLoader.reloadClinicEntry(path, source: site, guides: [guide], today: Day(iso: "2026-11-29")!)
            #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
            let c = try #require(loaded)
            #expect(c.clinic == row.clinic && c.officeName == row.officeName && c.region == row.region)
            #expect(c.existingCDSLink == (row.existingCDSLink ?? false))
            #expect(c.signatory?.name == row.signatory.name && c.signatory?.email == row.signatory.email)
            #expect(c.signatory?.title == row.signatory.title && c.signatory?.phone == row.signatory.phone)
            #expect(c.oceanContact?.name == row.oceanContact.name && c.oceanContact?.email == row.oceanContact.email)
            #expect(c.providers.map(\.name) == row.providers.map { Optional($0.name) })
            #expect(c.providers.map(\.email) == row.providers.map { Optional($0.email) })
            #expect(c.steps.map(\.id) == guide.steps.map(\.id) && c.steps.allSatisfy { $0.record.status == .todo })
        }
        #expect(rows[0].clinic == "Lakeshore: North, \"East\" #2")
        #expect(rows[2].clinic == "true" && rows[2].officeName == "null" && rows[2].region == "- x")
        #expect(rows[2].existingCDSLink == nil && rows[2].signatory.name == "Dr. Multi\r\nLine" || rows[2].signatory.name == "Dr. Multi\nLine")
        // Block style, no flow mappings.
        let text = try String(contentsOf: site.appendingPathComponent("content/clinics/lakeshore-north-east-2.yml"), encoding: .utf8)
        #expect(!text.contains("{") && text.contains("providers:\n  - name: Dr. Amara Singh\n    email: asingh@lakeshore.example\n"))
    }

    @Test func nothingIsWrittenWhenOneRowIsBad() throws {
        let site = try Fixtures.copySite("basic")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let csv = site.appendingPathComponent("people.csv")
        try Data("clinic,slug\nNew One,new-one\nAlpha again,alpha\n".utf8).write(to: csv)
        let before = Fixtures.tree(site)
        let outcome = SpreadsheetImporter.run(csv: csv, displayPath: "people.csv", guide: "demo", source: site)
        #expect(outcome.written.isEmpty)
        #expect(outcome.diagnostics.map(\.message) == ["content/clinics/alpha.yml already exists; it would be replaced"])
        #expect(Fixtures.tree(site) == before)
    }

    @Test func unknownGuide() throws {
        let site = try Fixtures.copySite("basic")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let csv = site.appendingPathComponent("people.csv")
        try Data("clinic\nA\n".utf8).write(to: csv)
        let outcome = SpreadsheetImporter.run(csv: csv, displayPath: "people.csv", guide: "dem", source: site)
        #expect(outcome.diagnostics.map(\.message) == ["guide 'dem' does not exist (did you mean 'demo'?)"])
        #expect(outcome.diagnostics.first?.location == GangwayCore.SourceLocation(file: "people.csv", line: 1, column: 1))
    }

    /// The real binary: the diagnostics in the compiler's form, exit 1, nothing written.
    @Test func binaryReportsAndRefuses() throws {
        let site = try Fixtures.copySite("basic")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        try Data("clinic,signatory_email\nA,nope\n".utf8).write(to: site.appendingPathComponent("p.csv"))
        let run = try Run(["import", "p.csv", "--guide", "demo", "--source", site.path], cwd: site)
        #expect(run.status == 1)
        #expect(run.stderr.contains("p.csv:2:2: error: 'nope' is not a valid email address"))
        try Data("clinic\nZed Clinic\n".utf8).write(to: site.appendingPathComponent("p.csv"))
        let ok = try Run(["import", "p.csv", "--guide", "demo", "-s", site.path], cwd: site)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/clinics/zed-clinic.yml").path))
    }
}
