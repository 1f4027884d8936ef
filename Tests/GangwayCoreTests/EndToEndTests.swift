import Foundation
import Testing
@testable import GangwayCore

/// Runs the real `gangway` binary on the example portal at the repository root.
@Suite(.serialized) struct EndToEndTests {
    @Test func buildsTheExamplePortal() throws {
        let out = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let team = out.deletingLastPathComponent().appendingPathComponent("team")
        let run = try Run(["build", "--source", Fixtures.packageRoot.path, "--output", out.path, "--team-output", team.path, "--today", "2026-11-29"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("built "), "summary line missing: \(run.stderr)")
        #expect(run.stderr.contains("clinics"))

        let expected: [String: (state: String, progress: String)] = [
            "lakeshore": ("waiting", "2/5"), "maplewood": ("overdue", "3/5"), "trillium": ("complete", "5/5"),
            "riverside": ("blocked", "1/4"), "cedar-ridge": ("not-started", "0/4"), "harbourview": ("in-progress", "4/5"),
        ]
        for (slug, want) in expected {
            let html = try String(contentsOf: out.appendingPathComponent("clinics/\(slug)/index.html"), encoding: .utf8)
            #expect(html.contains("data-clinic-state=\"\(want.state)\" data-progress=\"\(want.progress)\""), "\(slug)")
            #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
            #expect(html.contains("<script type=\"application/json\" id=\"gangway-status\">"))
            let json = try String(contentsOf: out.appendingPathComponent("clinics/\(slug)/status.json"), encoding: .utf8)
            #expect(json.contains("\"state\": \"\(want.state)\""))
            #expect(!json.contains("@"), "an email leaked into \(slug)/status.json")
        }
        // Lakeshore waits on QHR for the contract: expected a week after it was sent.
        let lakeshore = try String(contentsOf: out.appendingPathComponent("clinics/lakeshore/index.html"), encoding: .utf8)
        #expect(lakeshore.contains("<time datetime=\"2026-12-01\">1 Dec 2026</time>"))
        #expect(lakeshore.contains("data-step=\"sign-contract\" data-status=\"waiting\""))
        let maplewood = try String(contentsOf: out.appendingPathComponent("clinics/maplewood/index.html"), encoding: .utf8)
        #expect(maplewood.components(separatedBy: "data-overdue=\"true\"").count == 2, "exactly one overdue step")

        for path in ["index.html", "guides/accuro/index.html", "404.html",
                     "sitemap.xml", "robots.txt", "assets/style.css", "pages/faq/index.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path) missing")
        }
        for path in ["index.html", "status.json", "assets/style.css", "assets/dashboard.js"] {
            #expect(FileManager.default.fileExists(atPath: team.appendingPathComponent(path).path), "team/\(path) missing")
        }
        for path in ["dashboard", "status.json"] {
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path) is in the portal")
        }
        let sitemap = try String(contentsOf: out.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("clinics/"))
        #expect(sitemap.contains("https://onboarding.example.org/guides/accuro/"))
    }

    @Test func checkExitsOneOnErrorsAndSixtyFourOnABadCommandLine() throws {
        let site = try Fixtures.copySite("basic")
        try "clinic: X\nguide: nope\n".write(to: site.appendingPathComponent("content/clinics/bad.yml"), atomically: true, encoding: .utf8)
        let run = try Run(["check", "--source", site.path, "--today", "2026-11-05"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/clinics/bad.yml:2:8: error: guide 'nope' does not exist"), "\(run.stderr)")

        #expect(try Run(["check", "--format", "xml", "--source", site.path]).status == 64)
        #expect(try Run(["build", "--no-such-flag"]).status == 64)
        #expect(try Run(["build", "--source", site.path, "--today", "2026-02-30"]).status == 64)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let site = try Fixtures.copySite("basic")
        try "clinic: W\nguide: demo\nproviders:\n  - {name: Dr. W, email: not-an-email}\n"
            .write(to: site.appendingPathComponent("content/clinics/warn.yml"), atomically: true, encoding: .utf8)
        #expect(try Run(["check", "--source", site.path, "--today", "2026-11-05"]).status == 0)
        let strict = try Run(["check", "--strict", "--source", site.path, "--today", "2026-11-05"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("warn.yml:4:26: error: provider 'Dr. W' has an email that is not valid"), "--strict reports warnings as errors: \(strict.stderr)")
    }

    @Test func initMakesAWorkingSiteAndNewClinicListsEverySteps() throws {
        let dir = try Fixtures.temporaryFolder().appendingPathComponent("portal")
        #expect(try Run(["init", dir.path]).status == 0)
        let check = try Run(["check", "--source", dir.path, "--today", "2026-11-29"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try Run(["init", dir.path]).status == 1, "init must refuse a folder that is not empty")

        let new = try Run(["new", "clinic", "north-bay", "--guide", "accuro", "--source", dir.path])
        #expect(new.status == 0, "\(new.stderr)")
        let yaml = try String(contentsOf: dir.appendingPathComponent("content/clinics/north-bay.yml"), encoding: .utf8)
        for id in ["check-existing-access", "request-contract", "sign-contract", "retrieve-password", "complete-integration"] {
            #expect(yaml.contains("\n  \(id):\n    status: todo\n"))
        }
        #expect(try Run(["new", "clinic", "north-bay", "--guide", "accuro", "--source", dir.path]).status == 1)
        #expect(try Run(["new", "clinic", "Bad Slug", "--guide", "accuro", "--source", dir.path]).status == 64)
        let built = try Run(["build", "--source", dir.path, "--today", "2026-11-29", "--quiet"])
        #expect(built.status == 0, "\(built.stderr)")
        // The one problem: the new clinic's name is still its slug (SPEC.md, new clinic).
        #expect(built.stderr.hasPrefix("content/clinics/north-bay.yml:4:9: warning: the clinic's name is still its slug"), "--quiet printed: \(built.stderr)")
        #expect(built.stderr.components(separatedBy: "warning:").count == 2, "--quiet printed: \(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("public/clinics/north-bay/index.html").path))
    }

    @Test func theDashboardGoesToTheTeamSiteOnlyWhenOn() throws {
        let site = try Fixtures.copySite("basic")
        let out = site.appendingPathComponent("public"), team = site.appendingPathComponent("team")
        #expect(try Run(["build", "--source", site.path, "--today", "2026-11-05", "--quiet"]).status == 0)
        #expect(!(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)).contains("clinics/"), "the home page lists clinics")
        let dashboard = try String(contentsOf: team.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(dashboard.contains("href=\"https://fixture.example/portal/clinics/alpha/index.html\""))
        #expect(FileManager.default.fileExists(atPath: team.appendingPathComponent(AtomicOutput.marker).path))

        try FileManager.default.removeItem(at: team)
        try "title: Fixture Portal\ndashboard: false\n".write(to: site.appendingPathComponent("gangway.yml"), atomically: true, encoding: .utf8)
        #expect(try Run(["build", "--source", site.path, "--today", "2026-11-05", "--quiet"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: team.path), "the team site is built with the dashboard off")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("clinics/alpha/index.html").path))
    }

    @Test func sourceDateEpochDecidesToday() throws {
        let out = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let run = try Run(["build", "--source", Fixtures.site("basic").path, "--output", out.path,
                           "--team-output", out.deletingLastPathComponent().appendingPathComponent("team").path], environment: ["SOURCE_DATE_EPOCH": "1795921200"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try String(contentsOf: out.appendingPathComponent("clinics/alpha/status.json"), encoding: .utf8)
        #expect(json.contains("\"today\": \"2026-11-28\""), "03:00 UTC on 29 Nov is still 28 Nov in Toronto")
    }
}
