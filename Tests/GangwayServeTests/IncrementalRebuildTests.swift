import Foundation
import GangwayCore
import Testing
@testable import GangwayServe

/// After every kind of change, an incremental rebuild leaves the served folder equal, file for
/// file and byte for byte, to a full build of the same source; and it renders only what the
/// change touches.
@Suite struct IncrementalRebuildTests {
    /// The team site but its assets: what lists clinics.
    static let listings: Set<String> = ["team/index.html", "team/status.json", "team/status.csv", "team/steps.csv", "team/turnaround.csv",
                                        "team/calendar.ics", "team/reports/index.html", "team/by/guide/demo/index.html",
                                        "team/by/region/ontario/index.html", "team/by/region/not-recorded/index.html",
                                        "team/by/acts-next/clinic/index.html", "team/by/acts-next/vendor/index.html"]

    @Test func theFirstBuildEqualsAFullBuild() throws {
        let live = try LiveFixture()
        let outcome = live.site.rebuildAll()
        #expect(outcome.succeeded)
        try live.expectSameAsFullBuild()
    }

    @Test func aCaseFileEditRendersThatClinicAndTheListingPagesOnly() throws {
        let live = try LiveFixture()
        _ = live.site.rebuildAll()
        try live.edit("content/clinics/alpha.yml", replacing: "Sent to Dr. A", with: "Sent to Dr. Z")
        let outcome = live.site.apply(["content/clinics/alpha.yml"])
        #expect(outcome.succeeded && !outcome.full)
        #expect(outcome.rendered == Self.listings.union(["clinics/alpha/index.html", "clinics/alpha/status.json", "clinics/alpha/calendar.ics"]))
        #expect(outcome.changed.contains("clinics/alpha/index.html"))
        try live.expectSameAsFullBuild()
    }

    /// As `gangway serve` renders a save: the clinic's own pages first, with the team site left as
    /// it was and its gate closed; then `completeListings()` brings the team site level with a
    /// full build and opens the gate; a second call has nothing to do.
    @Test func aDeferredSaveRendersTheClinicFirstThenTheTeamSite() throws {
        let live = try LiveFixture(deferListings: true)
        #expect(live.site.rebuildAll().succeeded)
        #expect(live.site.completeListings() == nil && live.site.teamGate.isOpen)
        let before = try String(contentsOf: live.served.appendingPathComponent("team/status.csv"), encoding: .utf8)
        try live.edit("content/clinics/alpha.yml", replacing: "region: Ontario", with: "region: Nova Scotia")

        let clinic = live.site.apply(["content/clinics/alpha.yml"])
        #expect(clinic.succeeded && !clinic.full)
        #expect(clinic.rendered == ["clinics/alpha/index.html", "clinics/alpha/status.json", "clinics/alpha/calendar.ics"])
        #expect(clinic.changed.contains("clinics/alpha/index.html") && !clinic.changed.contains { $0.hasPrefix("team/") })
        #expect(!live.site.teamGate.isOpen)
        #expect(try String(contentsOf: live.served.appendingPathComponent("team/status.csv"), encoding: .utf8) == before)

        let team = try #require(live.site.completeListings())
        #expect(team.succeeded && live.site.teamGate.isOpen)
        #expect(team.rendered == Self.listings.subtracting(["team/by/region/ontario/index.html"]).union(["team/by/region/nova-scotia/index.html"]))
        #expect(team.changed.contains("team/status.csv") && team.changed.contains("team/by/region/ontario/index.html"))
        #expect(!FileManager.default.fileExists(atPath: live.served.appendingPathComponent("team/by/region/ontario").path))
        try live.expectSameAsFullBuild()
        #expect(live.site.completeListings() == nil)

        // A change that renders more than clinics (a guide) renders the listings with it, as before.
        try live.edit("content/guides/demo/02-sign.md", replacing: "title:", with: "title: New")
        let guide = live.site.apply(["content/guides/demo/02-sign.md"])
        #expect(guide.succeeded && guide.rendered.isSuperset(of: ["team/index.html", "team/steps.csv"]))
        #expect(live.site.completeListings() == nil && live.site.teamGate.isOpen)
        try live.expectSameAsFullBuild()
    }

    /// A region renamed in a case file: the team site's filter page for the old region goes, one
    /// for the new region comes, and the reports and exports follow, as a full build would have them.
    @Test func aRegionChangeMovesTheFilterPages() throws {
        let live = try LiveFixture()
        _ = live.site.rebuildAll()
        try live.edit("content/clinics/alpha.yml", replacing: "region: Ontario", with: "region: Nova Scotia")
        let outcome = live.site.apply(["content/clinics/alpha.yml"])
        #expect(outcome.succeeded && !outcome.full)
        #expect(outcome.changed.contains("team/by/region/ontario/index.html"))
        #expect(outcome.rendered.contains("team/by/region/nova-scotia/index.html") && !outcome.rendered.contains("team/by/region/ontario/index.html"))
        #expect(!FileManager.default.fileExists(atPath: live.served.appendingPathComponent("team/by/region/ontario").path))
        #expect(try String(contentsOf: live.served.appendingPathComponent("team/status.csv"), encoding: .utf8).contains(",Nova Scotia,"))
        try live.expectSameAsFullBuild()
    }

    @Test func addedRenamedAndDeletedCaseFiles() throws {
        let live = try LiveFixture()
        _ = live.site.rebuildAll()

        try live.write("content/clinics/delta.yml", try live.read("content/clinics/beta.yml").replacingOccurrences(of: "Beta", with: "Delta"))
        #expect(live.site.apply(["content/clinics/delta.yml"]).succeeded)
        try live.expectSameAsFullBuild()

        try live.move("content/clinics/gamma.yml", "content/clinics/epsilon.yml")
        let renamed = live.site.apply(["content/clinics/gamma.yml", "content/clinics/epsilon.yml"])
        #expect(renamed.succeeded && renamed.changed.contains("clinics/gamma/index.html"))
        #expect(!FileManager.default.fileExists(atPath: live.served.appendingPathComponent("clinics/gamma").path))
        try live.expectSameAsFullBuild()

        try live.remove("content/clinics/delta.yml")
        #expect(live.site.apply(["content/clinics/delta.yml"]).succeeded)
        try live.expectSameAsFullBuild()
    }

    @Test func aGuideStepEditRendersThatGuidesClinicsNotTheOthers() throws {
        let live = try LiveFixture { source in
            // A second guide with one clinic of its own.
            let fm = FileManager.default
            try fm.copyItem(at: source.appendingPathComponent("content/guides/demo"), to: source.appendingPathComponent("content/guides/other"))
            try Data("clinic: Omega Clinic\nguide: other\n".utf8).write(to: source.appendingPathComponent("content/clinics/omega.yml"))
        }
        _ = live.site.rebuildAll()
        try live.expectSameAsFullBuild()

        try live.edit("content/guides/demo/02-sign.md", replacing: "title: Sign the contract", with: "title: Sign and return the contract")
        let outcome = live.site.apply(["content/guides/demo/02-sign.md"])
        #expect(outcome.succeeded && !outcome.full)
        #expect(outcome.rendered.contains("clinics/alpha/index.html") && outcome.rendered.contains("guides/demo/index.html"))
        #expect(!outcome.rendered.contains("clinics/omega/index.html"))
        #expect(outcome.rendered.isSuperset(of: ["team/reports/index.html", "team/steps.csv", "team/turnaround.csv"]))
        #expect(try String(contentsOf: live.served.appendingPathComponent("team/steps.csv"), encoding: .utf8).contains("Sign and return the contract"))
        try live.expectSameAsFullBuild()

        try live.write("content/guides/demo/04-extra.md", "---\ntitle: One more thing\nowner: vendor\n---\nBody.\n")
        #expect(live.site.apply(["content/guides/demo/04-extra.md"]).succeeded)
        try live.expectSameAsFullBuild()
    }

    @Test func templateConfigAndFreePageEditsRebuildWhatTheyShow() throws {
        let live = try LiveFixture { source in
            try Data("<!DOCTYPE html>\n<title>{{page_title}}</title>\n<p>Lost?</p>\n".utf8)
                .write(to: source.appendingPathComponent("templates/404.mustache").creatingFolder())
        }
        _ = live.site.rebuildAll()

        try live.edit("templates/404.mustache", replacing: "Lost?", with: "Nothing here.")
        let template = live.site.apply(["templates/404.mustache"])
        #expect(template.succeeded && template.changed == ["404.html"])
        try live.expectSameAsFullBuild()

        try live.edit("content/pages/faq.md", replacing: "Ask your Ocean contact.", with: "Ask us.")
        #expect(live.site.apply(["content/pages/faq.md"]).changed == ["pages/faq/index.html"])
        try live.expectSameAsFullBuild()

        // A page's title is in every page's navigation.
        try live.edit("content/pages/faq.md", replacing: "title: Questions", with: "title: FAQ")
        #expect(live.site.apply(["content/pages/faq.md"]).changed.contains("clinics/beta/index.html"))
        try live.expectSameAsFullBuild()

        try live.edit("gangway.yml", replacing: "dashboard: true", with: "dashboard: false")
        let config = live.site.apply(["gangway.yml"])
        #expect(config.succeeded && config.full && config.changed.contains("team/index.html"))
        try live.expectSameAsFullBuild()
    }

    @Test func aStylesheetEditChangesOnlyTheStylesheetAndSwapsIt() throws {
        let live = try LiveFixture { source in
            try Data("body { color: black; }\n".utf8).write(to: source.appendingPathComponent("templates/assets/style.css").creatingFolder())
        }
        _ = live.site.rebuildAll()
        try live.write("templates/assets/style.css", "body { color: navy; }\n")
        let outcome = live.site.apply(["templates/assets/style.css"])
        // The team site, served under team/, has its own copy.
        #expect(outcome.changed == ["assets/style.css", "team/assets/style.css"])
        #expect(LiveReloadService.events(for: outcome, hadErrors: false) == [.css(["assets/style.css", "team/assets/style.css"])])
        try live.expectSameAsFullBuild()
    }

    @Test func aBrokenFileKeepsTheLastGoodSiteAndLaterEditsWaitForTheFix() throws {
        let live = try LiveFixture()
        _ = live.site.rebuildAll()
        let good = ServeFixtures.tree(live.served)
        let alpha = try live.read("content/clinics/alpha.yml")

        try live.write("content/clinics/alpha.yml", alpha + "steps: [\n")
        let broken = live.site.apply(["content/clinics/alpha.yml"])
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.contains { $0.location.file == "content/clinics/alpha.yml" && $0.severity == .error && $0.location.line > 1 })
        #expect(LiveReloadService.events(for: broken, hadErrors: false) == [.errors(broken.diagnostics.filter { $0.severity == .error })])

        // Another clinic changes meanwhile: still not rendered, the site as a whole has an error.
        try live.edit("content/clinics/beta.yml", replacing: "Beta Health", with: "Beta Health Centre")
        #expect(!live.site.apply(["content/clinics/beta.yml"]).succeeded)
        #expect(ServeFixtures.tree(live.served) == good)

        try live.write("content/clinics/alpha.yml", alpha)
        let fixed = live.site.apply(["content/clinics/alpha.yml"])
        #expect(fixed.succeeded && fixed.changed.contains("clinics/beta/index.html"))
        try live.expectSameAsFullBuild()
    }

    @Test func aBrokenGuideStepBreaksItsClinicsUntilFixed() throws {
        let live = try LiveFixture()
        _ = live.site.rebuildAll()
        let step = try live.read("content/guides/demo/02-sign.md")
        try live.write("content/guides/demo/02-sign.md", step.replacingOccurrences(of: "owner: clinic", with: "owner: nobody"))
        let broken = live.site.apply(["content/guides/demo/02-sign.md"])
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.contains { $0.location.file == "content/guides/demo/02-sign.md" })

        try live.write("content/guides/demo/02-sign.md", step)
        #expect(live.site.apply(["content/guides/demo/02-sign.md"]).succeeded)
        try live.expectSameAsFullBuild()
    }

    @Test func aSiteBrokenFromTheStartServesTheErrorsThenTheSite() throws {
        let live = try LiveFixture { source in
            try Data("clinic: Alpha\nguide: demo\npassword: hunter2\n".utf8).write(to: source.appendingPathComponent("content/clinics/alpha.yml"))
        }
        let first = live.site.rebuildAll()
        #expect(!first.succeeded)
        let page = try String(contentsOf: live.served.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("content/clinics/alpha.yml:3:1") && page.contains("/__gangway/live.js"))
        #expect(!page.contains("hunter2"))

        try live.write("content/clinics/alpha.yml", "clinic: Alpha\nguide: demo\n")
        #expect(live.site.apply(["content/clinics/alpha.yml"]).succeeded)
        try live.expectSameAsFullBuild()
    }

    /// A partial that calls itself inside a section the page's values keep open fails only while
    /// rendering: saved while serving, the error (at the call, in the partial) goes to the page and
    /// the last good site stays; present from the start, the served folder shows the error page.
    @Test func aPartialRecursingWhileRenderingKeepsTheServerAndTheLastGoodSite() throws {
        let loop = "<div>{{#site}}{{>loop}}{{/site}}</div>\n"
        let home = "{{<layout}}\n{{$content}}\n{{>loop}}\n{{/content}}\n{{/layout}}\n"
        let live = try LiveFixture()
        _ = live.site.rebuildAll()
        let good = ServeFixtures.tree(live.served)
        try live.write("templates/partials/loop.mustache", loop)
        try live.write("templates/home.mustache", home)
        let broken = live.site.apply(["templates/partials/loop.mustache", "templates/home.mustache"])
        #expect(!broken.succeeded)
        let error = try #require(broken.diagnostics.first)
        #expect(error.severity == .error && error.location.file == "templates/partials/loop.mustache" && error.location.line == 1)
        #expect(error.message.contains("more than 100 deep while rendering the home page"))
        #expect(ServeFixtures.tree(live.served) == good)

        try FileManager.default.removeItem(at: live.source.appendingPathComponent("templates/home.mustache"))
        #expect(live.site.apply(["templates/home.mustache"]).succeeded)
        try live.expectSameAsFullBuild()

        let fresh = try LiveFixture { source in
            try Data(loop.utf8).write(to: source.appendingPathComponent("templates/partials/loop.mustache").creatingFolder())
            try Data(home.utf8).write(to: source.appendingPathComponent("templates/home.mustache").creatingFolder())
        }
        #expect(!fresh.site.rebuildAll().succeeded)
        let page = try String(contentsOf: fresh.served.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("templates/partials/loop.mustache:1:") && page.contains("/__gangway/live.js"))
    }
}

extension URL {
    /// This URL, after creating the folder that holds it.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
