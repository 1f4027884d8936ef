import Testing
import GangwayMustacheTestSupport
@testable import GangwayCore

/// The byte-level checks that stand in for Character-level definitions on ASCII text (the
/// credential-key test run on every key, the email check run on every address) must answer as
/// the definitions do: tables of edge cases, then seeded strings over the characters that matter,
/// Unicode and whitespace included (which take the definitions' own path).
@Suite struct ByteChecksTests {
    static let emailCases: [(String, Bool)] = [
        ("asingh@clinic.example", true), ("a@b.c", true), ("a.b@c.d.e", true), ("a@b-c.d", true), ("x@a.b.", false),
        ("@clinic.example", false), ("a@", false), ("a@b", false), ("a@.b", false), ("a@b..c", false), ("a@-b.c", false),
        ("a@b-.c", false), ("a@b.c-", false), ("a@b.-c", false), ("a@@b.c", false), ("a@b@c.d", false), ("a b@c.d", false),
        ("a@b.c\n", false), ("a\t@b.c", false), ("a\r\n@b.c", false), ("a\u{0B}@b.c", false), ("a\u{1C}@b.c", true),
        ("", false), ("@", false), (".", false), ("a@b.c ", false), ("-@b.c", true), ("a@b.c.d-e", true),
        ("é@b.c", true), ("a@é.c", true), ("a@b.c\u{A0}", false), ("a@b.c\u{2028}", false), ("a@b\u{301}.c", true),
        ("a@\u{301}b.c", false), ("a@b.-\u{301}c", true), ("a\u{85}@b.c", false),
    ]

    @Test func emailsAsTheDefinition() {
        Self.expectAgreement(Completeness.isValidEmail, Completeness.isValidEmailByCharacters, table: Self.emailCases,
                             pieces: ["a", "b", "@", ".", "-", " ", "\t", "\r", "\n", "\r\n", "\u{0C}", "\u{1F}", "é", "\u{301}", "\u{A0}", "_"])
    }

    static let credentialCases: [(String, Bool)] = [
        ("password", true), ("Password", true), ("PASSWORD", true), ("emr-password", true), ("emr password", true), ("password_hint", true),
        ("passwords", false), ("mypassword", false), ("_password", true), ("password_", true), ("pass-word", false), ("api_key", true),
        ("API-Key", true), ("apikey", true), ("api key", true), ("user_name", true), ("username", true), ("User Name", true),
        ("tenant-id", true), ("uuid", true), ("UUID", true), ("clinic_uuid", true), ("token", true), ("tokens", false), ("secret", true),
        ("secretary", false), ("passwd", true), ("retrieve-password", true), ("", false), ("_", false), ("x", false),
        ("pässword", false), ("emr-pässword", false), ("ﬁle_password", true), ("password\u{301}", false), ("PASSWORD\u{130}", false),
        ("émr_password", true), ("token\r\n", false), ("\r\n_token", true),
    ]

    @Test func credentialKeysAsTheDefinition() {
        Self.expectAgreement(CredentialScan.isCredential, CredentialScan.isCredentialByCharacters, table: Self.credentialCases,
                             pieces: ["pass", "word", "password", "passwd", "secret", "token", "api", "key", "api_key", "tenant", "id", "uuid",
                                      "user", "name", "_", "-", " ", "P", "A", "S", "W", "O", "R", "D", "K", "E", "Y", "é", "\u{301}", "\r\n", "x"])
    }

    static let roleCases: [(String, Bool)] = [
        ("Family physician", false), ("Office Manager", true), ("office-manager", true), ("office  manager", true), ("MOA", true),
        ("moa", true), ("IT", true), ("it", true), ("Lead IT support", true), ("admin", true), ("Admin/billing", true), ("administrators", false),
        ("physician assistant", true), ("assistant-physician", true), ("front desk", true), ("frontdesk", false), ("desk front", false),
        ("staff physician", true), ("pharmacist", false), ("", false), ("  ", false), ("Clerk2", false), ("clerk 2", true),
        ("Médical office assistant", true), ("medical office assistant", true), ("Ａdmin", false), ("admin\u{301}", false),
        ("scheduler\r\nstaff", true), ("secretary", true), ("Billing", true),
    ]

    /// Role matching on bytes answers as the Character definition does, for the built-in list and
    /// for lists extended with ASCII and non-ASCII roles (the latter take the definition's path).
    @Test func rolesAsTheDefinition() {
        for roles in [NonProviderRoles(), NonProviderRoles(extra: ["Locum", "nurse navigator"]), NonProviderRoles(extra: ["Réception"])] {
            Self.expectAgreement({ roles.match($0) }, roles.matchByCharacters, table: Self.roleCases,
                                 pieces: ["admin", "office", "manager", "IT", "it", "moa", "MOA", "staff", "front", "desk", "locum", "Locum",
                                          "nurse", "navigator", "réception", "Réception", " ", "-", "/", "2", "é", "\u{301}", "\r\n", "x", "A"])
        }
    }

    /// Whatever redaction's cheap test skips, the rules themselves leave as it is: tables of near
    /// misses (six digits, four separators between groups, `at` without its bracket), then seeded
    /// strings over digits, separators and the starts of every at sign.
    @Test func contactTestSkipsOnlyWhatRedactionKeeps() {
        let table = [
            "call 416-555-0100", "416 555 0100", "(416) 555-0100", "+1 416 555 0100", "416.555.0100", "4165550100", "12 34 56 7",
            "123456", "123-456", "12 - - - 34 56 78", "12 -  34 56 78", "2026-10-01", "on 2026-10-01 and 2026-10-04",
            "ext 1234567", "a@b.c", "a (at) b.c", "a[at]b.c", "a{at}b.c", "at) 1", "a %40 b.c", "&#64;", "clinic 00001 room 12",
            "1,2,3,4,5,6,7", "1, 2, 3, 4, 5, 6, 7", "1x2x3x4x5x6x7", "12)34(56)7", "12]34567", "12}34567",
        ]
        for text in table where !ContactText.mayHoldContact(text) {
            #expect(ContactText.redactFully(text) == text, "\(text.debugDescription)")
        }
        #expect(ContactText.mayHoldContact("call 416-555-0100"))
        #expect(!ContactText.mayHoldContact("clinic 00001 room 12"))
        let pieces = ["1", "23", "456", "7", " ", "\t", "-", ".", "/", "_", ",", "(", ")", "+", "x", "ext", "a", "t", "at", "[", "]",
                      "{", "}", "@", "%", "&", "é", "\u{2013}", "\n", ", ", ". ", "A", "T"]
        let missed = Self.strings(over: pieces, count: 50_000).filter { !ContactText.mayHoldContact($0) && ContactText.redactFully($0) != $0 }
        #expect(missed.isEmpty, "\(missed.prefix(20).map(\.debugDescription))")
    }

    /// The check and its definition both give the table's answers, and agree on 50,000 seeded strings.
    static func expectAgreement(_ check: (String) -> Bool, _ definition: (String) -> Bool, table: [(String, Bool)], pieces: [String]) {
        for (text, answer) in table {
            #expect(check(text) == answer && definition(text) == answer, "\(text.debugDescription)")
        }
        let mismatches = strings(over: pieces, count: 50_000).filter { check($0) != definition($0) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map(\.debugDescription))")
    }

    /// Seeded strings of one to eight pieces.
    static func strings(over pieces: [String], count: Int) -> [String] {
        var random = SeededRandom(seed: 31)
        return (0..<count).map { _ in
            (0..<(1 + Int(random.next() % 8))).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }
}
