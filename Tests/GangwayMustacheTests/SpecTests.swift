import Foundation
import Testing
import GangwayMustache

/// The Mustache specification's own tests (github.com/mustache/spec, MIT licence in Spec/LICENSE),
/// one row per case. Optional modules Gangway does not use are skipped whole; a few cases are
/// deliberate departures, each listed with its reason.
@Suite struct SpecTests {
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    /// Whole optional modules not run, with why.
    static let skippedFiles = [
        "~lambdas": "Gangway's values are data, never code: MustacheValue has no function case",
        "~dynamic-names": "partial names must be known when templates compile, for the missing-partial and cycle checks",
    ]

    /// Cases that are departures on purpose; `expectCompileError` ones are checked to fail compiling.
    static let departures: [String: (reason: String, expectCompileError: Bool)] = [
        "partials: Failed Lookup": ("a missing partial is a compile error, not an empty render: a misspelt partial must stop the build", true),
    ]

    static let cases: [SpecCase] = files.flatMap(SpecCase.load)

    @Test func theSpecIsHere() throws {
        #expect(Self.cases.count > 150, "the spec files in Tests/GangwayMustacheTests/Spec did not load")
        // When the workspace's shared copy is present, the copy here must be the same files.
        for file in Self.files + Array(Self.skippedFiles.keys) + ["LICENSE"] {
            let name = file == "LICENSE" ? file : "\(file).json"
            guard let shared = try? Data(contentsOf: SpecCase.shared.appendingPathComponent(name)) else { continue }
            #expect(try Data(contentsOf: SpecCase.folder.appendingPathComponent(name)) == shared, "\(name) differs from the shared copy")
        }
    }

    @Test(arguments: cases) func specCase(_ spec: SpecCase) throws {
        let outcome = Self.run(spec)
        if let departure = Self.departures[spec.testDescription] {
            if departure.expectCompileError {
                #expect(outcome == .compileError, "\(departure.reason)")
            }
            return
        }
        #expect(outcome == .passed, "\(outcome)")
    }

    @Test func passCounts() {
        var passed = 0, departed = 0
        var failed: [String] = []
        for spec in Self.cases {
            if Self.departures[spec.testDescription] != nil { departed += 1; continue }
            let outcome = Self.run(spec)
            if outcome == .passed { passed += 1 } else { failed.append("\(spec.testDescription): \(outcome)") }
        }
        print("mustache spec: \(passed) of \(Self.cases.count) cases pass, \(departed) departures, \(failed.count) failures")
        for (name, reason) in Self.departures.sorted(by: { $0.key < $1.key }) { print("  departure \(name): \(reason.reason)") }
        for (file, reason) in Self.skippedFiles.sorted(by: { $0.key < $1.key }) { print("  skipped \(file).json: \(reason)") }
        for name in failed { print("  FAILED \(name)") }
        #expect(failed.isEmpty)
    }

    enum Outcome: Equatable, CustomStringConvertible {
        case passed, compileError, renderError, wrong(String)
        var description: String {
            switch self {
            case .passed: "passed"
            case .compileError: "did not compile"
            case .renderError: "failed to render"
            case .wrong(let output): "rendered \(output.debugDescription)"
            }
        }
    }

    static func run(_ spec: SpecCase) -> Outcome {
        guard case .success(let library) = TemplateLibrary.compile(spec.sources) else { return .compileError }
        guard let output = try? library.render("test", spec.data) else { return .renderError }
        return output == spec.expected ? .passed : .wrong(output)
    }
}
