#if GANGWAY_FUZZ
import CLibFuzzer
import Foundation
import GangwayCore
import GangwayTestSupport

/// libFuzzer's entry: every input goes through `InputProbe` (each loader, the checks, the render
/// of one clinic) and then through the oracles of `FuzzOracle`; a crash or a broken guarantee
/// stops the process, and libFuzzer saves the input.
@main
enum GangwayFuzz {
    static func main() {
        _ = FuzzOracle.shared  // set up before libFuzzer starts timing
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let input = size == 0 ? Data() : Data(bytes: data!, count: size)
            let problems = FuzzOracle.shared.problems(input)
            if !problems.isEmpty {
                fatalError("a guarantee broke:\n" + problems.joined(separator: "\n"))
            }
            return 0
        })
    }
}
#else
import Foundation

/// A normal `swift build` compiles this stub; scripts/fuzz builds the fuzzer itself.
@main
enum GangwayFuzz {
    static func main() {
        FileHandle.standardError.write(Data("GangwayFuzz is built by scripts/fuzz, not by swift build: run scripts/fuzz [seconds]\n".utf8))
        exit(64)
    }
}
#endif

#if GANGWAY_FUZZ
/// The probe and the limits of a clean render, made once.
final class FuzzOracle: @unchecked Sendable {
    static let shared = FuzzOracle()

    let probe: InputProbe
    let limits: PageLimits

    init() {
        do {
            probe = try InputProbe()
        } catch {
            fatalError("\(error)")
        }
        limits = probe.limits()
    }

    func problems(_ input: Data) -> [String] {
        var found = probe.run(input).flatMap { outcome in
            outcome.problems(limits: limits).map { "as a \(outcome.role): \($0)" }
        }
        found += site.problems(input)
        found += templates.problems(input)
        return found
    }

    let site = FuzzSite()
    let templates = FuzzTemplates()
}

/// gangway.yml and a case file mutated together: the input up to its first NUL byte is
/// gangway.yml, the rest a case file (inputs without a NUL are left to the probe's roles). The
/// whole site is loaded as `check` loads it, and its diagnostics printed in the three formats,
/// which must stay one line per diagnostic with no raw control character.
final class FuzzSite: @unchecked Sendable {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gangway-fuzz-site-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        let files = [
            "content/guides/demo/guide.md": "---\ntitle: Demo\n---\nThe demo guide.\n",
            "content/guides/demo/01-request.md": "---\ntitle: Request\nowner: clinic\nrequires: [signatory]\n---\nAsk.\n",
            "content/guides/demo/02-sign.md": "---\ntitle: Sign\nowner: vendor\nwait_days: 7\n---\nSign.\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("content/clinics"), withIntermediateDirectories: true)
    }

    func problems(_ input: Data) -> [String] {
        guard let split = input.firstIndex(of: 0) else { return [] }
        let config = input[input.startIndex..<split], caseFile = input[input.index(after: split)...]
        try? Data(config).write(to: root.appendingPathComponent("gangway.yml"))
        try? Data(caseFile).write(to: root.appendingPathComponent("content/clinics/fuzz.yml"))
        let result = SiteLoader.load(source: root, today: .fixed(Day(iso: "2026-11-05")!))
        var out: [String] = []
        let text = DiagnosticFormatter.text(result.diagnostics)
        let line = /^[^\n]*:\d+:\d+: (error|warning): [^\n]*$/
        var count = 0
        for row in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if row.hasPrefix("  note: ") { continue }
            count += 1
            if row.wholeMatch(of: line) == nil { out.append("as a site: not a diagnostic line: \(row.debugDescription)") }
        }
        if count != result.diagnostics.count { out.append("as a site: \(result.diagnostics.count) diagnostics printed as \(count) lines") }
        let github = DiagnosticFormatter.github(result.diagnostics)
        if github.split(separator: "\n").count != result.diagnostics.count { out.append("as a site: github lines differ from diagnostics") }
        for (name, printed) in [("text", text), ("github", github), ("json", DiagnosticFormatter.json(result.diagnostics))] {
            if printed.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }) {
                out.append("as a site: --format \(name) printed a raw control character")
            }
        }
        return out
    }
}
#endif
