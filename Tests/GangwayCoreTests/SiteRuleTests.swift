import Testing
@testable import GangwayCore

/// The rules on guides, names and gangway.yml, one table row per case, checked in-process.
@Suite struct SiteRuleTests {
    static let step = "---\ntitle: Extra\nowner: clinic\n---\nBody.\n"

    static let rows: [RuleCase] = [
        RuleCase(name: "duplicate step id", files: ["content/guides/accuro/05-again.md": "---\nid: sign-contract\ntitle: Again\nowner: clinic\n---\n"],
                 expected: ["content/guides/accuro/05-again.md:2:5: error: step id 'sign-contract' is used twice in guide 'accuro' (first in content/guides/accuro/03-sign-contract.md)"]),
        RuleCase(name: "guide without a title", files: ["content/guides/accuro/guide.md": "---\nemr: Accuro\n---\n"],
                 expected: ["content/guides/accuro/guide.md:2:1: error: missing required key 'title' in a guide's front matter"]),
        RuleCase(name: "step id that is not a slug", files: ["content/guides/accuro/05-again.md": "---\nid: Again_Step\ntitle: Again\nowner: clinic\n---\n"],
                 expected: ["content/guides/accuro/05-again.md:2:5: error: step id 'Again_Step' is not a valid id: use only a-z, 0-9 and '-', starting with a letter or digit"]),
        RuleCase(name: "case file name that is not a slug", files: ["content/clinics/Lake_Shore.yml": "clinic: X\nguide: accuro\n"],
                 expected: ["content/clinics/Lake_Shore.yml:1:1: error: case file name 'Lake_Shore.yml' is not a valid slug: use only a-z, 0-9 and '-', starting with a letter or digit"]),
        RuleCase(name: "page name that is not a slug", files: ["content/pages/FAQ.md": "---\ntitle: FAQ\n---\n"],
                 expected: ["content/pages/FAQ.md:1:1: error: page file name 'FAQ.md' must use only a-z, 0-9 and '-'"]),
        RuleCase(name: "guide folder name that is not a slug", files: ["content/guides/Oscar/guide.md": "---\ntitle: Oscar\n---\n", "content/guides/Oscar/01-a.md": step],
                 expected: ["content/guides/Oscar/guide.md:1:1: error: guide folder name 'Oscar' must use only a-z, 0-9 and '-', starting with a letter or digit"]),
        RuleCase(name: "token URLs without a secret", files: ["gangway.yml": "clinic_urls: token\n"],
                 expected: ["gangway.yml: error: clinic_urls is 'token' but GANGWAY_URL_SECRET is not set: set it to a long random secret kept out of the repository"],
                 environment: [:]),
        RuleCase(name: "token URLs with a secret", files: ["gangway.yml": "clinic_urls: token\n"], expected: [],
                 environment: ["GANGWAY_URL_SECRET": "a-long-enough-secret-for-the-rule-test"]),
        RuleCase(name: "an unknown owner", files: ["content/guides/accuro/05-x.md": "---\ntitle: X\nowner: clnic\n---\n"],
                 expected: ["content/guides/accuro/05-x.md:3:8: error: unknown owner 'clnic' (did you mean 'clinic'?)"]),
        RuleCase(name: "an unknown requirement", files: ["content/guides/accuro/05-x.md": "---\ntitle: X\nowner: clinic\nrequires: [signatry]\n---\n"],
                 expected: ["content/guides/accuro/05-x.md:4:12: error: unknown requirement 'signatry' (did you mean 'signatory'?)"]),
        RuleCase(name: "a credential in front matter", files: ["content/guides/accuro/05-x.md": "---\ntitle: X\nowner: clinic\napi_key: abc\n---\n"],
                 expected: ["content/guides/accuro/05-x.md:4:1: error: 'api_key' holds a credential; credentials never go into a guide, so they can never be published"]),
        RuleCase(name: "a credential in gangway.yml", files: ["gangway.yml": "title: X\ntoken: abc\n"],
                 expected: ["gangway.yml:2:1: error: 'token' holds a credential; credentials never go into gangway.yml, so they can never be published"]),
        RuleCase(name: "front matter not closed", files: ["content/pages/faq.md": "---\ntitle: FAQ\n"],
                 expected: ["content/pages/faq.md:1:1: error: front matter is not closed: add a line '---' after it"]),
        RuleCase(name: "a page with an empty title", files: ["content/pages/faq.md": "---\ntitle:\n---\n"],
                 expected: ["content/pages/faq.md:2:1: error: 'title' in a page's front matter is empty"]),
        RuleCase(name: "config errors", files: ["gangway.yml": "titel: X\nclinic_urls: slugs\n"],
                 expected: ["gangway.yml:1:1: error: unknown key 'titel' in gangway.yml (did you mean 'title'?)",
                            "gangway.yml:2:14: error: 'clinic_urls' must be 'slug' or 'token', not 'slugs'"]),
    ]

    @Test(arguments: rows) func rule(_ row: RuleCase) throws { try RuleSite.expect(row) }
}
