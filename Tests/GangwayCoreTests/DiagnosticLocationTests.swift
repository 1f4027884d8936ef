import Testing
@testable import GangwayCore

/// A diagnostic with no real position is printed without one, in every format: never as a
/// made-up `gangway.yml:1:1:` or `.:1:1:`.
@Suite struct DiagnosticLocationTests {
    static let nowhere = Diagnostic.error("no gangway.yml here", at: .nowhere)
    static let whole = Diagnostic.warning("guide 'g' has no steps", at: .whole("content/guides/g/guide.md"))
    static let placed = Diagnostic.error("bad", at: GangwayCore.SourceLocation(file: "a.yml", line: 3, column: 5))

    @Test func text() {
        #expect(DiagnosticFormatter.text([Self.nowhere]) == "error: no gangway.yml here\n")
        #expect(DiagnosticFormatter.text([Self.whole]) == "content/guides/g/guide.md: warning: guide 'g' has no steps\n")
        #expect(DiagnosticFormatter.text([Self.placed]) == "a.yml:3:5: error: bad\n")
        #expect(DiagnosticFormatter.text([Self.nowhere], color: true) == "\u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mno gangway.yml here\u{1B}[0m\n")
    }

    @Test func json() {
        #expect(DiagnosticFormatter.json([Self.nowhere]).contains(#"{"file": null, "line": null, "column": null, "severity": "error""#))
        #expect(DiagnosticFormatter.json([Self.whole]).contains(#"{"file": "content/guides/g/guide.md", "line": null, "column": null"#))
        #expect(DiagnosticFormatter.json([Self.placed]).contains(#"{"file": "a.yml", "line": 3, "column": 5"#))
    }

    @Test func github() {
        #expect(DiagnosticFormatter.github([Self.nowhere]) == "::error::no gangway.yml here\n")
        #expect(DiagnosticFormatter.github([Self.whole]) == "::warning file=content/guides/g/guide.md::guide 'g' has no steps\n")
        #expect(DiagnosticFormatter.github([Self.placed]) == "::error file=a.yml,line=3,col=5::bad\n")
    }

    @Test func positionlessProblemsSortFirst() {
        #expect([Self.placed, Self.whole, Self.nowhere].sorted().first == Self.nowhere)
        #expect(!SourceLocation.nowhere.hasPosition && !SourceLocation.whole("x").hasPosition && Self.placed.location.hasPosition)
    }
}
