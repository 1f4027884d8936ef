import Foundation
import Testing
@testable import GangwayCore

/// Private clinic URLs: with `clinic_urls: token` a clinic's folder carries 10 hex digits of
/// HMAC-SHA256(GANGWAY_URL_SECRET, slug); without the secret the build fails; clinic pages are
/// noindex, never in the sitemap, and never listed unless the dashboard is on.
@Suite struct SafetyPrivateURLTests {
    static let secret = "correct horse battery staple, twice as long"
    /// Computed once, independently of Gangway, with Python's standard library:
    /// `hmac.new(b"correct horse battery staple, twice as long", b"alpha", hashlib.sha256).hexdigest()[:10]`
    static let expected = ["lakeshore": "f3367bc9fb", "alpha": "883d516fc9", "beta": "d464035945", "gamma": "2f4a0c0c64"]

    @Test func tokensMatchAnIndependentHMACVector() throws {
        let folders = try ClinicFolders(mode: .token, secret: Self.secret)
        for (slug, hex) in Self.expected {
            #expect(folders.folder(for: slug) == "\(slug)-\(hex)")
        }
        // The HMAC itself, under a key too short for a build: the vector from before the length rule.
        #expect(ClinicFolders.token(slug: "a", secret: "k") == "78da91511e")
        #expect(try ClinicFolders(mode: .token, secret: "0123456789abcdef0123456789abcdef").folder(for: "a") == "a-aa21877236")
        #expect(try ClinicFolders(mode: .slug, secret: nil).folder(for: "alpha") == "alpha")
    }

    /// Secrets: missing or empty is one error, fewer than 32 characters another (with the way to
    /// make a good one), exactly 32 is enough; `slug` mode needs none.
    @Test(arguments: [
        (nil, ClinicFolders.Failure.missingSecret),
        ("", .missingSecret),
        ("k", .weakSecret(length: 1)),
        ("correct horse battery staple", .weakSecret(length: 28)),
        ("0123456789abcdef0123456789abcde", .weakSecret(length: 31)),
        ("0123456789abcdef0123456789abcdef", nil),
        (String(repeating: "é", count: 32), nil),
    ] as [(String?, ClinicFolders.Failure?)])
    func secretsShorterThan32CharactersAreRefused(_ secret: String?, _ problem: ClinicFolders.Failure?) throws {
        #expect(ClinicFolders.problem(withSecret: secret) == problem)
        if let problem {
            #expect(throws: problem) { try ClinicFolders(mode: .token, secret: secret) }
        } else {
            #expect(try ClinicFolders(mode: .token, secret: secret).folder(for: "a").count == 12)
        }
        #expect(try ClinicFolders(mode: .slug, secret: secret).folder(for: "a") == "a")
    }

    @Test func aShortSecretFailsTheBuildWithAHint() throws {
        let source = try Self.tokenSite(dashboard: false)
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        for command in [["build", "--output", output.path], ["check"]] {
            let run = try Run(command + ["--source", source.path, "--today", "2026-11-05"],
                              environment: ["GANGWAY_URL_SECRET": "correct horse battery staple"])
            #expect(run.status == 1)
            #expect(run.stderr.contains("gangway.yml: error: clinic_urls is 'token' but GANGWAY_URL_SECRET is only 28 characters long: it needs at least 32; make one with `openssl rand -hex 32`"), "\(run.stderr)")
            #expect(!run.stderr.contains("correct horse"), "the message repeats the secret")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    static func tokenSite(dashboard: Bool) throws -> URL {
        let source = try Fixtures.copySite("basic")
        try SafetySite.write(["gangway.yml": "title: Private\nbase_url: https://fixture.example/portal/\nclinic_urls: token\ndashboard: \(dashboard)\n"], into: source)
        return source
    }

    @Test func theBuildFailsClearlyWithoutTheSecret() throws {
        let source = try Self.tokenSite(dashboard: false)
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        for env in [[:], ["GANGWAY_URL_SECRET": ""]] {
            let run = try Run(["build", "--source", source.path, "--output", output.path, "--today", "2026-11-05"], environment: env)
            #expect(run.status == 1)
            #expect(run.stderr.contains("gangway.yml: error: clinic_urls is 'token' but GANGWAY_URL_SECRET is not set"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
        let check = try Run(["check", "--source", source.path, "--today", "2026-11-05"])
        #expect(check.status == 1, "check must fail the same way build does")
    }

    @Test(arguments: [false, true])
    func clinicPagesLiveAtTheirTokenAndStayUnlisted(dashboard: Bool) throws {
        let source = try Self.tokenSite(dashboard: dashboard)
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let run = try Run(["build", "--source", source.path, "--output", output.path, "--today", "2026-11-05"],
                          environment: ["GANGWAY_URL_SECRET": Self.secret])
        #expect(run.status == 0, "\(run.stderr)")
        let tree = Fixtures.tree(output)
        for slug in ["alpha", "beta", "gamma"] {
            let folder = "clinics/\(slug)-\(Self.expected[slug]!)/"
            let page = try #require(tree[folder + "index.html"], "\(folder) missing: \(tree.keys.sorted())")
            #expect(tree[folder + "status.json"] != nil)
            #expect(tree["clinics/\(slug)/index.html"] == nil, "the guessable folder exists too")
            #expect(String(decoding: page, as: UTF8.self).contains("<meta name=\"robots\" content=\"noindex\">"))
        }
        let sitemap = String(decoding: tree["sitemap.xml"]!, as: UTF8.self)
        #expect(!sitemap.contains("clinics"))
        #expect(!tree.values.contains { String(decoding: $0, as: UTF8.self).contains(Self.secret) }, "the secret reached the output")
        // Only clinic pages may name a clinic's folder: the dashboard and the list are in the team site.
        for (path, data) in tree where !path.hasPrefix("clinics/") {
            let text = String(decoding: data, as: UTF8.self)
            for (slug, hex) in Self.expected where text.contains(hex) {
                Issue.record("\(path) reveals the folder of clinic \(slug)")
            }
            #expect(!text.contains("Beta Health"), "\(path) names a clinic")
        }
        let team = Fixtures.tree(source.appendingPathComponent("team"))
        #expect(team.isEmpty == !dashboard)
        if dashboard {
            #expect(String(decoding: team["index.html"]!, as: UTF8.self).contains("https://fixture.example/portal/clinics/alpha-\(Self.expected["alpha"]!)/index.html"))
        }
    }

    @Test func clinicPagesAreNeverInTheSitemapWithSlugsEither() throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        #expect(SafetySite.build(Fixtures.site("basic"), into: output).succeeded)
        let tree = Fixtures.tree(output)
        #expect(!String(decoding: tree["sitemap.xml"]!, as: UTF8.self).contains("clinics/"))
        for (path, data) in tree where path.hasPrefix("clinics/") && path.hasSuffix(".html") {
            #expect(String(decoding: data, as: UTF8.self).contains("<meta name=\"robots\" content=\"noindex\">"), "\(path)")
        }
    }
}
