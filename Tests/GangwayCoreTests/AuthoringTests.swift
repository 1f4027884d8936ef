import Foundation
import Testing
@testable import GangwayCore

/// `new clinic` and `new guide`: what they write loads and builds as it is, reads back as what
/// was asked, keeps unknown values as comments, and never replaces a file.
@Suite(.serialized) struct AuthoringTests {
    static let tricky = [
        "Lakeshore Family Health Team", "Smith, Jones: Family #1", "#2 chase sent", "yes", "null", "2026", "2026-10-03",
        "- dash", "quote \"inside\" and \\ backslash", "'single'", "Clinique Sainte-Anne-des-Monts (Québec)", "tab\there",
        "line\nbreak", "trailing space ", "[not a list]", "{not: a map}", "100% sure", "*star", "&anchor", "!tag", "@at", "ends with colon:",
    ]

    @Test(arguments: tricky) func aClinicNameReadsBackAsWritten(name: String) throws {
        let site = try Fixtures.copySite("basic")
        let path = try CaseFileWriter.create(slug: "north-bay", guide: "demo", name: name, source: site)
        #expect(path == "content/clinics/north-bay.yml")
        let loaded = SiteLoader.load(source: site, today: .fixed(Day(iso: "2026-11-05")!))
        #expect(loaded.diagnostics.errorCount == 0, "\(DiagnosticFormatter.text(loaded.diagnostics))")
        let clinic = try #require(loaded.site?.clinics.first { $0.slug == "north-bay" })
        #expect(clinic.clinic == name)
    }

    @Test func aNewCaseFileIsBlockStyleWithEveryStepTodoAndUnknownsAsComments() throws {
        let site = try Fixtures.copySite("basic")
        _ = try CaseFileWriter.create(slug: "north-bay", guide: "demo", source: site)
        let text = try String(contentsOf: site.appendingPathComponent("content/clinics/north-bay.yml"), encoding: .utf8)
        #expect(!text.contains("{"), "flow mappings break on a note with a comma or colon")
        #expect(text.contains("clinic: north-bay\nguide: demo\n"))
        let loaded = SiteLoader.load(source: site, today: .fixed(Day(iso: "2026-11-05")!))
        #expect(loaded.diagnostics.errorCount == 0, "\(DiagnosticFormatter.text(loaded.diagnostics))")
        let guide = try #require(loaded.site?.guides.first { $0.name == "demo" })
        let clinic = try #require(loaded.site?.clinics.first { $0.slug == "north-bay" })
        #expect(clinic.steps.map(\.id) == guide.steps.map(\.id))
        #expect(clinic.steps.allSatisfy { $0.record.status == .todo })
        #expect(clinic.officeName == nil && clinic.signatory == nil && clinic.providers.isEmpty && clinic.notes == nil,
                "a value Gangway cannot know was written as a value")
        // Every line that is not a comment holds a known value: no placeholders.
        let values = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        #expect(values.count == 3 + 2 * guide.steps.count, "\(values)")
    }

    @Test func uncommentedKeysAreTheLoadersOwnKeys() throws {
        let site = try Fixtures.copySite("basic")
        _ = try CaseFileWriter.create(slug: "north-bay", guide: "demo", name: "North Bay", source: site)
        let url = site.appendingPathComponent("content/clinics/north-bay.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let keyLine = try NSRegularExpression(pattern: #"^# ( *-? ?[a-z_]+:(?: |$))"#, options: [.anchorsMatchLines])
        let uncommented = keyLine.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1")
        #expect(uncommented != text)
        try uncommented.write(to: url, atomically: true, encoding: .utf8)
        let loaded = SiteLoader.load(source: site, today: .fixed(Day(iso: "2026-11-05")!))
        let mine = loaded.diagnostics.filter { $0.location.file == "content/clinics/north-bay.yml" }
        #expect(!mine.contains { $0.message.contains("unknown key") }, "\(DiagnosticFormatter.text(mine))")
        #expect(mine.errorCount == 0, "\(DiagnosticFormatter.text(mine))")
        let clinic = try #require(loaded.site?.clinics.first { $0.slug == "north-bay" })
        #expect(clinic.officeName?.hasPrefix("the office name exactly as") == true)
        #expect(clinic.providers.count == 1 && clinic.signatory != nil && clinic.oceanContact != nil && clinic.notes != nil)
    }

    @Test func aNewGuideLoadsAndBuildsAsItIs() throws {
        let site = try Fixtures.copySite("basic")
        let written = try GuideWriter.create(name: "med-access", emr: "TELUS Med Access", vendor: "TELUS, Inc.", source: site)
        #expect(written == ["content/guides/med-access/guide.md", "content/guides/med-access/01-clinic-step.md",
                            "content/guides/med-access/02-vendor-step.md"])
        _ = try CaseFileWriter.create(slug: "north-bay", guide: "med-access", source: site)
        let loaded = SiteLoader.load(source: site, today: .fixed(Day(iso: "2026-11-05")!))
        #expect(loaded.diagnostics.errorCount == 0, "\(DiagnosticFormatter.text(loaded.diagnostics))")
        let guide = try #require(loaded.site?.guides.first { $0.name == "med-access" })
        #expect(guide.emr == "TELUS Med Access" && guide.vendor == "TELUS, Inc.")
        #expect(guide.title.hasPrefix("TODO") && guide.summary?.hasPrefix("TODO") == true)
        #expect(guide.steps.map(\.id) == ["clinic-step", "vendor-step"])
        #expect(guide.steps.map(\.owner) == [.clinic, .vendor])
        #expect(guide.steps.allSatisfy { $0.title.hasPrefix("TODO") && $0.bodyHTML.hasPrefix("<p>TODO") && $0.waitDays == nil })
        #expect(guide.introHTML.hasPrefix("<p>TODO"))

        let out = try Fixtures.temporaryFolder("new-guide").appendingPathComponent("public")
        let report = Builder.build(BuildOptions(source: site, output: out, today: .fixed(Day(iso: "2026-11-05")!)))
        #expect(report.succeeded, "\(DiagnosticFormatter.text(report.diagnostics))")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("guides/med-access/index.html").path))
    }

    @Test func everyPlaceholderValueStartsWithTODO() throws {
        for file in GuideWriter.files(name: "g", emr: nil, vendor: nil) {
            let body = file.text.components(separatedBy: "\n---\n").last ?? ""
            let bodyLines = body.split(separator: "\n").filter { !$0.isEmpty }
            #expect(!bodyLines.isEmpty && bodyLines.allSatisfy { $0.hasPrefix("TODO: ") }, "\(file.path)")
            for line in file.text.split(separator: "\n") where line.hasPrefix("title:") || line.hasPrefix("summary:") {
                #expect(line.contains(": \"TODO: "), "\(file.path): \(line)")
            }
            #expect(!file.text.contains("\nemr:") && !file.text.contains("\nvendor:"), "an unknown emr or vendor was written as a value")
        }
    }

    @Test func neitherWriterReplacesAnything() throws {
        let site = try Fixtures.copySite("basic")
        #expect(throws: CaseFileWriter.Failure.self) { try CaseFileWriter.create(slug: "alpha", guide: "demo", source: site) }
        #expect(throws: GuideWriter.Failure.self) { try GuideWriter.create(name: "demo", emr: nil, vendor: nil, source: site) }
        #expect(throws: GuideWriter.Failure.self) { try GuideWriter.create(name: "Not A Slug", emr: nil, vendor: nil, source: site) }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/guides/demo/02-sign.md").path))
    }

    @Test func theCommandsSayWhatTheyWroteAndRefuseToReplace() throws {
        let site = try Fixtures.copySite("basic")
        let guide = try Run(["new", "guide", "med-access", "--emr", "TELUS Med Access", "--vendor", "TELUS", "-s", site.path])
        #expect(guide.status == 0, "\(guide.stderr)")
        #expect(guide.stdout == "wrote content/guides/med-access/guide.md\nwrote content/guides/med-access/01-clinic-step.md\nwrote content/guides/med-access/02-vendor-step.md\n")
        let again = try Run(["new", "guide", "med-access", "-s", site.path])
        #expect(again.status == 1)
        #expect(again.stderr == "error: content/guides/med-access already exists; it was left as it was\n")

        let clinic = try Run(["new", "clinic", "north-bay", "--guide", "med-access", "--name", "North Bay, #1: FHT", "-s", site.path])
        #expect(clinic.status == 0, "\(clinic.stderr)")
        #expect(clinic.stdout == "wrote content/clinics/north-bay.yml\n")
        let twice = try Run(["new", "clinic", "north-bay", "--guide", "med-access", "-s", site.path])
        #expect(twice.status == 1)
        #expect(twice.stderr == "error: content/clinics/north-bay.yml already exists; it was left as it was\n")
        let typo = try Run(["new", "clinic", "south-bay", "--guide", "dmeo", "-s", site.path])
        #expect(typo.status == 1)
        #expect(typo.stderr.hasPrefix("error: guide 'dmeo' does not exist or does not load (did you mean 'demo'?)"), "\(typo.stderr)")
        #expect(try Run(["new", "clinic", "x", "--guide", "demo", "--name", " ", "-s", site.path]).status == 64)

        let built = try Run(["build", "-s", site.path, "--today", "2026-11-05", "--quiet"])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("public/clinics/north-bay/index.html"), encoding: .utf8)
        #expect(page.contains("North Bay, #1: FHT"))
    }
}
