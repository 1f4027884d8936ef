#if DEBUG || GANGWAY_FUZZ  // @testable needs -enable-testing: a plain release build compiles this file to nothing
import Foundation
@testable import GangwayCore
import Yams

/// Runs one file's bytes through Gangway as every kind of source file it could be (a case
/// file, a step, a guide.md, a free page, gangway.yml), each time through the real loader, its
/// checks and, when it loads without errors, the render of one clinic's pages into memory.
/// The fuzzer (Sources/GangwayFuzz) and the fuzz regression tests call it.
public final class InputProbe: @unchecked Sendable {
    /// What one role made of the input.
    public struct Outcome {
        public var role: String
        public var diagnostics: [Diagnostic]
        /// The rendered files, by output path; empty when the input did not load.
        public var files: [String: Data]
        public var config: SiteConfig
        /// Values of credential keys in the input that a message must never repeat.
        public var secrets: [String]
    }

    public let root: URL
    private let base: Site
    private let theme: Theme
    /// The probe writes its one site in place, so one input at a time, whichever thread asks.
    private let lock = NSRecursiveLock()
    private let today = Day(year: 2026, month: 11, day: 5)!

    /// Writes a small working site into a fresh temporary folder and loads it.
    public init() throws {
        Self.removeDeadProbes()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gangway-probe-\(getpid())-\(UUID().uuidString.prefix(8))")
        for (path, text) in Self.site {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try DirectorySink.writeFile(url.path, Data(text.utf8))
        }
        let loaded = SiteLoader.load(source: root, today: .fixed(today))
        guard let site = loaded.site, let theme = loaded.theme else {
            throw ProbeSetupError(diagnostics: DiagnosticFormatter.text(loaded.diagnostics))
        }
        base = site
        self.theme = theme
    }

    struct ProbeSetupError: Error, CustomStringConvertible {
        let diagnostics: String
        var description: String { "the probe's own site does not load:\n\(diagnostics)" }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Fuzzer processes end by exit or crash, never by deinit: each new probe clears the folders
    /// of probes whose process is gone.
    private static func removeDeadProbes() {
        let temp = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temp.path)) ?? [] where name.hasPrefix("gangway-probe-") {
            let pid = name.dropFirst("gangway-probe-".count).prefix { $0.isNumber }
            if let id = pid_t(pid), kill(id, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: temp.appendingPathComponent(name))
            }
        }
    }

    /// The input in every role, one after the other.
    public func run(_ data: Data) -> [Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return [asCaseFile(data), asStep(data), asGuide(data), asPage(data), asConfig(data)]
    }

    public func asCaseFile(_ data: Data) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let path = "content/clinics/probe.yml"
        write(path, data)
        var d: [Diagnostic] = []
        let tree = SourceTree(root: root)
        var caseFile = CaseFileLoader.load(path, tree: tree, guideNames: base.guides.map(\.name), into: &d)
        if let loaded = caseFile {
            let context = ValidationContext(config: base.config, guides: base.guides, guideFolders: [], today: today)
            d += Validator.validate(caseFile: loaded, in: context)
            if !loaded.hasRequiredKeys || context.guides[loaded.guide] == nil { caseFile = nil }
        }
        var out = Outcome(role: "case file", diagnostics: d, files: [:], config: base.config, secrets: secrets(in: data))
        if let caseFile, !d.contains(where: { $0.severity == .error }) {
            out.files = render(site: base, clinics: [caseFile], sharedPages: false)
        }
        remove(path)
        return out
    }

    public func asStep(_ data: Data) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let folder = "content/guides/probe"
        write(folder + "/guide.md", Data("---\ntitle: Probe guide\n---\nThe probe's guide.\n".utf8))
        write(folder + "/01-probe.md", data)
        let outcome = guideOutcome(folder, role: "step", data: data)
        remove(folder)
        return outcome
    }

    public func asGuide(_ data: Data) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let folder = "content/guides/probe"
        write(folder + "/guide.md", data)
        write(folder + "/01-only.md", Data("---\ntitle: The only step\nowner: clinic\nwait_days: 3\n---\nDo it.\n".utf8))
        let outcome = guideOutcome(folder, role: "guide.md", data: data)
        remove(folder)
        return outcome
    }

    public func asPage(_ data: Data) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let path = "content/pages/probe.md"
        write(path, data)
        var d: [Diagnostic] = []
        let page = PageLoader.load(path, tree: SourceTree(root: root), unsafeHTML: base.config.unsafeHTML, into: &d)
        var out = Outcome(role: "page", diagnostics: d, files: [:], config: base.config, secrets: secrets(in: data))
        if let page, !d.contains(where: { $0.severity == .error }) {
            var site = base
            site.pages = [page]
            site.guides = []
            out.files = render(site: site, clinics: [], sharedPages: true)
        }
        remove(path)
        return out
    }

    /// gangway.yml in a folder of its own, then the base site's clinics rendered under it.
    public func asConfig(_ data: Data) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let folder = root.appendingPathComponent("config-probe")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? DirectorySink.writeFile(folder.appendingPathComponent(ConfigLoader.file).path, data)
        var d: [Diagnostic] = []
        let config = ConfigLoader.load(source: folder, into: &d)
        var out = Outcome(role: "gangway.yml", diagnostics: d, files: [:], config: config, secrets: secrets(in: data))
        if !d.contains(where: { $0.severity == .error }) {
            var site = base
            site.config = config
            // Token URLs need a secret; the probe renders them with a fixed one.
            out.files = render(site: site, clinics: Array(base.clinics.prefix(1)), sharedPages: true)
        }
        return out
    }

    private func guideOutcome(_ folder: String, role: String, data: Data) -> Outcome {
        var d: [Diagnostic] = []
        let tree = SourceTree(root: root)
        let guide = GuideLoader.load(folder, name: "probe", tree: tree, unsafeHTML: base.config.unsafeHTML, into: &d)
        if let guide { d += Validator.validate(guide: guide) }
        var out = Outcome(role: role, diagnostics: d, files: [:], config: base.config, secrets: secrets(in: data))
        guard let guide, !d.contains(where: { $0.severity == .error }) else { return out }
        // A clinic on this guide with every step in a different state.
        var steps = ""
        for (i, step) in guide.steps.enumerated() {
            let record = ["{status: done, done: 2026-11-01}", "{status: waiting, since: 2026-11-02, note: Sent}", "todo"][i % 3]
            steps += "  \(step.id): \(record)\n"
        }
        let path = "content/clinics/probe-guide.yml"
        write(path, Data("clinic: Probe Clinic\nguide: probe\nnotes: A note.\n\(steps.isEmpty ? "" : "steps:\n" + steps)".utf8))
        var clinicDiagnostics: [Diagnostic] = []
        let caseFile = CaseFileLoader.load(path, tree: tree, guideNames: ["probe"], into: &clinicDiagnostics)
        remove(path)
        var site = base
        site.guides = [guide]
        site.pages = []
        out.files = render(site: site, clinics: caseFile.map { [$0] } ?? [], sharedPages: true)
        return out
    }

    /// Renders the given clinics and the pages that list them; `sharedPages` adds guides, free pages,
    /// 404, sitemap and assets. A render that throws is a bug the fuzzer must see (a path that left
    /// the output, say), so it stops the process.
    private func render(site: Site, clinics: [CaseFile], sharedPages: Bool) -> [String: Data] {
        let sink = MemorySink()
        do {
            let folders = try ClinicFolders(mode: site.config.clinicURLs, secret: "probe-secret")
            let input = RenderInput(site: site, theme: theme, today: today, folders: folders)
            let targets = RenderTargets(portal: sink, team: PrefixedSink(prefix: "team/", base: sink))
            _ = try RenderPipeline.render(input, scope: sharedPages ? .shared : .clinics, clinics: clinics, into: targets)
        } catch {
            fatalError("rendering a site that loaded without errors failed: \(error)")
        }
        return sink.files
    }

    /// Values under credential keys, long and rare enough that seeing one in a message can only be an echo.
    private func secrets(in data: Data) -> [String] {
        guard let text = String(validating: data, as: UTF8.self) else { return [] }
        var yaml = text
        var ignored: [Diagnostic] = []
        if let split = FrontMatterFile.split(text, file: "probe", into: &ignored) { yaml = split.yaml ?? "" }
        guard let node = try? Yams.compose(yaml: yaml) else { return [] }
        var found: [String] = []
        func walk(_ node: Node) {
            switch node {
            case .mapping(let m):
                for (k, v) in m {
                    if let key = k.string, CredentialScan.isCredential(key), case .scalar(let s) = v { found.append(s.string) }
                    walk(k)
                    walk(v)
                }
            case .sequence(let s): s.forEach(walk)
            case .scalar, .alias: break
            }
        }
        walk(node)
        return found.filter { $0.count >= 8 && text.components(separatedBy: $0).count == 2 }
    }

    private func write(_ path: String, _ data: Data) {
        let url = root.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? DirectorySink.writeFile(url.path, data)
    }

    private func remove(_ path: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// The probe's site: one guide of three steps, two clinics, a page.
    static let site: [(String, String)] = [
        ("gangway.yml", "title: Probe Portal\ndashboard: true\n"),
        ("content/guides/demo/guide.md", "---\ntitle: Demo integration\nemr: Demo EMR\nsummary: Three steps.\n---\nConnect **Demo EMR**.\n"),
        ("content/guides/demo/01-request.md", "---\ntitle: Request access\nowner: clinic\nrequires: [signatory, providers, office_name]\nskip_if_existing_link: true\n---\nSend the form.\n"),
        ("content/guides/demo/02-sign.md", "---\nid: sign-contract\ntitle: Sign the contract\nowner: clinic\nwait_days: 7\nwait_for: DemoCo sends the contract\nrequires: [signatory]\n---\nSign it.\n"),
        ("content/guides/demo/03-finish.md", "---\ntitle: Finish set-up\nowner: ocean\nrequires: [ocean_contact]\n---\nOcean finishes.\n"),
        ("content/clinics/alpha.yml", """
            clinic: Alpha Clinic
            guide: demo
            office_name: Alpha
            signatory: {name: Dr. A, email: a@alpha.example, phone: 416-555-0100}
            providers:
              - {name: Dr. A, email: a@alpha.example}
            notes: Call **before noon**.
            steps:
              request: {status: done, started: 2026-11-01, done: 2026-11-02}
              sign-contract: {status: waiting, note: Sent to Dr. A}

            """),
        ("content/clinics/beta.yml", "clinic: Beta Health\nguide: demo\nsteps:\n  request: {status: blocked, note: On leave}\n"),
        ("content/pages/faq.md", "---\ntitle: Questions\n---\nAsk your Ocean contact.\n"),
    ]
}

extension InputProbe {
    /// What pages may hold: the built-in templates' elements and attributes, and the number of
    /// watched elements in a clean render of the probe's own site.
    public func limits() -> PageLimits {
        let templates = StarterSite.files.filter { $0.path.hasSuffix(".mustache") }.map { String(decoding: $0.data, as: UTF8.self) }
        return PageLimits(templates: templates, baseline: render(site: base, clinics: base.clinics, sharedPages: true))
    }
}

extension InputProbe.Outcome {
    /// Every guarantee this outcome breaks: markup or script from input (unless `unsafe_html`),
    /// a contact in a status.json, an embedded status unlike status.json, a credential echoed.
    public func problems(limits: PageLimits) -> [String] {
        let unsafe = config.unsafeHTML
        // A hint that quotes nothing is Gangway's own wording ("add a line like title: Sign the
        // contract"); a credential value that happens to equal it is not an echo.
        let messages = diagnostics.map { $0.message + " " + (($0.hint ?? "").contains("'") ? $0.hint! : "") }
        return SiteAudit.problems(files: files, allowed: { unsafe ? nil : limits.allowed(for: $0) })
            + SiteAudit.echoes(of: secrets, in: messages)
    }
}
#endif
