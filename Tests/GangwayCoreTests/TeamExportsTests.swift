import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GangwayCore
import GangwayMustache

/// The team exports (RFC 4180 CSV) and charts (SVG), from the figures; and an independent
/// recomputation of turnaround.csv by a Python script that reads the case files itself.
@Suite struct TeamExportsTests {
    static let today = Day(iso: "2026-11-29")!

    /// The turnaround fixture (44 clinics, 2 guides), loaded and derived as a build would.
    static func fixture() throws -> (site: Site, statuses: [ClinicStatus]) {
        let loaded = SiteLoader.load(source: Fixtures.root.appendingPathComponent("cockpit/turnaround"), today: .fixed(today))
        let site = try #require(loaded.site, "\(loaded.diagnostics.filter { $0.severity == .error })")
        let guides = Dictionary(uniqueKeysWithValues: site.guides.map { ($0.name, $0) })
        let statuses = site.clinics.sorted { $0.slug < $1.slug }.map {
            StatusDeriver.derive(guide: guides[$0.guide]!, caseFile: $0, today: today)
        }
        return (site, statuses)
    }

    static func reports(_ site: Site, _ statuses: [ClinicStatus]) -> [GuideReport] {
        site.guides.sorted { $0.name < $1.name }.map { TeamFigures.report(guide: $0, statuses: statuses) }
    }

    @Test func turnaroundCSVHasSpecColumnsAndCRLF() {
        let t = StepTurnaround(step: "sign", title: "Sign", waitDays: 7, waits: [3, 9, 12], stillWaiting: [StillWaiting(slug: "a", clinic: "A", since: nil, days: nil)])
        let none = StepTurnaround(step: "password", title: "P", waitDays: 28, waits: [], stillWaiting: [])
        let report = GuideReport(guide: "accuro", title: "A", turnaround: [t, none], funnel: [], complete: 0, completionDays: [], clinics: 1)
        #expect(TeamCSV.turnaround([report]) ==
            "guide,step,measured,median_days,p90_days,longest_days,over_wait,still_waiting\r\naccuro,sign,3,9,12,12,0.67,1\r\naccuro,password,0,,,,,0\r\n")
    }

    @Test func freeTextIsQuotedRedactedAndDefused() throws {
        let (site, statuses) = try Self.fixture()
        var s = statuses[0]
        s.clinic = "Smith, \"Jones\" & Co\nCall 416-555-0100 or a.b@c.example"
        s.steps[0].note = "=HYPERLINK(\"x\")"
        let guide = site.guides.first { $0.name == s.guide }!
        let csv = TeamCSV.status([TeamCSV.Clinic(status: s, figures: ClinicFigures.of(s, guide: guide), region: "Ontario, East")])
        #expect(csv.hasPrefix(TeamCSV.statusColumns.joined(separator: ",") + "\r\n"))
        #expect(csv.contains("\"Smith, \"\"Jones\"\" & Co\nCall •••-•••-•••• or a•••@c.example\""))
        #expect(csv.contains(",\"Ontario, East\","))
        #expect(!csv.contains("416") && !csv.contains("a.b@"))
        let steps = TeamCSV.steps([s])
        #expect(steps.contains(",\"'=HYPERLINK(\"\"x\"\")\"\r\n"))
    }

    @Test func chartsAreWellFormedAndCarryTheFigures() throws {
        let (site, statuses) = try Self.fixture()
        for report in Self.reports(site, statuses) {
            for (kind, svg) in [("turnaround", TeamCharts.turnaround(report, id: "t-\(report.guide)")),
                                ("funnel", TeamCharts.funnel(report, id: "f-\(report.guide)"))] {
                let parsed = try SVGProbe(svg)
                #expect(parsed.root == "svg" && parsed.rootAttributes["role"] == "img", "\(kind)")
                #expect(parsed.rootAttributes["aria-label"]?.isEmpty == false)
                #expect(parsed.texts["title"]?.isEmpty == false && parsed.texts["desc"]?.isEmpty == false)
                #expect(!svg.contains("<script") && !svg.contains("http://www.w3.org/1999/xlink"))
                #expect(svg.contains("var(--accent"))
                if kind == "turnaround" {
                    for t in report.turnaround {
                        #expect(parsed.dataDays[t.step]?.contains(t.waitDays) == true)
                        if let m = t.median, let p = t.p90 {
                            #expect(parsed.dataDays[t.step]?.contains(m) == true && parsed.dataDays[t.step]?.contains(p) == true)
                            #expect(parsed.texts["desc"]!.contains("median \(m) days, 90th percentile \(p) days"))
                        }
                    }
                } else {
                    for stage in report.funnel { #expect(parsed.dataClinics[stage.step] == stage.clinics) }
                    #expect(parsed.dataClinics["complete"] == report.complete)
                }
            }
        }
    }

    @Test func chartsEscapeTitles() throws {
        let report = GuideReport(guide: "g", title: "<b>A & \"B\"</b>", turnaround: [
            StepTurnaround(step: "s", title: "Sign <now>", waitDays: 7, waits: [], stillWaiting: [])],
            funnel: [FunnelStage(step: "s", title: "Sign <now>", clinics: 2)], complete: 1, completionDays: [], clinics: 3)
        for svg in [TeamCharts.turnaround(report, id: "x"), TeamCharts.funnel(report, id: "y")] {
            _ = try SVGProbe(svg)
            #expect(!svg.contains("<b>") && !svg.contains("<now>"))
        }
    }

    /// The draft reports page renders from ReportsContext: every figure in a table beside its chart.
    @Test func draftReportsPageRenders() throws {
        let (site, statuses) = try Self.fixture()
        var reports = Self.reports(site, statuses)
        reports[0].turnaround[0].stillWaiting.append(StillWaiting(slug: "x", clinic: "<script>alert(1)</script> a@b.example", since: nil, days: nil))
        var diagnostics: [GangwayCore.Diagnostic] = []
        let theme = try #require(Theme.load(tree: SourceTree(root: Fixtures.packageRoot), into: &diagnostics), "\(diagnostics)")
        let context: MustacheValue = ["root": "../", "today": TemplateContext.day(Self.today),
                                      "guides": .list(ReportsContext.guides(reports, clinicURL: { "https://fixture.example/clinics/\($0)/" }))]
        let html = String(decoding: try theme.render("reports", context), as: UTF8.self)
        #expect(!html.contains("{{") && !html.contains("<script>alert") && !html.contains("a@b.example"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        for r in reports {
            #expect(html.contains("<svg") && html.contains("id=\"chart-waits-\(r.guide)-title\""))
            for t in r.turnaround {
                #expect(html.contains("<tr data-step=\"\(t.step)\">"))
                if let m = t.median { #expect(html.contains("<td>\(m) days</td>")) }
            }
        }
        _ = try SVGProbe(TeamCharts.funnel(reports[0], id: "z"))
    }

    /// A real `gangway build` of the fixture writes the team site; Python recomputes the figures from
    /// the YAML on its own and reads turnaround.csv, status.csv and steps.csv with its csv module
    /// (against team/status.json) and the reports page's funnel tables.
    @Test func independentRecomputationMatchesARealBuild() throws {
        let (site, statuses) = try Self.fixture()
        #expect(statuses.count >= 40)
        let reports = Self.reports(site, statuses)
        #expect(reports.flatMap(\.turnaround).contains { $0.overWait > 0 && $0.overWait < $0.measured })
        #expect(reports.flatMap(\.turnaround).contains { $0.stillWaiting.contains { $0.days == nil } })
        #expect(reports.contains { $0.complete > 0 })
        let (portal, team) = try Self.realBuild("turnaround-build")
        defer { try? FileManager.default.removeItem(at: portal.deletingLastPathComponent()) }
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/cockpit/check_turnaround.py").path
        let run = try ToolRun("/usr/bin/env", ["python3", script, Fixtures.root.appendingPathComponent("cockpit/turnaround").path,
                                                   team.appendingPathComponent("turnaround.csv").path, "--today", Self.today.iso,
                                                   "--status-csv", team.appendingPathComponent("status.csv").path,
                                                   "--steps-csv", team.appendingPathComponent("steps.csv").path,
                                                   "--status-json", team.appendingPathComponent("status.json").path,
                                                   "--reports-html", team.appendingPathComponent("reports/index.html").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("turnaround.csv matches") && run.stdout.contains("45 clinics' figures checked"), "\(run.stdout)")
    }

    /// The same build's calendar feeds, read by Python's icalendar: every clinic's feed against its
    /// status.json, and the team's feed holding all of them.
    @Test func calendarFeedsOfARealBuildMatchStatusJSON() throws {
        let (portal, team) = try Self.realBuild("calendar-build")
        defer { try? FileManager.default.removeItem(at: portal.deletingLastPathComponent()) }
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/cockpit/check_calendars.py").path
        let run = try ToolRun("/usr/bin/env", ["python3", script, portal.path, team.path, "https://fixture.example/"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("calendars match: 45 clinic feeds"), "\(run.stdout)")
    }

    /// Builds the turnaround fixture with the real binary; returns the portal and team folders.
    static func realBuild(_ label: String) throws -> (portal: URL, team: URL) {
        let folder = try Fixtures.temporaryFolder(label)
        let portal = folder.appendingPathComponent("public"), team = folder.appendingPathComponent("team")
        let build = try Run(["build", "--source", Fixtures.root.appendingPathComponent("cockpit/turnaround").path,
                             "--output", portal.path, "--team-output", team.path, "--today", today.iso, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        return (portal, team)
    }

    /// A wrong figure must make the checker fail: the comparison is not vacuous.
    @Test func recomputationCatchesAWrongFigure() throws {
        let (site, statuses) = try Self.fixture()
        var csv = TeamCSV.turnaround(Self.reports(site, statuses))
        let lines = csv.components(separatedBy: "\r\n")
        var fields = lines[1].components(separatedBy: ",")
        fields[3] = String((Int(fields[3]) ?? 0) + 1)
        csv = ([lines[0], fields.joined(separator: ",")] + lines.dropFirst(2)).joined(separator: "\r\n")
        let folder = try Fixtures.temporaryFolder("turnaround-wrong")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("turnaround.csv"))
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/cockpit/check_turnaround.py").path
        let run = try ToolRun("/usr/bin/env", ["python3", script, Fixtures.root.appendingPathComponent("cockpit/turnaround").path,
                                                   folder.appendingPathComponent("turnaround.csv").path, "--today", Self.today.iso])
        #expect(run.status == 1)
        #expect(run.stderr.contains("median_days"))
    }
}

/// Parses SVG with Foundation's XML parser (it fails on text that is not well-formed) and
/// collects what the tests look at.
final class SVGProbe: NSObject, XMLParserDelegate {
    var root: String?
    var rootAttributes: [String: String] = [:]
    var texts: [String: String] = [:]
    var dataDays: [String: [Int]] = [:]
    var dataClinics: [String: Int] = [:]
    private var stack: [String] = []
    private var step: String?

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name; rootAttributes = attributes }
        if name == "g" { step = attributes["data-step"] }
        if let step, let days = attributes["data-days"].flatMap(Int.init) { dataDays[step, default: []].append(days) }
        if let step, let n = attributes["data-clinics"].flatMap(Int.init) { dataClinics[step] = n }
        stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let top = stack.last, top == "title" || top == "desc" { texts[top, default: ""] += string }
    }
}

/// Runs a tool other than gangway (python3), capturing its output.
struct ToolRun {
    let status: Int32
    let stdout: String
    let stderr: String

    init(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData.get(), as: UTF8.self)
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
}
