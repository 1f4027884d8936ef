import Testing
@testable import GangwayCore

/// The rules added for authors (issues 10 and 13): one mistake gives one diagnostic at its
/// place, flow-style pitfalls get a hint, placeholders and non-provider roles are caught, names
/// have a length limit, a credential is never echoed, a guide needs steps, and `--strict`
/// reports warnings as errors. One table row per case, checked in-process.
@Suite struct AuthoringRuleTests {
    static let h = RuleSite.head
    static let long = String(repeating: "a", count: NameLimits.characters + 1)

    static let rows: [RuleCase] = [
        .clinic("a misspelt required key is one diagnostic, at the key", "clinc: Lakeshore\nguide: accuro\n",
                [clinicAt(1, 1, "error", "unknown key 'clinc' in a case file (did you mean 'clinic'?)")]),
        .clinic("a bad signatory email is reported once, at the email",
                h.replacingOccurrences(of: "email: asingh@lakeshore.example}\nocean", with: "email: asingh@lakeshore}\nocean")
                + "steps:\n  check-existing-access: {status: done, done: 2026-10-01}\n  request-contract: {status: done, done: 2026-10-02}\n"
                + "  sign-contract: {status: waiting, since: 2026-10-02}\n",
                [clinicAt(4, 43, "warning", "signatory 'Dr. Amara Singh' has an email that is not valid")]),
        .clinic("the clinic's name is still its slug", "clinic: lakeshore\nguide: accuro\n",
                [clinicAt(1, 9, "warning", "the clinic's name is still its slug 'lakeshore', as 'gangway new clinic' wrote it")]),
        RuleCase(name: "a case file slug over the length limit", files: ["content/clinics/\(long).yml": "clinic: X\nguide: accuro\n"],
                 expected: ["content/clinics/\(long).yml:1:1: error: case file name '\(String(long.prefix(40)))….yml' is \(long.count) characters long; the limit is \(NameLimits.characters)"]),
        RuleCase(name: "a step id over the length limit", files: ["content/guides/accuro/05-x.md": "---\nid: \(long)\ntitle: X\nowner: clinic\n---\n"],
                 expected: ["content/guides/accuro/05-x.md:2:5: error: step id '\(String(long.prefix(40)))…' is \(long.count) characters long; the limit is \(NameLimits.characters)"]),
        RuleCase(name: "a page name over the length limit", files: ["content/pages/\(long).md": "---\ntitle: X\n---\n"],
                 expected: ["content/pages/\(long).md:1:1: error: page file name '\(String(long.prefix(40)))….md' is \(long.count) characters long; the limit is \(NameLimits.characters)"]),
        RuleCase(name: "a name at the length limit is fine",
                 files: ["content/clinics/\(String(long.dropFirst())).yml": "clinic: X\nguide: accuro\n"], expected: []),
        RuleCase(name: "a guide without steps", files: ["content/guides/empty/guide.md": "---\ntitle: Empty\n---\nNothing yet.\n"],
                 expected: ["content/guides/empty/guide.md:1:1: error: guide 'empty' has no steps (add files named like 01-first-step.md)"]),
        RuleCase(name: "placeholders left by new guide",
                 files: ["content/guides/accuro/guide.md": "---\ntitle: \"TODO: name this guide\"\nemr: TODO\nvendor: Todo Corp\nsummary: TODOS are fine\n---\nTODO: write the introduction\nA real line.\n  - TODO list item\n",
                         "content/guides/accuro/05-x.md": "---\ntitle: TODO name this step\nowner: clinic\nwait_for: \"TODO: who answers\"\n---\nTODO\n"],
                 expected: ["content/guides/accuro/05-x.md:2:8: warning: placeholder left by 'gangway new guide': 'title' still begins with TODO",
                            "content/guides/accuro/05-x.md:4:11: warning: placeholder left by 'gangway new guide': 'wait_for' still begins with TODO",
                            "content/guides/accuro/05-x.md:6:1: warning: placeholder left by 'gangway new guide': this line still begins with TODO",
                            "content/guides/accuro/guide.md:2:8: warning: placeholder left by 'gangway new guide': 'title' still begins with TODO",
                            "content/guides/accuro/guide.md:3:6: warning: placeholder left by 'gangway new guide': 'emr' still begins with TODO",
                            "content/guides/accuro/guide.md:7:1: warning: placeholder left by 'gangway new guide': this line still begins with TODO",
                            "content/guides/accuro/guide.md:9:5: warning: placeholder left by 'gangway new guide': this line still begins with TODO"]),
        RuleCase(name: "--strict reports warnings as errors", files: [RuleSite.clinicFile: "clinic: lakeshore\nguide: accuro\n"],
                 expected: [clinicAt(1, 9, "error", "the clinic's name is still its slug 'lakeshore', as 'gangway new clinic' wrote it")], strict: true),
    ]

    static let roles: [(role: String, flagged: Bool)] = [
        ("admin", true), ("Administrator", true), ("office manager", true), ("Medical Office Assistant", true), ("MOA", true),
        ("receptionist", true), ("Front Desk", true), ("clerk", true), ("scheduler", true), ("staff", true), ("assistant", true),
        ("IT", true), ("it support", true), ("clinic admin", true), ("admin/billing", true),
        ("physician", false), ("nurse practitioner", false), ("administrative lead physician", false), ("itinerant physician", false),
        ("locum coordinator", true), ("Locum Coordinator (part time)", true),
    ]

    @Test(arguments: rows) func rule(_ row: RuleCase) throws { try RuleSite.expect(row) }

    @Test(arguments: roles) func nonProviderRoles(_ row: (role: String, flagged: Bool)) throws {
        let yaml = Self.h + "  - {name: Jo Park, email: jo@lakeshore.example, role: \(row.role)}\n"
        let got = RuleSite.lines(try RuleSite.diagnostics([RuleSite.clinicFile: yaml, "gangway.yml": "non_provider_roles: [locum coordinator]\n"]))
        let expected = row.flagged
            ? [clinicAt(8, 56, "warning", "provider 'Jo Park' has role '\(row.role)': only providers are enabled, so leave admins, staff and assistants off the list")]
            : []
        #expect(got == expected, "role \(row.role)")
    }

    @Test func nonProviderRolesMustBeAListOfText() throws {
        let got = RuleSite.lines(try RuleSite.diagnostics(["gangway.yml": "non_provider_roles: locum\n"]))
        #expect(got == ["gangway.yml:1:21: error: 'non_provider_roles' must be a list, not text"])
    }

    static let pitfalls: [(name: String, step: String, expected: String, hint: String)] = [
        ("missing space after a colon", "  sign-contract: {status:done}",
         clinicAt(9, 19, "error", "unknown key 'status:done' in step 'sign-contract'"), "YAML needs a space after the colon: write 'status: done'"),
        ("unquoted comma", "  sign-contract: {status: waiting, note: call back after 2 h, ask for Sam}",
         clinicAt(9, 63, "error", "unknown key 'ask for Sam' in step 'sign-contract'"),
         "a comma ends a value inside { }: put the whole value in quotes, like \"call back after 2 h, ask for Sam\", \(FlowStylePitfalls.blockStyle)"),
        ("unquoted hash", "  sign-contract: {status: waiting, note: #2 chase sent}\n  request-contract: {status: done, done: 2026-10-03}",
         clinicAt(9, 42, "error", "invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping that starts on line 9)"),
         "' #' starts a comment, which hides the rest of the line and its '}': put the value in quotes, like \"#2 chase sent\", \(FlowStylePitfalls.blockStyle)"),
        ("unquoted colon", "  sign-contract: {status: waiting, note: Re: the contract}",
         clinicAt(9, 44, "error", "invalid YAML: did not find expected ',' or '}'"),
         "a value inside { } that holds ': ' needs quotes, like \"Re: the contract\", \(FlowStylePitfalls.blockStyle)"),
    ]

    @Test(arguments: pitfalls) func flowStylePitfallsGetAHint(_ row: (name: String, step: String, expected: String, hint: String)) throws {
        let diagnostics = try RuleSite.diagnostics([RuleSite.clinicFile: Self.h + "steps:\n" + row.step + "\n"])
        #expect(RuleSite.lines(diagnostics) == [row.expected], "\(row.name)")
        #expect(diagnostics.first?.hint == row.hint, "\(row.name)")
    }
}
