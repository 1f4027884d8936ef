import Foundation
import GangwayTestSupport
import Testing
@testable import GangwayCore

/// No credentials, no contacts: a credential key anywhere is an error naming the key and the
/// file but never the value, in every output format; emails are masked unless publish_emails;
/// no status.json ever holds an email address or a phone number.
@Suite struct SafetyCredentialTests {
    static let secret = "Tr0ub4dor-\(UUID().uuidString.prefix(8))"

    /// Where a credential can hide: the file, the key as written, and the text that holds it.
    static let placements: [(file: String, key: String, text: String)] = [
        ("content/clinics/delta.yml", "password", "clinic: Delta\nguide: demo\npassword: \(secret)\n"),
        ("content/clinics/delta.yml", "api_key", "clinic: Delta\nguide: demo\nsignatory: {name: Dr. D, api_key: \(secret)}\n"),
        ("content/clinics/delta.yml", "Tenant-ID", "clinic: Delta\nguide: demo\nproviders:\n  - {name: Dr. D, email: d@delta.example, Tenant-ID: \(secret)}\n"),
        ("content/clinics/delta.yml", "uuid", "clinic: Delta\nguide: demo\nsteps:\n  request: {status: todo, note: fine, uuid: \(secret)}\n"),
        ("content/clinics/delta.yml", "accuro_username", "clinic: Delta\nguide: demo\nextra:\n  deep:\n    - [1, {accuro_username: \(secret)}]\n"),
        ("content/clinics/delta.yml", "token", "clinic: Delta\nguide: demo\n? {token: \(secret)}\n: odd key\n"),
        ("content/guides/demo/guide.md", "secret", "---\ntitle: Demo\nsecret: \(secret)\n---\nBody.\n"),
        ("content/guides/demo/01-request.md", "passwd", "---\ntitle: Request\nowner: clinic\nextra: {nested: {passwd: \(secret)}}\n---\n"),
        ("content/pages/faq.md", "user_name", "---\ntitle: FAQ\nuser_name: \(secret)\n---\n"),
        ("gangway.yml", "PASSWORD", "title: Portal\nsmtp:\n  PASSWORD: \(secret)\n"),
    ]

    @Test(arguments: placements.indices)
    func aCredentialKeyAtAnyDepthIsAnErrorThatNeverEchoesTheValue(_ index: Int) throws {
        let (file, key, text) = Self.placements[index]
        let source = try Fixtures.copySite("basic")
        try SafetySite.write([file: text], into: source)
        for format in ["text", "json", "github"] {
            let run = try Run(["check", "--source", source.path, "--today", "2026-11-05", "--format", format])
            #expect(run.status == 1, "\(file) \(key) \(format): \(run.stderr)")
            let all = run.stdout + run.stderr
            #expect(!all.contains(Self.secret), "\(format) output repeats the credential's value: \(all)")
            #expect(!all.contains(String(Self.secret.prefix(8))), "\(format) output repeats part of the credential")
            #expect(all.contains("'\(key)' holds a credential"), "\(format): \(all)")
            #expect(all.contains(file), "\(format): the message does not name \(file)")
        }
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let build = try Run(["build", "--source", source.path, "--output", output.path, "--today", "2026-11-05"])
        #expect(build.status == 1)
        #expect(!(build.stdout + build.stderr).contains(Self.secret))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// Step ids are names, not fields: a step called retrieve-password is not a credential.
    @Test func aStepNamedLikeACredentialIsNotOne() throws {
        let source = try Fixtures.copySite("basic")
        try SafetySite.write(["content/guides/demo/04-retrieve-password.md": "---\ntitle: Retrieve the password\nowner: clinic\n---\nPhone support.\n",
                              "content/clinics/delta.yml": "clinic: Delta\nguide: demo\nsteps:\n  retrieve-password: {status: todo}\n"], into: source)
        let report = SafetySite.build(source, into: try Fixtures.temporaryFolder().appendingPathComponent("public"))
        #expect(report.succeeded, "\(SafetySite.text(report))")
    }

    /// A value written where a step's status goes, under a step named like a credential, could be
    /// the password itself: the message says what is wrong without repeating it.
    @Test func aValueUnderACredentialNamedStepIsNotEchoed() throws {
        let source = try Fixtures.copySite("basic")
        try SafetySite.write(["content/guides/demo/04-retrieve-password.md": "---\ntitle: Retrieve the password\nowner: clinic\n---\n",
                              "content/clinics/delta.yml": "clinic: Delta\nguide: demo\nsteps:\n  retrieve-password: \(Self.secret)\n"], into: source)
        let report = SafetySite.build(source, into: try Fixtures.temporaryFolder().appendingPathComponent("public"))
        #expect(!report.succeeded)
        #expect(!SafetySite.text(report).contains(Self.secret), "\(SafetySite.text(report))")
        #expect(SafetySite.text(report).contains("content/clinics/delta.yml:4:22: error:"), "\(SafetySite.text(report))")
    }

    // MARK: emails and phone numbers

    static let contactSite: [String: String] = [
        "content/clinics/delta.yml": """
            clinic: Delta Clinic (front desk 416-555-0199)
            guide: demo
            office_name: DELTA reception@delta.example
            signatory: {name: Dr. D, email: d.doctor@delta.example, phone: +1 (416) 555-0142}
            ocean_contact: {name: Pat, email: pat@ocean.example, phone: 647.555.0123}
            providers:
              - {name: Dr. E, email: e@delta.example}
            notes: |
              Call 416 555 0100 or write to [the office](mailto:office@delta.example), or <frontdesk@delta.example>,
              or a\\@escaped.example. Fax: 4165550111. Sent on 2026-10-03.
            steps:
              request: {status: blocked, note: "Waiting on Dr. D (d.doctor@delta.example, 416-555-0142) since 2026-11-01"}
              sign-contract: {status: waiting, note: Phone +44 20 7946 0958 x2}

            """,
    ]

    static let contacts = ["d.doctor@delta.example", "pat@ocean.example", "e@delta.example", "office@delta.example",
                           "frontdesk@delta.example", "reception@delta.example", "a@escaped.example",
                           "416-555-0199", "555-0142", "647.555.0123", "416 555 0100", "4165550111", "7946 0958"]

    @Test func emailsAndPhonesAreHiddenUnlessPublishEmails() throws {
        for publish in [false, true] {
            let source = try Fixtures.copySite("basic")
            var files = Self.contactSite
            files["gangway.yml"] = "title: Contacts\ndashboard: true\npublish_emails: \(publish)\n"
            try SafetySite.write(files, into: source)
            let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
            let report = SafetySite.build(source, into: output)
            #expect(report.succeeded, "\(SafetySite.text(report))")
            let tree = SafetySite.bothSites(output)
            let page = String(decoding: tree["clinics/delta/index.html"]!, as: UTF8.self)
            let pages = tree.filter { $0.key.hasSuffix(".html") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
            if publish {
                #expect(page.contains("d.doctor@delta.example"))
                #expect(page.contains("+1 (416) 555-0142"))
                #expect(page.contains("Call 416 555 0100"))
            } else {
                for contact in Self.contacts {
                    #expect(!pages.contains(contact), "\(contact) is on a page with publish_emails off")
                }
                #expect(page.contains("d\u{2022}\u{2022}\u{2022}@delta.example"), "the signatory's email is not shown masked")
                #expect(page.contains("Sent on 2026-10-03"), "a date was taken for a phone number")
            }
            for (path, data) in tree where path.hasSuffix("status.json") {
                let found = SiteAudit.contacts(inJSON: data)
                #expect(found.isEmpty, "\(path) with publish_emails \(publish) holds \(found)")
            }
            // The exports and calendar feeds hide contacts whatever publish_emails says.
            let exports = tree.filter { $0.key.hasSuffix(".csv") || $0.key.hasSuffix(".ics") }
            #expect(exports.count == 3 + 1 + 4, "\(exports.keys.sorted())")
            for (path, data) in exports {
                let text = path.hasSuffix(".ics") ? SafetyTwoSitesTests.calendarText(data) : String(decoding: data, as: UTF8.self)
                let found = SiteAudit.contacts(in: text) + Self.contacts.filter { text.contains($0) }
                #expect(found.isEmpty, "\(path) with publish_emails \(publish) holds \(found)")
            }
            let status = String(decoding: tree["clinics/delta/status.json"]!, as: UTF8.self)
            #expect(status.contains("since 2026-11-01"), "a date in a note was hidden")
        }
    }

    /// Every status.json of the example portal and of every fixture site is free of contacts.
    @Test func noStatusJSONOfTheExampleOrTheFixturesHoldsAContact() throws {
        var sources = [Fixtures.packageRoot]
        let sites = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("sites").path)) ?? []
        sources += sites.filter { !$0.hasPrefix(".") }.map(Fixtures.site)
        var scanned = 0
        for source in sources {
            let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
            let report = SafetySite.build(source, into: output, environment: ["GANGWAY_URL_SECRET": "fixture-secret-fixture-secret-fixture"])
            #expect(report.succeeded, "\(source.lastPathComponent): \(SafetySite.text(report))")
            for (path, data) in SafetySite.bothSites(output) where path.hasSuffix("status.json") {
                scanned += 1
                let found = SiteAudit.contacts(inJSON: data)
                #expect(found.isEmpty, "\(source.lastPathComponent)/\(path) holds \(found)")
            }
        }
        #expect(scanned >= 10)
    }

    /// Names are published in URLs and in status.json, so a name that reads as a phone number is an
    /// error; one that holds a date is not. (The fuzzer found the step id.)
    @Test func aNameThatReadsAsAPhoneNumberIsAnError() throws {
        let cases: [(String, String, String)] = [
            ("content/clinics/416-555-0100.yml", "clinic: Phone\nguide: demo\n", "case file name '416-555-0100.yml' looks like a phone number"),
            ("content/guides/demo/04-call.md", "---\nid: call-4165550100\ntitle: Call\nowner: clinic\n---\n", "step id 'call-4165550100' looks like a phone number"),
            ("content/guides/emr-4165550100/guide.md", "---\ntitle: EMR\n---\n", "guide folder name 'emr-4165550100' looks like a phone number"),
        ]
        for (path, text, message) in cases {
            let source = try Fixtures.copySite("basic")
            try SafetySite.write([path: text], into: source)
            let report = SafetySite.build(source, into: try Fixtures.temporaryFolder().appendingPathComponent("public"))
            #expect(!report.succeeded, "\(path)")
            #expect(SafetySite.text(report).contains(message), "\(SafetySite.text(report))")
        }
        let source = try Fixtures.copySite("basic")
        try SafetySite.write(["content/clinics/visit-2026-10-03.yml": "clinic: Dated\nguide: demo\n",
                              "content/guides/demo/04-call.md": "---\nid: call-on-2026-11-01\ntitle: Call\nowner: clinic\n---\n"], into: source)
        let dated = SafetySite.build(source, into: try Fixtures.temporaryFolder().appendingPathComponent("public"))
        #expect(dated.succeeded, "\(SafetySite.text(dated))")
    }

    @Test(arguments: [
        ("mail a@b.example now", "mail a\u{2022}\u{2022}\u{2022}@b.example now"),
        ("end with x.y@clinic.example.", "end with x\u{2022}\u{2022}\u{2022}@clinic.example."),
        ("not an address: a@b, @home, x@localhost", "not an address: a@b, @home, x@localhost"),
        ("call 416-555-0100", "call \u{2022}\u{2022}\u{2022}-\u{2022}\u{2022}\u{2022}-\u{2022}\u{2022}\u{2022}\u{2022}"),
        ("on 2026-10-03 and 2026-11-01", "on 2026-10-03 and 2026-11-01"),
        ("(2026-10-03)", "(2026-10-03)"),
        ("room 12, floor 3", "room 12, floor 3"),
        ("\u{FF14}\u{FF11}\u{FF16}5550100", "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}"),
        ("4\u{20E3}1\u{20E3}6\u{20E3}5550100", "\u{2022}\u{20E3}\u{2022}\u{20E3}\u{2022}\u{20E3}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}"),
    ])
    func contactTextHidesEmailsAndPhonesButNotDates(_ input: String, _ expected: String) {
        #expect(ContactText.redact(input) == expected)
        #expect(SiteAudit.contacts(in: ContactText.redact(input)).isEmpty)
    }
}
