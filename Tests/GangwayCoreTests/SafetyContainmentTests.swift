import Foundation
import Testing
@testable import GangwayCore

/// Contained: no name from the input can make a path leave the output folder, and symbolic
/// links that leave the source folder are refused with a diagnostic, never followed.
@Suite struct SafetyContainmentTests {
    /// Names that try to climb out, hide, or pass for plain names with look-alike characters.
    static let hostileNames = [
        "..", ".", "a/../../x", "../x", "%2e%2e", "%2e%2e%2fx", "..%2f..%2fx", "a%2F..%2F..%2Fx",
        "\u{FF0E}\u{FF0E}",  // fullwidth full stops
        "\u{2024}\u{2024}",  // one dot leaders
        "a\u{2215}..\u{2215}x",  // division slash
        "\u{FF41}\u{FF42}",  // fullwidth letters that look like "ab"
        "caf\u{E9}", "A-Clinic", "-lead", "a b", "a\\..\\x", "a:b", "x\u{0}y",
    ]

    @Test(arguments: ["..", "a/../../x", "../x", "/etc/passwd", "a//b", "./a", "a/./b", "a\\..\\b", "x\u{0}y", "", "a/", ".", "a/..", "/", "a/.", "a\\b"])
    func outputPathsThatLeaveAreRefused(_ path: String) throws {
        #expect(throws: OutputPath.Escape.self) { try OutputPath.check(path) }
        let root = try Fixtures.temporaryFolder("sink").appendingPathComponent("out")
        #expect(throws: (any Error).self) { try DirectorySink(root: root).write(path, Data("x".utf8)) }
        #expect(throws: (any Error).self) { try MemorySink().write(path, Data("x".utf8)) }
        #expect(Fixtures.tree(root.deletingLastPathComponent()).isEmpty, "something was written for \(path.debugDescription)")
    }

    @Test func plainPathsAreAccepted() throws {
        for path in ["index.html", "clinics/alpha/index.html", "assets/fonts/a.woff2", ".gangway-output", "...", "a../..b/.c", "é/ü.html"] {
            try OutputPath.check(path)
        }
    }

    @Test(arguments: hostileNames)
    func aHostileCaseFileNameIsRefused(_ name: String) throws {
        try expectRefused(name, as: "case file") { files in
            files["content/clinics/\(name).yml"] = "clinic: Sneaky\nguide: demo\n"
        }
    }

    @Test(arguments: hostileNames)
    func aHostileGuideNameIsRefused(_ name: String) throws {
        try expectRefused(name, as: "guide") { files in
            files["content/guides/\(name)/guide.md"] = "---\ntitle: Sneaky\n---\nBody.\n"
            files["content/guides/\(name)/01-x.md"] = "---\ntitle: X\nowner: clinic\n---\n"
        }
    }

    @Test(arguments: hostileNames)
    func aHostileStepIDIsRefused(_ name: String) throws {
        try expectRefused(name, as: "step id") { files in
            files["content/guides/demo/04-extra.md"] = "---\nid: \(JSONText.string(name))\ntitle: X\nowner: clinic\n---\n"
        }
    }

    @Test(arguments: hostileNames)
    func aHostilePageNameIsRefused(_ name: String) throws {
        try expectRefused(name, as: "page") { files in
            files["content/pages/\(name).md"] = "---\ntitle: Sneaky\n---\nBody.\n"
        }
    }

    @Test(arguments: hostileNames)
    func aCaseFileNamingAHostileGuideIsAnError(_ name: String) throws {
        try expectRefused(name, as: "guide named by a case file") { files in
            files["content/clinics/delta.yml"] = "clinic: Delta\nguide: \(JSONText.string(name))\n"
        }
    }

    /// Builds the basic site with one hostile name added. The file system may not take the name at
    /// all (a `/` or NUL in a file name), which is its own refusal; otherwise the build must fail
    /// with an error and write nothing anywhere.
    private func expectRefused(_ name: String, as what: String, _ change: (inout [String: String]) -> Void,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var files = try SafetySite.basicFiles()
        change(&files)
        let scratch = try Fixtures.temporaryFolder("hostile")
        let source = scratch.appendingPathComponent("a/b/site")
        do { try SafetySite.write(files, into: source) } catch { return }
        let output = scratch.appendingPathComponent("a/b/public")
        let before = Fixtures.tree(scratch)
        let report = SafetySite.build(source, into: output)
        let written = Fixtures.tree(scratch).filter { before[$0.key] == nil }
        // Where the file system normalised the name into a plain one (".." inside a path), the
        // build is allowed to succeed, but everything it wrote must be below the output folders
        // (the portal's, and the team site's beside it).
        #expect(written.keys.allSatisfy { $0.hasPrefix("a/b/public/") || $0.hasPrefix("a/b/team/") }, "\(what) \(name.debugDescription) wrote outside: \(written.keys.sorted())",
                sourceLocation: sourceLocation)
        if report.succeeded {
            let names = SafetySite.bothSites(output).keys
            #expect(!names.contains { $0.contains("..") || $0.contains("%2") || !$0.unicodeScalars.allSatisfy(\.isASCII) },
                    "\(what) \(name.debugDescription) gave an output path \(names.sorted())", sourceLocation: sourceLocation)
        } else {
            #expect(report.diagnostics.contains { $0.severity == .error && $0.location.file.hasPrefix("content/") },
                    "\(what) \(name.debugDescription): \(SafetySite.text(report))", sourceLocation: sourceLocation)
            #expect(written.isEmpty, "a failed build wrote \(written.keys.sorted())", sourceLocation: sourceLocation)
        }
    }

    // MARK: symbolic links

    enum Link: String, CaseIterable {
        case caseFile, guideFolder, stepFile, page, template, asset, assetsFolder, clinicsFolder, config
    }

    /// A link in the source that leads outside it is an error at the link, with a line and column,
    /// and the file it leads to is neither read into the output nor echoed.
    @Test(arguments: Link.allCases)
    func aSymlinkLeavingTheSourceIsRefusedNotFollowed(_ link: Link) throws {
        let scratch = try Fixtures.temporaryFolder("links")
        let source = scratch.appendingPathComponent("site")
        try SafetySite.write(try SafetySite.basicFiles(), into: source)
        let secret = "OUTSIDE-SECRET-\(UUID().uuidString)"
        let outside = scratch.appendingPathComponent("outside")
        try SafetySite.write([
            "clinic.yml": "clinic: \(secret)\nguide: demo\n",
            "guide/guide.md": "---\ntitle: \(secret)\n---\n",
            "guide/01-a.md": "---\ntitle: \(secret)\nowner: clinic\n---\n",
            "step.md": "---\ntitle: \(secret)\nowner: clinic\n---\n\(secret)\n",
            "page.md": "---\ntitle: \(secret)\n---\n\(secret)\n",
            "home.mustache": "\(secret)\n",
            "leak.txt": secret,
            "assets/leak.txt": secret,
            "clinics/x.yml": "clinic: \(secret)\nguide: demo\n",
            "gangway.yml": "title: \(secret)\n",
        ], into: outside)
        let (at, target): (String, String)
        switch link {
        case .caseFile: (at, target) = ("content/clinics/evil.yml", "clinic.yml")
        case .guideFolder: (at, target) = ("content/guides/evil", "guide")
        case .stepFile: (at, target) = ("content/guides/demo/04-evil.md", "step.md")
        case .page: (at, target) = ("content/pages/evil.md", "page.md")
        case .template: (at, target) = ("templates/home.mustache", "home.mustache")
        case .asset: (at, target) = ("templates/assets/leak.txt", "leak.txt")
        case .assetsFolder: (at, target) = ("templates/assets", "assets")
        case .clinicsFolder: (at, target) = ("content/clinics/more", "clinics")
        case .config: (at, target) = ("gangway.yml", "gangway.yml")
        }
        let linkURL = source.appendingPathComponent(at)
        try? FileManager.default.removeItem(at: linkURL)
        try FileManager.default.createDirectory(at: linkURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: linkURL.path, withDestinationPath: outside.appendingPathComponent(target).path)

        let output = scratch.appendingPathComponent("public")
        let report = SafetySite.build(source, into: output)
        #expect(!report.succeeded, "\(link): a link leaving the source was followed")
        let refusal = report.diagnostics.first { $0.message.contains("symbolic link leads outside the source folder") }
        #expect(refusal != nil, "\(link): \(SafetySite.text(report))")
        if let refusal {
            #expect(refusal.location.file == at, "\(link): reported at \(refusal.location.file), not at the link")
            #expect(DiagnosticFormatter.text([refusal]).hasPrefix("\(refusal.location.file):1:1: error: "))
        }
        #expect(!SafetySite.text(report).contains(secret), "\(link): the outside file's text reached a message")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// Links that stay inside the source folder are fine, and read like the files they point at.
    @Test func aSymlinkInsideTheSourceIsFollowed() throws {
        let source = try Fixtures.copySite("basic")
        let shared = source.appendingPathComponent("shared")
        try SafetySite.write(["delta.yml": "clinic: Delta Linked\nguide: demo\n", "faq.md": "---\ntitle: Linked page\n---\nHello.\n"], into: shared)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: source.appendingPathComponent("content/clinics/delta.yml").path, withDestinationPath: "../../shared/delta.yml")
        try fm.createSymbolicLink(atPath: source.appendingPathComponent("content/pages/linked.md").path, withDestinationPath: shared.appendingPathComponent("faq.md").path)
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let report = SafetySite.build(source, into: output)
        #expect(report.succeeded, "\(SafetySite.text(report))")
        let delta = try String(contentsOf: output.appendingPathComponent("clinics/delta/index.html"), encoding: .utf8)
        #expect(delta.contains("Delta Linked"))
        #expect(fm.fileExists(atPath: output.appendingPathComponent("pages/linked/index.html").path))
    }
}
