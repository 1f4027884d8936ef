import Foundation
import GangwayTestSupport
import Testing
@testable import GangwayCore

/// Every input the fuzzer ever crashed on or broke a guarantee with, kept in
/// `Fixtures/fuzz-regressions/`, goes through the fuzzer's own probe and oracles again.
/// scripts/fuzz saves new ones in .build-fuzz/artifacts; copy each here with a name saying what it found.
@Suite(.serialized) struct SafetyFuzzRegressionTests {
    static let folder = Fixtures.root.appendingPathComponent("fuzz-regressions")
    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()

    static let probe = Result { try InputProbe() }

    @Test(arguments: inputs)
    func aSavedInputBreaksNothing(_ name: String) throws {
        let probe = try Self.probe.get()
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let limits = probe.limits()
        for outcome in probe.run(data) {
            let problems = outcome.problems(limits: limits)
            #expect(problems.isEmpty, "\(name) as a \(outcome.role): \(problems.joined(separator: "; "))")
        }
    }

    /// The probe itself sees what it should: a clean case file renders, and a broken guarantee is caught.
    @Test func theProbeRendersAndItsOraclesBite() throws {
        let probe = try Self.probe.get()
        let limits = probe.limits()
        let outcome = probe.asCaseFile(Data("clinic: Probe\nguide: demo\nnotes: Hello **there**.\n".utf8))
        #expect(outcome.files["clinics/probe/index.html"] != nil, "\(outcome.diagnostics)")
        #expect(outcome.problems(limits: limits).isEmpty)
        var broken = outcome
        broken.files["clinics/probe/index.html"]! += Data("<img src=x onerror=alert(1)>".utf8)
        broken.files["clinics/probe/status.json"] = Data(#"{"note": "call 416-555-0100"}"#.utf8)
        let problems = broken.problems(limits: limits)
        #expect(problems.contains { $0.contains("onerror") })
        #expect(problems.contains { $0.contains("holds a contact") })
        #expect(problems.contains { $0.contains("differs") })
    }
}
