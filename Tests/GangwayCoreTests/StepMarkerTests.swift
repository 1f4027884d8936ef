import Foundation
import Testing
import Yams
@testable import GangwayCore

/// `gangway mark` on a corpus of case files (block, flow, shorthand, no steps, CRLF with a BOM):
/// every status on every step; the diff is confined to the step's record, the result loads with
/// the new status, and refused marks leave the file byte for byte.
@Suite struct StepMarkerTests {
    static let site = Fixtures.root.appendingPathComponent("cockpit/mark")
    static let files = ["block", "flow", "shorthand", "nosteps", "crlf-bom"]
    static let steps = ["check", "request", "sign", "password", "finish"]
    static let today = TodaySource.fixed(Day(iso: "2026-11-29")!)

    static func copy() throws -> URL {
        let dest = try Fixtures.temporaryFolder("mark").appendingPathComponent("site")
        try FileManager.default.copyItem(at: site, to: dest)
        return dest
    }

    static func change(_ status: StepStatus) -> StepChange {
        switch status {
        case .blocked, .skipped: return StepChange(status: status, note: "Why: it, \"says\" # so")
        case .done: return StepChange(status: status, date: Day(iso: "2026-11-20")!)
        default: return StepChange(status: status)
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let step: String
        let status: StepStatus
        var testDescription: String { "\(file) \(step) \(status.rawValue)" }
    }

    static let corpus: [Case] = files.flatMap { f in steps.flatMap { s in StepStatus.allCases.map { Case(file: f, step: s, status: $0) } } }

    /// Lines (split on LF) of the step's record in `text`: its key's line up to the next key of
    /// `steps` or of the file; nil when the step is not listed.
    static func recordLines(_ text: String, step: String) throws -> ClosedRange<Int>? {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard case .mapping(let top)? = try Yams.compose(yaml: body), let steps = top.first(where: { $0.key.string == "steps" })?.value,
              case .mapping(let records) = steps else { return nil }
        let keyLines = records.map { ($0.key.string!, $0.key.mark!.line - 1) }
        guard let i = keyLines.firstIndex(where: { $0.0 == step }) else { return nil }
        let topLines = top.map { $0.key.mark!.line - 1 }
        let lineCount = Self.lines(body).count
        let next = ([i + 1 < keyLines.count ? keyLines[i + 1].1 : nil] + topLines.filter { $0 > keyLines[i].1 }.map(Optional.some))
            .compactMap { $0 }.min() ?? lineCount
        return keyLines[i].1...(next - 1)
    }

    /// Lines split on LF scalars (as Characters, CRLF would not split).
    static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    @Test(arguments: corpus)
    func marksOnlyTheRecord(_ c: Case) throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("content/clinics/\(c.file).yml")
        let before = try Data(contentsOf: url)
        let outcome = try StepMarker.mark(clinic: c.file, step: c.step, change: Self.change(c.status), source: root, today: Self.today)
        #expect(outcome.written, "\(outcome.diagnostics)")
        let after = try Data(contentsOf: url)
        let old = String(decoding: before, as: UTF8.self), new = String(decoding: after, as: UTF8.self)
        // BOM and line endings as they were.
        #expect(before.starts(with: [0xEF, 0xBB, 0xBF]) == after.starts(with: [0xEF, 0xBB, 0xBF]))
        if old.contains("\r\n") { #expect(!new.replacingOccurrences(of: "\r\n", with: "").contains("\n")) }
        // The diff: one hunk, inside the record (or a pure insertion when the step was not listed).
        let a = Self.lines(old), b = Self.lines(new)
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let changedOld = prefix..<(a.count - suffix)
        if let record = try Self.recordLines(old, step: c.step) {
            #expect(changedOld.isEmpty || (record.contains(changedOld.lowerBound) && record.contains(changedOld.upperBound - 1)),
                    "changed lines \(changedOld) outside the record \(record)")
        } else {
            #expect(changedOld.isEmpty, "a new record replaced lines \(changedOld)")
        }
        // The result loads, with the new status.
        let path = "content/clinics/\(c.file).yml"
        let guide = try #require(SiteLoader.reloadGuide(named: "demo", source: root, unsafeHTML: false).guide)
        let (loaded, diagnostics) = SiteLoader.reloadClinicEntry(path, source: root, guides: [guide], today: Day(iso: "2026-11-29")!)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let record = try #require(loaded?.record(for: c.step))
        #expect(record.status == c.status)
        if c.status == .blocked || c.status == .skipped { #expect(record.note == "Why: it, \"says\" # so") }
        if c.status == .done { #expect(record.done == Day(iso: "2026-11-20")) }
        if c.status == .waiting { #expect(record.since == Day(iso: "2026-11-29")) }
        // Every other step's record reads as it did.
        let original = SiteLoader.reloadClinicEntry(path, source: Self.site, guides: [guide], today: Day(iso: "2026-11-29")!).caseFile
        for other in Self.steps where other != c.step {
            let was = original?.record(for: other), now = loaded?.record(for: other)
            #expect(was?.status == now?.status && was?.done == now?.done && was?.since == now?.since && was?.note == now?.note)
        }
        #expect(loaded?.clinic == original?.clinic && loaded?.region == original?.region && loaded?.notes == original?.notes)
    }

    @Test func refusedMarksLeaveTheFileAsItWas() throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("content/clinics/flow.yml")
        let before = try Data(contentsOf: url)
        let blocked = try StepMarker.mark(clinic: "flow", step: "request", change: StepChange(status: .blocked), source: root, today: Self.today)
        #expect(!blocked.written)
        #expect(blocked.diagnostics.contains { $0.severity == .error && $0.message == "step 'request' is blocked but has no 'note' saying why" && $0.location.file == "content/clinics/flow.yml" })
        let early = try StepMarker.mark(clinic: "flow", step: "request", change: StepChange(status: .done, date: Day(iso: "2026-09-01")!), source: root, today: Self.today)
        #expect(!early.written)
        #expect(early.diagnostics.contains { $0.message.contains("before it started") })
        #expect(try Data(contentsOf: url) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(!names.contains { $0.hasPrefix(".") }, "no temporary file left behind")
    }

    @Test func unknownClinicAndStepAreRefusedWithASuggestion() throws {
        #expect(throws: StepMarker.Refusal(description: "no clinic 'flwo': there is no content/clinics/flwo.yml (did you mean 'flow'?)")) {
            try StepMarker.mark(clinic: "flwo", step: "sign", change: StepChange(status: .done), source: Self.site, today: Self.today)
        }
        #expect(throws: StepMarker.Refusal(description: "guide 'demo' has no step 'sing' (did you mean 'sign'?)")) {
            try StepMarker.mark(clinic: "flow", step: "sing", change: StepChange(status: .done), source: Self.site, today: Self.today)
        }
    }

    /// With no date given, today is SOURCE_DATE_EPOCH's day in the site's time zone (Toronto:
    /// 2026-12-01 03:00 UTC is still 30 November there).
    @Test func todayFollowsTheEpochAndTheSiteTimeZone() throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let outcome = try StepMarker.mark(clinic: "flow", step: "request", change: StepChange(status: .done), source: root, today: .epoch(1796094000))
        #expect(outcome.written && outcome.today == Day(iso: "2026-11-30"))
        let text = try String(contentsOf: root.appendingPathComponent("content/clinics/flow.yml"), encoding: .utf8)
        #expect(text.contains("  request: {status: done, started: 2026-10-02, done: 2026-11-30}   # asked the signatory\n"))
    }

    @Test func binaryMarksAndRefuses() throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let ok = try Run(["mark", "flow", "request", "done", "--date", "2026-10-05", "-s", root.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("content/clinics/flow.yml: request is done"))
        let refused = try Run(["mark", "flow", "sign", "skipped", "--source", root.path], environment: ["SOURCE_DATE_EPOCH": "1796094000"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("content/clinics/flow.yml:"))
        #expect(refused.stderr.contains("error: step 'sign' is skipped but has no 'note' saying why"))
        let usage = try Run(["mark", "flow", "sign", "don", "--source", root.path])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("did you mean 'done'?"))
    }
}
