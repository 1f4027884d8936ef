import Foundation

/// Writes a new case file for `gangway new clinic`: block-style YAML, every step of the guide as
/// `todo`, and every value Gangway cannot know written as a comment, never as a placeholder value.
public enum CaseFileWriter {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case guide(String)
        public var description: String {
            switch self {
            case .exists(let p): return "\(p) already exists; it was left as it was"
            case .guide(let s): return s
            }
        }
    }

    /// Writes `content/clinics/<slug>.yml` and returns that path, relative to the source folder.
    /// The clinic's name is `name`, or the slug until someone writes the real one.
    public static func create(slug: String, guide name: String, name clinicName: String? = nil, source: URL) throws -> String {
        let tree = SourceTree(root: source)
        let path = "content/clinics/\(slug).yml"
        if tree.exists(path) { throw Failure.exists(path) }
        let guide = try loadGuide(name, tree: tree)
        let yaml = text(slug: slug, guide: guide, name: clinicName)
        let url = tree.url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try Data(yaml.utf8).write(to: url, options: .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            throw Failure.exists(path)
        }
        return path
    }

    /// The case file's text.
    public static func text(slug: String, guide: Guide, name: String?) -> String {
        let emr = guide.emr ?? "the EMR"
        var yaml = """
        # Case file of one clinic (\(guide.title)).
        # Lines starting with # are notes: to fill one in, write its value and remove the "# ".
        # Values holding ": ", " #" or starting with a quote or # go in double quotes.
        clinic: \(YAMLQuote.scalar(name ?? slug, flow: false))
        guide: \(YAMLQuote.scalar(guide.name, flow: false))
        # office_name: the office name exactly as \(emr) shows it
        # region: the clinic's region, like Ontario
        # existing_cds_link: true   # when the clinic already has an Ocean CDS link in \(emr)
        # ocean_contact:
        #   name: the clinic's Ocean representative
        #   email: their email address
        # signatory:
        #   name: the person who signs the contract
        #   title: their title, like Lead physician
        #   email: their email address
        #   phone: their phone number
        # providers:   # providers only: no clinic admins or other staff
        #   - name: a provider to enable
        #     email: their email address
        #     role: physician
        # notes: what the clinic should know, in Markdown, shown on its page
        steps:
          # Record each step as it moves, for example:
          #   status: done          # todo, in-progress, waiting, blocked, done or skipped
          #   started: 2026-10-02
          #   done: 2026-10-03      # a done step needs its date
          #   since: 2026-10-03     # the day a waiting step began to wait
          #   note: Contract sent to the signatory   # blocked and skipped steps need one

        """
        for step in guide.steps {
            yaml += "  \(YAMLQuote.scalar(step.id, flow: false)):\n    status: todo\n"
        }
        return yaml
    }

    private static func loadGuide(_ name: String, tree: SourceTree) throws -> Guide {
        var diagnostics: [Diagnostic] = []
        let folder = "content/guides/\(name)"
        if Slug.isValid(name), tree.isDirectory(folder),
           let guide = GuideLoader.load(folder, name: name, tree: tree, unsafeHTML: false, into: &diagnostics) {
            return guide
        }
        var available: [String] = []
        for f in tree.entries("content/guides", into: &diagnostics) where tree.isDirectory(f) {
            available.append((f as NSString).lastPathComponent)
        }
        var message = "guide '\(name)' does not exist or does not load"
        if let near = Suggest.closest(to: name, among: available) { message += " (did you mean '\(near)'?)" }
        if !available.isEmpty { message += "; guides: \(available.joined(separator: ", "))" }
        let problems = diagnostics.filter { $0.severity == .error }
        if !problems.isEmpty { message += "\n" + DiagnosticFormatter.text(problems) }
        throw Failure.guide(message)
    }
}
