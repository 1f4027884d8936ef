import Testing
@testable import GangwayCore

/// The byte-level checks that stand in for Character-level definitions on ASCII text (the
/// credential-key test run on every key) must answer as the definitions do: tables of edge cases, then seeded strings over the characters that matter,
/// Unicode and whitespace included (which take the definitions' own path).
@Suite struct ByteChecksTests {
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
        for (key, credential) in Self.credentialCases {
            #expect(CredentialScan.isCredential(key) == credential, "\(key.debugDescription)")
            #expect(CredentialScan.isCredentialByCharacters(key) == credential, "\(key.debugDescription)")
        }
        var mismatches: [String] = []
        let pieces = ["pass", "word", "password", "passwd", "secret", "token", "api", "key", "api_key", "tenant", "id", "uuid", "user", "name",
                      "_", "-", " ", "P", "A", "S", "W", "O", "R", "D", "K", "E", "Y", "é", "\u{301}", "\r\n", "x"]
        for text in Self.strings(over: pieces, count: 50_000) {
            if CredentialScan.isCredential(text) != CredentialScan.isCredentialByCharacters(text) { mismatches.append(text.debugDescription) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    /// Seeded strings of one to eight pieces.
    static func strings(over pieces: [String], count: Int) -> [String] {
        var random = SplitMix(seed: 31)
        return (0..<count).map { _ in
            (0..<(1 + Int(random.next() % 8))).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }
}
