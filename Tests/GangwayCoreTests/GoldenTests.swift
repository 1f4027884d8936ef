import Foundation
import Testing
@testable import GangwayCore

/// Builds fixture sites and compares the whole output tree with committed expected files.
@Suite struct GoldenTests {
    @Test(arguments: ["basic"])
    func outputTreeMatchesGolden(_ name: String) throws {
        let out = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let team = out.deletingLastPathComponent().appendingPathComponent("team")
        let report = Builder.build(BuildOptions(source: Fixtures.site(name), output: out, teamOutput: team,
                                                today: .fixed(Day(iso: "2026-11-05")!), environment: [:]))
        #expect(report.succeeded, "\(DiagnosticFormatter.text(report.diagnostics))")
        try Golden.verify(out, against: Fixtures.root.appendingPathComponent("golden/\(name)"))
        try Golden.verify(team, against: Fixtures.root.appendingPathComponent("golden/\(name)-team"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let a = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let b = try Fixtures.temporaryFolder().appendingPathComponent("public")
        for out in [a, b] {
            let team = out.deletingLastPathComponent().appendingPathComponent("team")
            let report = Builder.build(BuildOptions(source: Fixtures.packageRoot, output: out, teamOutput: team,
                                                    today: .fixed(Day(iso: "2026-11-29")!), environment: [:]))
            #expect(report.succeeded, "\(DiagnosticFormatter.text(report.diagnostics))")
        }
        let ta = Fixtures.tree(a), tb = Fixtures.tree(b)
        #expect(ta.count > 20)
        #expect(ta == tb)
    }
}
