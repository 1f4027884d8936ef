import Testing
@testable import GangwayCore

/// Every rule on a case file, one table row per case, on inline YAML, checked in-process for its
/// message, line and column (as swift-format's rule tests do). The site around it is `RuleSite`.
@Suite struct CaseFileRuleTests {
    static let h = RuleSite.head

    static let errors: [RuleCase] = [
        .clinic("done without a date", h + "steps:\n  check-existing-access: {status: done}\n",
                [clinicAt(9, 35, "error", "step 'check-existing-access' is done but has no 'done' date")]),
        .clinic("done without a date, shorthand", h + "steps:\n  check-existing-access: done\n",
                [clinicAt(9, 26, "error", "step 'check-existing-access' is done but has no 'done' date")]),
        .clinic("done with a bad date is not also without one", h + "steps:\n  check-existing-access: {status: done, done: 2026-02-30}\n",
                [clinicAt(9, 47, "error", "'2026-02-30' is not a real date: February 2026 has 28 days")]),
        .clinic("blocked without a note", h + "steps:\n  check-existing-access: {status: blocked}\n",
                [clinicAt(9, 35, "error", "step 'check-existing-access' is blocked but has no 'note' saying why")]),
        .clinic("skipped without a note, shorthand", h + "steps:\n  check-existing-access: skipped\n",
                [clinicAt(9, 26, "error", "step 'check-existing-access' is skipped but has no 'note' saying why")]),
        .clinic("skipped with a blank note", h + "steps:\n  check-existing-access: {status: skipped, note: \"  \"}\n",
                [clinicAt(9, 35, "error", "step 'check-existing-access' is skipped but has no 'note' saying why")]),
        .clinic("done before started", h + "steps:\n  check-existing-access: {status: done, started: 2026-10-05, done: 2026-10-03}\n",
                [clinicAt(9, 68, "error", "step 'check-existing-access' is done on 2026-10-03, before it started on 2026-10-05")]),
        .clinic("unknown step with a suggestion", h + "steps:\n  check-existing-access: {status: done, done: 2026-10-01}\n  sign-contact: todo\n",
                [clinicAt(10, 3, "error", "unknown step 'sign-contact' in guide 'accuro' (did you mean 'sign-contract'?)")]),
        .clinic("unknown step without a suggestion", h + "steps:\n  check-existing-access: {status: done, done: 2026-10-01}\n  wander: todo\n",
                [clinicAt(10, 3, "error", "unknown step 'wander' in guide 'accuro'")]),
        .clinic("unknown guide with a suggestion", "clinic: Lakeshore\nguide: acuro\n",
                [clinicAt(2, 8, "error", "guide 'acuro' does not exist (did you mean 'accuro'?)")]),
        .clinic("unknown guide without a suggestion", "clinic: Lakeshore\nguide: oscar-pro\n",
                [clinicAt(2, 8, "error", "guide 'oscar-pro' does not exist")]),
        .clinic("unknown status", h + "steps:\n  check-existing-access: {status: dnoe}\n",
                [clinicAt(9, 35, "error", "unknown status 'dnoe' (did you mean 'done'?)")]),
        .clinic("missing clinic", "guide: accuro\n",
                [clinicAt(1, 1, "error", "missing required key 'clinic' in a case file")]),
        .clinic("missing guide", "clinic: Lakeshore\n",
                [clinicAt(1, 1, "error", "missing required key 'guide' in a case file")]),
        .clinic("wrong type", h + "region: [Ontario]\n",
                [clinicAt(8, 9, "error", "'region' must be text, not a list")]),
        .clinic("credential at depth", h + "signatory_extra: {portal: {password: x}}\n",
                [clinicAt(8, 1, "error", "unknown key 'signatory_extra' in a case file"),
                 clinicAt(8, 28, "error", "'password' holds a credential; credentials never go into a case file, so they can never be published")]),
        .clinic("unreadable YAML", "clinic: [Lakeshore\nguide: accuro\n",
                [clinicAt(2, 6, "error", "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts on line 1)")]),
        .clinic("an empty case file", "# nothing yet\n", [clinicAt(1, 1, "error", "the case file is empty")]),
        .clinic("an empty required value", "clinic: \"\"\nguide: accuro\n", [clinicAt(1, 1, "error", "'clinic' in a case file is empty")]),
        .clinic("a key twice", "clinic: A\nclinic: B\nguide: accuro\n",
                [clinicAt(2, 1, "error", "key 'clinic' appears twice in the same mapping (first on line 1)")]),
        .clinic("a date not written as YYYY-MM-DD", h + "steps:\n  check-existing-access: {status: done, done: 2026-10-1}\n",
                [clinicAt(9, 47, "error", "'2026-10-1' is not written as YYYY-MM-DD (did you mean '2026-10-01'?)")]),
        .clinic("a provider that is not a mapping", h + "  - Dr. Tom Okafor\n",
                [clinicAt(8, 5, "error", "a provider must be 'key: value' pairs, not text")]),
        .clinic("an unknown key with a suggestion", h + "ofice_name: X\n",
                [clinicAt(8, 1, "error", "unknown key 'ofice_name' in a case file (did you mean 'office_name'?)")]),
        .clinic("a credential where a date was expected is never echoed", h + "steps:\n  retrieve-password: {status: done, done: \"Hunter2Secret!\"}\n",
                [clinicAt(9, 3, "error", "unknown step 'retrieve-password' in guide 'accuro'"),
                 clinicAt(9, 43, "error", "'done' of step 'retrieve-password' is not a date; the value is not repeated here, in case it is a credential")]),
    ]

    static let warnings: [RuleCase] = [
        .clinic("provider without a valid email", h.replacingOccurrences(of: "  - {name: Dr. Amara Singh, email: asingh@lakeshore.example}",
                                                                         with: "  - {name: Dr. Amara Singh, email: asingh@lakeshore}"),
                [clinicAt(7, 36, "warning", "provider 'Dr. Amara Singh' has an email that is not valid")]),
        .clinic("provider without an email", h + "  - {name: Dr. Tom Okafor}\n",
                [clinicAt(8, 5, "warning", "provider 'Dr. Tom Okafor' has no email")]),
        .clinic("provider listed twice", h + "  - {name: Dr. A. Singh, email: asingh@lakeshore.example}\n",
                [clinicAt(8, 5, "warning", "provider 'Dr. A. Singh' is listed twice: provider 1 has the same email")]),
        .clinic("provider with an admin role", h + "  - {name: Jo Park, email: jo@lakeshore.example, role: admin}\n",
                [clinicAt(8, 56, "warning", "provider 'Jo Park' has role 'admin': only providers are enabled, so leave admins, staff and assistants off the list")]),
        .clinic("requires unmet", h.replacingOccurrences(of: "office_name: Lakeshore FHT\n", with: "")
                + "steps:\n  check-existing-access: {status: done, done: 2026-10-01}\n  request-contract: {status: in-progress, started: 2026-10-02}\n",
                [clinicAt(9, 30, "warning", "step 'request-contract' is in-progress, but the 'office_name' it requires is not filled in yet")]),
        .clinic("existing link not skipped", h + "existing_cds_link: true\nsteps:\n  check-existing-access: {status: done, done: 2026-10-01}\n",
                [clinicAt(8, 20, "warning", "step 'request-contract' does not apply when the clinic already has a CDS link (existing_cds_link: true)"),
                 clinicAt(8, 20, "warning", "step 'sign-contract' does not apply when the clinic already has a CDS link (existing_cds_link: true)")]),
        .clinic("done out of order", h + "steps:\n  request-contract: {status: done, done: 2026-10-03}\n",
                [clinicAt(9, 30, "warning", "step 'request-contract' is done while the earlier step 'check-existing-access' is neither done nor skipped")]),
        .clinic("date after today", h + "steps:\n  check-existing-access: {status: done, done: 2027-10-01}\n",
                [clinicAt(9, 47, "warning", "step 'check-existing-access' has a 'done' date after today: 2027-10-01 (today is 2026-11-05)")]),
        .clinic("done date on a step not done", h + "steps:\n  check-existing-access: {status: in-progress, done: 2026-10-01}\n",
                [clinicAt(9, 54, "warning", "step 'check-existing-access' has a 'done' date but its status is in-progress")]),
    ]

    @Test(arguments: errors) func errorRule(_ row: RuleCase) throws { try RuleSite.expect(row) }
    @Test(arguments: warnings) func warningRule(_ row: RuleCase) throws { try RuleSite.expect(row) }

    @Test func theBaseSiteIsClean() throws {
        #expect(try RuleSite.diagnostics([:]).isEmpty)
    }
}
