import Foundation
import Testing
@testable import GangwayCore

/// Never half-published: a build that fails, for any reason and at any moment, leaves the
/// previous output byte for byte as it was; one that succeeds replaces it whole.
@Suite struct SafetyOutputTests {
    /// A built site and its output, with the tree as the first build left it.
    struct Published {
        let source: URL
        let output: URL
        let before: [String: Data]
    }

    static func published(_ source: URL? = nil) throws -> Published {
        let source = try source ?? Fixtures.copySite("basic")
        let output = try Fixtures.temporaryFolder("published").appendingPathComponent("public")
        let report = SafetySite.build(source, into: output)
        #expect(report.succeeded, "\(SafetySite.text(report))")
        let before = SafetySite.bothSites(output)
        #expect(before.count > 10 && before.keys.contains("team/index.html"))
        return Published(source: source, output: output, before: before)
    }

    @Test func errorsInInputLeaveThePreviousOutputByteIdentical() throws {
        let p = try Self.published()
        try "clinic: Broken\nguide: demo\nsteps:\n  request: {status: dnoe}\n"
            .write(to: p.source.appendingPathComponent("content/clinics/broken.yml"), atomically: true, encoding: .utf8)
        let report = SafetySite.build(p.source, into: p.output)
        #expect(!report.succeeded)
        #expect(SafetySite.bothSites(p.output) == p.before)
        #expect(SafetySite.leftovers(beside: p.output).isEmpty)
        #expect(SafetySite.leftovers(beside: SafetySite.teamOutput(beside: p.output)).isEmpty)
    }

    /// The disk fails at the first write, the second, halfway, and at the very last one.
    @Test(arguments: [0.0, 0.05, 0.5, 1.0])
    func aWriteFailureMidwayLeavesThePreviousOutputByteIdentical(_ fraction: Double) throws {
        let p = try Self.published()
        try "clinic: Delta\nguide: demo\n".write(to: p.source.appendingPathComponent("content/clinics/delta.yml"), atomically: true, encoding: .utf8)
        let total = SafetySite.build(p.source, into: try Fixtures.temporaryFolder().appendingPathComponent("public")).filesWritten
        let writes = min(Int(Double(total) * fraction), total - 1)
        let budget = WriteBudget(writes)
        let report = SafetySite.build(p.source, into: p.output, sink: { FailingSink($0, budget: budget) })
        #expect(!report.succeeded)
        #expect(SafetySite.text(report).contains("injected write failure"))
        #expect(SafetySite.bothSites(p.output) == p.before, "a build that failed after \(writes) writes changed an output")
        #expect(SafetySite.leftovers(beside: p.output).isEmpty, "the failed build's staging folder is still there")
        #expect(SafetySite.leftovers(beside: SafetySite.teamOutput(beside: p.output)).isEmpty, "the team site's staging folder is still there")
    }

    @Test func aSuccessfulBuildReplacesTheWholeTreeAndStaleFilesGo() throws {
        let p = try Self.published()
        #expect(p.before["clinics/gamma/index.html"] != nil)
        #expect(p.before[AtomicOutput.marker] != nil)
        try FileManager.default.removeItem(at: p.source.appendingPathComponent("content/clinics/gamma.yml"))
        try FileManager.default.removeItem(at: p.source.appendingPathComponent("content/pages/faq.md"))
        let report = SafetySite.build(p.source, into: p.output)
        #expect(report.succeeded, "\(SafetySite.text(report))")
        let after = Fixtures.tree(p.output)
        #expect(after.keys.filter { $0.hasPrefix("clinics/gamma/") || $0.hasPrefix("pages/faq/") }.isEmpty, "stale files survived")
        #expect(!FileManager.default.fileExists(atPath: p.output.appendingPathComponent("clinics/gamma").path))
        // Whole: the tree is exactly what a build into an empty folder gives.
        let fresh = try Fixtures.temporaryFolder().appendingPathComponent("public")
        #expect(SafetySite.build(p.source, into: fresh).succeeded)
        #expect(after == Fixtures.tree(fresh))
        #expect(SafetySite.leftovers(beside: p.output).isEmpty)
    }

    /// The team site is swapped in second: when that swap fails, the portal's swap is undone.
    @Test func aFailedSecondSwapUndoesTheFirst() throws {
        let p = try Self.published()
        let team = SafetySite.teamOutput(beside: p.output)
        let pair = try OutputPair(p.output, team, source: p.source)
        let (portal, teamSink) = try pair.begin()
        try portal.write("index.html", Data("new".utf8))
        try teamSink!.write("index.html", Data("new".utf8))
        try FileManager.default.removeItem(at: pair.second!.staging)  // the second swap now fails
        #expect(throws: AtomicOutput.Failure.self) { try pair.commit() }
        #expect(SafetySite.bothSites(p.output) == p.before)
        #expect(SafetySite.leftovers(beside: p.output).isEmpty && SafetySite.leftovers(beside: team).isEmpty)
    }

    enum TeamPlace: String, CaseIterable {
        case samePortal, insidePortal, holdsPortal, insideContent, notGangways
    }

    /// The team folder gets the same refusals as the portal's, and may not be it or nest with it.
    @Test(arguments: TeamPlace.allCases)
    func refusesATeamFolderThatIsNotSafe(_ place: TeamPlace) throws {
        let p = try Self.published()
        let team: URL
        switch place {
        case .samePortal: team = p.output
        case .insidePortal: team = p.output.appendingPathComponent("team")
        case .holdsPortal: team = p.output.deletingLastPathComponent()
        case .insideContent: team = p.source.appendingPathComponent("content/team")
        case .notGangways:
            team = try Fixtures.temporaryFolder("refused").appendingPathComponent("photos")
            try SafetySite.write(["holiday.jpg": "not really a photo"], into: team)
        }
        let teamBefore = Fixtures.tree(team)
        let report = Builder.build(BuildOptions(source: p.source, output: p.output, teamOutput: team, today: .fixed(SafetySite.today), environment: [:]))
        #expect(!report.succeeded, "\(place): the build went ahead")
        #expect(SafetySite.text(report).contains("refusing"), "\(place): \(SafetySite.text(report))")
        #expect(SafetySite.bothSites(p.output) == p.before, "\(place): an output changed")
        #expect(Fixtures.tree(team) == teamBefore)
        #expect(SafetySite.leftovers(beside: p.output).isEmpty && SafetySite.leftovers(beside: team).isEmpty)
    }

    // MARK: refused output folders

    enum Refused: String, CaseIterable {
        case sourceItself, ancestorOfSource, holdsContent, holdsConfig, notGangways, templatesItself, insideContent, insideTemplates, aFile
    }

    @Test(arguments: Refused.allCases)
    func refusesAnOutputFolderThatIsNotSafeToReplace(_ kind: Refused) throws {
        let source = try Fixtures.copySite("basic")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("templates"), withIntermediateDirectories: true)
        let elsewhere = try Fixtures.temporaryFolder("refused")
        let output: URL
        switch kind {
        case .sourceItself: output = source
        case .ancestorOfSource: output = source.deletingLastPathComponent()
        case .holdsContent:
            output = elsewhere.appendingPathComponent("other-site")
            try FileManager.default.createDirectory(at: output.appendingPathComponent("content"), withIntermediateDirectories: true)
            try Data(AtomicOutput.marker.utf8).write(to: output.appendingPathComponent(AtomicOutput.marker))
        case .holdsConfig:
            output = elsewhere.appendingPathComponent("other-site")
            try SafetySite.write(["gangway.yml": "title: Mine\n", AtomicOutput.marker: ""], into: output)
        case .notGangways:
            output = elsewhere.appendingPathComponent("photos")
            try SafetySite.write(["holiday.jpg": "not really a photo"], into: output)
        case .templatesItself: output = source.appendingPathComponent("templates")  // empty: the marker rule alone would let it through
        case .insideContent: output = source.appendingPathComponent("content/public")
        case .insideTemplates: output = source.appendingPathComponent("templates/public")
        case .aFile:
            output = elsewhere.appendingPathComponent("public")
            try Data("a file".utf8).write(to: output)
        }
        let sourceBefore = Fixtures.tree(source), outputBefore = Fixtures.tree(output)
        let fileBefore = FileManager.default.contents(atPath: output.path)
        let report = SafetySite.build(source, into: output)
        #expect(!report.succeeded, "\(kind): the build went ahead")
        #expect(SafetySite.text(report).contains("refusing"), "\(kind): \(SafetySite.text(report))")
        #expect(Fixtures.tree(source) == sourceBefore, "\(kind): the source changed")
        #expect(Fixtures.tree(output) == outputBefore, "\(kind): the refused folder changed")
        #expect(FileManager.default.contents(atPath: output.path) == fileBefore)
        #expect(SafetySite.leftovers(beside: output).isEmpty)
    }

    @Test func anEmptyFolderOrOneGangwayMarkedIsAccepted() throws {
        let source = try Fixtures.copySite("basic")
        let empty = try Fixtures.temporaryFolder("empty").appendingPathComponent("public")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(SafetySite.build(source, into: empty).succeeded)
        #expect(SafetySite.build(source, into: empty).succeeded, "the second build must accept its own output")
    }

    // MARK: killed builds

    /// Builds a generated portal with the real binary and kills it with SIGKILL while it writes,
    /// at four moments (its first staged file, then about 7 %, 33 % and 83 % of the clinic pages);
    /// the previous output must stay byte-identical every time, and the next build must succeed
    /// and clear what the killed ones left. The portal is as small as still lets the kills land
    /// while writing: 150 clinics (it was 1,500, for the same four moments, and took ~45 % of the
    /// suite's serial time generating, building and reading the trees back).
    @Test func aBuildKilledWhileWritingLeavesThePreviousOutput() throws {
        let clinics = 150, added = 10
        let source = try SafetySite.generated(clinics: clinics)
        let output = try Fixtures.temporaryFolder("killed").appendingPathComponent("public")
        // The previous output: the same portal before its last clinics were added.
        let full = try Fixtures.temporaryFolder("killed-full").appendingPathComponent("clinics")
        try FileManager.default.copyItem(at: source.appendingPathComponent("content/clinics"), to: full)
        for i in (clinics - added)..<clinics { try FileManager.default.removeItem(at: source.appendingPathComponent("content/clinics/clinic-\(i).yml")) }
        let first = try Run(["build", "--source", source.path, "--output", output.path, "--today", "2026-11-05"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = Fixtures.tree(output)
        #expect(before.count > (clinics - added) * 3)
        try FileManager.default.removeItem(at: source.appendingPathComponent("content/clinics"))
        try FileManager.default.copyItem(at: full, to: source.appendingPathComponent("content/clinics"))

        var killedWhileWriting = 0
        let staged = clinics * 2
        for moment in [1, staged / 15, staged / 3, staged * 5 / 6] {
            let outcome = try Self.kill(buildOf: source, into: output, afterStagedFiles: moment)
            if outcome == .killedWhileWriting { killedWhileWriting += 1 }
            #expect(Fixtures.tree(output) == before, "killed after \(moment) staged files: the output changed")
        }
        #expect(killedWhileWriting >= 2, "the kills landed too late to prove anything; make the portal bigger")
        #expect(!SafetySite.leftovers(beside: output).isEmpty, "a killed build leaves its staging folder")

        let next = try Run(["build", "--source", source.path, "--output", output.path, "--today", "2026-11-05"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(SafetySite.leftovers(beside: output).isEmpty, "the next build must clear what killed builds left")
        let after = Fixtures.tree(output)
        #expect(after["clinics/clinic-\(clinics - 1)/index.html"] != nil)
        #expect(after.count == before.count + added * 3, "each clinic more has a page, a status.json and a calendar")
    }

    enum KillOutcome { case killedWhileWriting, finishedFirst }

    /// Starts `gangway build`, waits until its staging folder holds `count` files, then SIGKILLs it.
    static func kill(buildOf source: URL, into output: URL, afterStagedFiles count: Int) throws -> KillOutcome {
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = ["build", "--quiet", "--source", source.path, "--output", output.path, "--today", "2026-11-05"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let parent = output.deletingLastPathComponent()
        let prefix = AtomicOutput.stagingPrefix(output) + "\(process.processIdentifier)-"
        var outcome = KillOutcome.finishedFirst
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            if let staging = names.first(where: { $0.hasPrefix(prefix) }),
               stagedFiles(parent.appendingPathComponent(staging), atLeast: count) {
                Foundation.kill(process.processIdentifier, SIGKILL)
                outcome = .killedWhileWriting
                break
            }
            usleep(500)
        }
        process.waitUntilExit()
        if outcome == .killedWhileWriting && process.terminationReason != .uncaughtSignal { outcome = .finishedFirst }
        return outcome
    }

    private static func stagedFiles(_ folder: URL, atLeast count: Int) -> Bool {
        guard count > 1 else { return true }
        let clinics = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("clinics").path)) ?? []
        return clinics.count * 2 >= count
    }

    // MARK: leftovers

    @Test func leftoversOfDeadBuildsGoButALiveBuildsAndForeignFoldersStay() throws {
        let p = try Self.published()
        let parent = p.output.deletingLastPathComponent()
        let dead = try Self.deadProcessID()
        let prefix = AtomicOutput.stagingPrefix(p.output)
        let deadStaging = parent.appendingPathComponent("\(prefix)\(dead)-abc")
        let deadEmpty = parent.appendingPathComponent("\(prefix)\(dead)-def")
        let live = parent.appendingPathComponent("\(prefix)\(getppid())-123")
        let foreign = parent.appendingPathComponent("\(prefix)\(dead)-999")
        try SafetySite.write([AtomicOutput.marker: "", "index.html": "half"], into: deadStaging)
        try FileManager.default.createDirectory(at: deadEmpty, withIntermediateDirectories: true)
        try SafetySite.write([AtomicOutput.marker: "", "index.html": "busy"], into: live)
        try SafetySite.write(["notes.txt": "someone's own folder, oddly named"], into: foreign)

        #expect(SafetySite.build(p.source, into: p.output).succeeded)
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: deadStaging.path), "a dead build's staging folder stayed")
        #expect(!fm.fileExists(atPath: deadEmpty.path), "a dead build's empty staging folder stayed")
        #expect(fm.fileExists(atPath: live.path), "a live build's staging folder was removed")
        #expect(fm.fileExists(atPath: foreign.path), "a folder Gangway did not make was removed")
    }

    /// Killed between the two renames of the fallback swap (no RENAME_EXCHANGE): the previous
    /// output sits aside and the output is missing; the next build puts it back before anything else.
    @Test func aSetAsideOutputIsRestored() throws {
        let p = try Self.published()
        let aside = p.output.deletingLastPathComponent().appendingPathComponent(".public.gangway-old-\(try Self.deadProcessID())")
        try FileManager.default.moveItem(at: p.output, to: aside)
        let out = try AtomicOutput(output: p.output, source: p.source)
        out.removeLeftovers()
        #expect(SafetySite.bothSites(p.output) == p.before)
        #expect(!FileManager.default.fileExists(atPath: aside.path))
    }

    /// The id of a process that has exited, so no live process can own it for the test's length.
    static func deadProcessID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }
}
