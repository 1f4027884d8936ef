import Foundation
import GangwayTestSupport
import Testing
@testable import GangwayCore

/// Private by default: the clinic portal shows each clinic only its own folder, and only the team
/// site lists clinics. The whole of both trees is audited, for every clinic, with slug and token URLs.
@Suite struct SafetyTwoSitesTests {
    struct Built {
        let portal: [String: Data]
        let team: [String: Data]
        /// Folder below clinics/ by slug.
        let folders: [String: String]
    }

    static let clinics = ["alpha": "Alpha Clinic", "beta": "Beta Health", "gamma": "Gamma Family Practice"]

    static func build(_ mode: SiteConfig.ClinicURLs) throws -> Built {
        let source = try Fixtures.copySite("basic")
        try SafetySite.write(["gangway.yml": "title: Fixture Portal\nbase_url: https://fixture.example/portal/\ndashboard: true\nclinic_urls: \(mode.rawValue)\n"],
                             into: source)
        let output = try Fixtures.temporaryFolder("two-sites").appendingPathComponent("public")
        let report = SafetySite.build(source, into: output, environment: ["GANGWAY_URL_SECRET": SafetyPrivateURLTests.secret])
        #expect(report.succeeded, "\(SafetySite.text(report))")
        let folders = try ClinicFolders(mode: mode, secret: SafetyPrivateURLTests.secret)
        return Built(portal: Fixtures.tree(output), team: Fixtures.tree(SafetySite.teamOutput(beside: output)),
                     folders: Dictionary(uniqueKeysWithValues: clinics.keys.map { ($0, folders.folder(for: $0)) }))
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test(arguments: SiteConfig.ClinicURLs.allCases)
    func noPortalFileOutsideAClinicsFolderNamesThatClinic(_ mode: SiteConfig.ClinicURLs) throws {
        let built = try Self.build(mode)
        #expect(built.portal.keys.contains { $0.hasPrefix("clinics/") })
        for (slug, name) in Self.clinics {
            let folder = "clinics/\(built.folders[slug]!)/"
            #expect(built.portal[folder + "index.html"] != nil && built.portal[folder + "status.json"] != nil, "\(folder) missing")
            // The name as written, its first word as escaped pages show it, the slug and the folder (token).
            let marks = [name, String(name.split(separator: " ")[0]) + " ", slug, built.folders[slug]!]
            for (path, data) in built.portal where !path.hasPrefix(folder) {
                let content = Self.text(data)
                for mark in marks where content.contains(mark) {
                    Issue.record("\(mode): \(path) holds \(mark.debugDescription) of clinic \(slug)")
                }
            }
        }
    }

    @Test(arguments: SiteConfig.ClinicURLs.allCases)
    func noPortalPageLinksIntoTheTeamSite(_ mode: SiteConfig.ClinicURLs) throws {
        let built = try Self.build(mode)
        for (path, data) in built.portal where path.hasSuffix(".html") {
            let page = Self.text(data)
            #expect(!page.contains("team/") && !page.lowercased().contains("dashboard"), "\(mode): \(path) mentions the team site")
            for (element, attribute, value) in MarkupAudit.attributeValues(in: page) where ["href", "src", "action"].contains(attribute) {
                guard let url = URL(string: value, relativeTo: URL(string: "https://fixture.example/portal/" + path)) else {
                    Issue.record("\(path): <\(element) \(attribute)=\(value.debugDescription)> is not a URL")
                    continue
                }
                let absolute = url.absoluteString
                guard absolute.hasPrefix("https://fixture.example/portal/") else { continue }
                let target = String(absolute.dropFirst("https://fixture.example/portal/".count)).split(separator: "#")[0]
                let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : String(target)
                #expect(built.portal[file] != nil, "\(mode): \(path) links to \(value), which is not in the portal")
            }
        }
        #expect(Self.text(built.portal["robots.txt"]!).contains("Disallow: /clinics/\n"))
        #expect(!Self.text(built.portal["sitemap.xml"]!).contains("clinics"))
        #expect(built.portal["status.json"] == nil && !built.portal.keys.contains { $0.hasPrefix("dashboard/") })
    }

    @Test(arguments: SiteConfig.ClinicURLs.allCases)
    func everyPageOfBothSitesSendsNoReferrerAndTeamPagesAreNoindex(_ mode: SiteConfig.ClinicURLs) throws {
        let built = try Self.build(mode)
        let pages = built.portal.filter { $0.key.hasSuffix(".html") }.count + built.team.filter { $0.key.hasSuffix(".html") }.count
        #expect(pages >= 8)
        for (site, tree) in [("portal", built.portal), ("team", built.team)] {
            for (path, data) in tree where path.hasSuffix(".html") {
                #expect(Self.text(data).contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(mode): \(site)/\(path) has no referrer policy")
                if site == "team" || path.hasPrefix("clinics/") {
                    #expect(Self.text(data).contains("<meta name=\"robots\" content=\"noindex\">"), "\(mode): \(site)/\(path) is not noindex")
                }
            }
        }
    }

    @Test(arguments: SiteConfig.ClinicURLs.allCases)
    func theTeamSiteHasEveryClinicLinkedUnderTheBaseURL(_ mode: SiteConfig.ClinicURLs) throws {
        let built = try Self.build(mode)
        #expect(Set(built.team.keys).isSuperset(of: ["index.html", "status.json", "assets/style.css", "assets/dashboard.css", "assets/dashboard.js", AtomicOutput.marker]))
        #expect(!built.team.keys.contains { $0.hasPrefix("clinics/") }, "the team site holds clinic pages")
        let dashboard = Self.text(built.team["index.html"]!)
        let list = try #require(try JSONSerialization.jsonObject(with: built.team["status.json"]!) as? [[String: Any]])
        #expect(Set(list.compactMap { $0["slug"] as? String }) == Set(Self.clinics.keys))
        for slug in Self.clinics.keys {
            #expect(dashboard.contains("href=\"https://fixture.example/portal/clinics/\(built.folders[slug]!)/index.html\""), "\(mode): \(slug) is not linked")
        }
    }

    /// The exports and feeds: the team site's CSVs and calendar, and one calendar per clinic folder.
    /// With a phone number and an email address in a step's note and in the clinic's name, none of
    /// the team's files and no calendar holds either; no CSV is in the portal, and each clinic's
    /// calendar links only its own page.
    @Test(arguments: SiteConfig.ClinicURLs.allCases)
    func exportsAndFeedsHoldNoContactsAndNoOtherClinic(_ mode: SiteConfig.ClinicURLs) throws {
        let source = try Fixtures.copySite("basic")
        try SafetySite.write([
            "gangway.yml": "title: Fixture Portal\nbase_url: https://fixture.example/portal/\ndashboard: true\nclinic_urls: \(mode.rawValue)\n",
            "content/clinics/alpha.yml": """
                clinic: Alpha Clinic (call 416 555 0199, desk@alpha.example)
                guide: demo
                region: Ontario
                signatory: {name: Dr. A, email: a@alpha.example, phone: 416-555-0100}
                steps:
                  request: {status: done, started: 2026-11-01, done: 2026-11-02, note: "asked a@alpha.example at +1 416 555 0100"}
                  sign-contract: {status: waiting, note: "Sent to a@alpha.example, 416.555.0100"}

                """,
        ], into: source)
        let output = try Fixtures.temporaryFolder("two-sites-exports").appendingPathComponent("public")
        let report = SafetySite.build(source, into: output, environment: ["GANGWAY_URL_SECRET": SafetyPrivateURLTests.secret])
        #expect(report.succeeded, "\(SafetySite.text(report))")
        let portal = Fixtures.tree(output), team = Fixtures.tree(SafetySite.teamOutput(beside: output))
        let folders = try ClinicFolders(mode: mode, secret: SafetyPrivateURLTests.secret)
        #expect(Set(team.keys).isSuperset(of: ["reports/index.html", "status.csv", "steps.csv", "turnaround.csv", "calendar.ics"]))
        #expect(!portal.keys.contains { $0.hasSuffix(".csv") }, "\(mode): the portal holds a CSV")
        #expect(!portal.keys.contains { $0.hasSuffix(".ics") && !$0.hasPrefix("clinics/") })
        // Token folders are hex, and may hold a run of digits a phone pattern would take.
        func withoutFolders(_ text: String) -> String {
            Self.clinics.keys.reduce(text) { $0.replacingOccurrences(of: folders.folder(for: $1), with: "FOLDER") }
        }
        for (path, data) in team where !path.hasPrefix("assets/") && path != AtomicOutput.marker {
            let text = withoutFolders(path.hasSuffix(".ics") ? Self.calendarText(data) : Self.text(data))
            #expect(SiteAudit.contacts(in: text).isEmpty, "\(mode): team/\(path) holds \(SiteAudit.contacts(in: text))")
        }
        #expect(Self.text(team["steps.csv"]!).contains("Sent to a•••@alpha.example"), "the note is not in steps.csv")
        for slug in Self.clinics.keys {
            let folder = folders.folder(for: slug)
            let feed = try #require(portal["clinics/\(folder)/calendar.ics"], "\(mode): \(slug) has no calendar")
            let text = Self.calendarText(feed)
            #expect(SiteAudit.contacts(in: withoutFolders(text)).isEmpty, "\(mode): \(slug)'s calendar holds \(SiteAudit.contacts(in: text))")
            let urls = Set(text.split(separator: "\n").filter { $0.hasPrefix("URL:") })
            #expect(urls.allSatisfy { $0 == "URL:https://fixture.example/portal/clinics/\(folder)/" }, "\(mode): \(slug): \(urls)")
            #expect(Self.text(portal["clinics/\(folder)/index.html"]!).contains("<a href=\"calendar.ics\" type=\"text/calendar\">Add to calendar</a>"))
        }
        let alphaFeed = Self.calendarText(portal["clinics/\(folders.folder(for: "alpha"))/calendar.ics"]!)
        #expect(alphaFeed.contains("SUMMARY:Alpha Clinic"), "the check above must see alpha's events")
    }

    /// A feed's free text as people read it: lines unfolded, and the DATE values (digit runs a
    /// phone pattern would take) left out, since they are dates, not contacts.
    static func calendarText(_ data: Data) -> String {
        let unfolded = text(data).replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        return unfolded.split(separator: "\n").filter { line in
            !["DTSTART", "DTEND", "DTSTAMP", "UID"].contains { line.hasPrefix($0) }
        }.joined(separator: "\n")
    }
}
