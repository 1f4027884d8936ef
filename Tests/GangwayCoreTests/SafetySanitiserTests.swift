import Foundation
import Testing
@testable import GangwayCore

/// The two sanitisers (text for terminals and CI logs, text for HTML and XML) and the one
/// base-URL rule, each on the characters and addresses an attacker or a slip would use.
@Suite struct SafetySanitiserTests {
    static let controls: [Unicode.Scalar] = (0x00...0x1F).map { Unicode.Scalar($0)! } + (0x7F...0x9F).map { Unicode.Scalar($0)! }
        + ["\u{2028}", "\u{2029}", "\u{202E}", "\u{2066}"]

    @Test func terminalTextShowsEveryControlCharacterEscaped() {
        for scalar in Self.controls {
            let escaped = TerminalText.escape("a\(Character(scalar))b")
            #expect(!escaped.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) stays raw")
            #expect(escaped.hasPrefix("a\\") && escaped.hasSuffix("b"))
        }
        #expect(TerminalText.escape("x\ny\r\u{1B}[2J\u{7}\0") == "x\\ny\\r\\u{1B}[2J\\u{7}\\0")
        #expect(TerminalText.escape("Café «ok» 日本") == "Café «ok» 日本")
    }

    /// A value holding a newline cannot print a second, well-formed diagnostic line, in any format.
    @Test func aValueWithANewlineCannotForgeADiagnostic() throws {
        let forged = "x\ncontent/clinics/x.yml:1:1: error: injected\u{1B}[31m\u{7}\r"
        let d = [Diagnostic.error("unknown status '\(forged)'", at: SourceLocation(file: "content/clinics/a\nb.yml", line: 2, column: 3),
                                  hint: "hint\n::error file=x::injected")]
        let text = DiagnosticFormatter.text(d)
        #expect(text.split(separator: "\n").count == 2, "one diagnostic line and one note: \(text.debugDescription)")
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}") && !text.contains("\r"))
        #expect(text.hasPrefix("content/clinics/a\\nb.yml:2:3: error: unknown status 'x\\ncontent/clinics/x.yml:1:1: error: injected\\u{1B}[31m\\u{7}\\r'\n"))

        let github = DiagnosticFormatter.github(d)
        #expect(github.split(separator: "\n").count == 1)
        #expect(!github.contains("\u{1B}") && !github.contains("\0") && !github.contains("\r"))
        #expect(github.hasPrefix("::error file=content/clinics/a\\nb.yml,line=2,col=3::"), "\(github)")

        let json = DiagnosticFormatter.json(d + [.error("del \u{7F} c1 \u{9B}", at: SourceLocation(file: "a.yml"))])
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.first?["file"] as? String == "content/clinics/a\nb.yml", "JSON keeps the exact value, escaped")
        #expect(items.last?["message"] as? String == "del \u{7F} c1 \u{9B}")
    }

    @Test func githubFormatterStillEscapesPercentAndItsOwnLineBreak() {
        let d = [Diagnostic.warning("100% sure\u{0}", at: SourceLocation(file: "a,b:c.yml", line: 4, column: 5), hint: "fix it")]
        #expect(DiagnosticFormatter.github(d) == "::warning file=a%2Cb%3Ac.yml,line=4,col=5::100%25 sure\\0%0Afix it\n")
    }

    @Test func xmlTextReplacesWhatHTMLForbids() {
        for scalar in Self.controls where !["\t", "\n", "\r"].contains(scalar) && scalar.value < 0x2000 {
            #expect(XMLText.escape("a\(Character(scalar))b") == "a\u{FFFD}b", "U+\(String(scalar.value, radix: 16))")
        }
        for nonchar: UInt32 in [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF] {
            #expect(XMLText.escape("a\(Character(Unicode.Scalar(nonchar)!))b") == "a\u{FFFD}b")
        }
        #expect(XMLText.escape("a\tb\nc\rd") == "a\tb\nc\rd")
        #expect(XMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;")
        #expect(XMLText.escape("Café 日本 \u{FFFD}") == "Café 日本 \u{FFFD}")
    }

    @Test(arguments: [
        ("https://onboarding.example.org", "https://onboarding.example.org/"),
        ("http://127.0.0.1:8000/portal/", "http://127.0.0.1:8000/portal/"),
        ("HTTPS://Example.org/a", "HTTPS://Example.org/a/"),
    ])
    func baseURLAcceptsHTTPAddresses(_ input: String, _ expected: String) throws {
        #expect(try BaseURLRule.normalize(input).get() == expected)
    }

    @Test(arguments: [
        "javascript:alert(1)", "ftp://example.org/", "https://", "example.org", "/portal/", "https:example.org",
        "https://user:pass@example.org/", "https://user@example.org/", "https://example.org/?a=1", "https://example.org/#top",
        "https://example.org/\nDisallow: /", "https://exa mple.org/", " https://example.org/", "https://example.org/\t",
        "https://example.org/\u{0}", "https://example.org/\u{1B}", "https://example.org/\u{85}", "https://example.org/\u{2028}",
    ])
    func baseURLRefusesTheRest(_ input: String) {
        guard case .failure(let refusal) = BaseURLRule.normalize(input) else {
            Issue.record("accepted \(input.debugDescription)")
            return
        }
        #expect(!refusal.reason.contains("@"), "the refusal repeats the address")
    }
}
