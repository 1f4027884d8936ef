import Foundation

/// Writes a new guide for `gangway new guide`: `guide.md` and two step files that load and build
/// as they are. Every placeholder value begins with the word `TODO`, which `check` looks for;
/// every optional key is a comment that says what it does.
public enum GuideWriter {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case badName(String)
        public var description: String {
            switch self {
            case .exists(let p): return "\(p) already exists; it was left as it was"
            case .badName(let n): return "'\(n)' is not a valid guide name: use only a-z, 0-9 and '-', starting with a letter or digit"
            }
        }
    }

    /// The files, by path relative to the source folder, in the order they are written.
    public static func files(name: String, emr: String?, vendor: String?) -> [(path: String, text: String)] {
        let folder = "content/guides/\(name)"
        let who = vendor ?? emr ?? "the vendor"
        let emrLine = emr.map { "emr: \(YAMLQuote.scalar($0, flow: false))" }
            ?? "# emr: the EMR's name as clinics know it, like QHR Accuro"
        let vendorLine = vendor.map { "vendor: \(YAMLQuote.scalar($0, flow: false))" }
            ?? "# vendor: who \"vendor\" means on this guide's pages, like QHR (default: the emr)"
        let guide = """
        ---
        # A guide: this front matter, then the introduction in Markdown. The steps are the
        # NN-*.md files beside this one, in file-name order. A value starting with TODO is a
        # placeholder, and gangway check warns until it is replaced.
        title: "TODO: name this guide"
        \(emrLine)
        \(vendorLine)
        summary: "TODO: say in one sentence what this guide connects"
        ---

        TODO: introduce the guide: what the clinic will do, what to have ready, and how long it may take.

        """
        let clinicStep = """
        ---
        # A step the clinic does. Its id is the file name without "01-" and ".md" (clinic-step):
        # rename the file, or add a line "id: …", before any case file names the step.
        title: "TODO: name this step"
        owner: clinic   # who acts: clinic, vendor or ocean
        # requires: [signatory, providers, office_name, ocean_contact]   # case fields to complete first
        # skip_if_existing_link: true   # when the step does not apply to a clinic that already has a link
        ---

        TODO: describe what the clinic does in this step, and what it needs to have ready.

        """
        let vendorStep = """
        ---
        # A step where the clinic waits on \(who). Its id is the file name without "02-" and ".md"
        # (vendor-step). Leave wait_days out while nobody knows how long the wait is.
        title: "TODO: name this step"
        owner: vendor   # who acts: clinic, vendor or ocean
        # wait_days: 7   # how many days \(who) may take to answer
        # wait_for: what the clinic waits for, like the contract arriving
        # wait_on: vendor   # who the step waits on while waiting (default: its owner)
        ---

        TODO: describe what \(who) does in this step, and what the clinic does while it waits.

        """
        return [("\(folder)/guide.md", guide), ("\(folder)/01-clinic-step.md", clinicStep), ("\(folder)/02-vendor-step.md", vendorStep)]
    }

    /// Writes `content/guides/<name>/`, which must not exist yet, and returns the paths written.
    public static func create(name: String, emr: String?, vendor: String?, source: URL) throws -> [String] {
        guard Slug.isValid(name), !ContactText.holdsContact(name) else { throw Failure.badName(name) }
        let tree = SourceTree(root: source)
        let folder = "content/guides/\(name)"
        if tree.exists(folder) { throw Failure.exists(folder) }
        let url = tree.url(folder)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch CocoaError.fileWriteFileExists {
            throw Failure.exists(folder)
        }
        var written: [String] = []
        for file in files(name: name, emr: emr, vendor: vendor) {
            try Data(file.text.utf8).write(to: tree.url(file.path), options: .withoutOverwriting)
            written.append(file.path)
        }
        return written
    }
}
