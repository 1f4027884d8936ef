import Foundation

/// Writes a new case file for `gangway new clinic`: every step of the guide, as todo.
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

    /// Returns the path written, relative to the source folder.
    public static func create(slug: String, guide name: String, source: URL) throws -> String {
        let tree = SourceTree(root: source)
        let path = "content/clinics/\(slug).yml"
        if tree.exists(path) { throw Failure.exists(path) }
        var diagnostics: [Diagnostic] = []
        let folder = "content/guides/\(name)"
        guard Slug.isValid(name), tree.isDirectory(folder),
              let guide = GuideLoader.load(folder, name: name, tree: tree, unsafeHTML: false, into: &diagnostics) else {
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
        var yaml = """
        clinic: \(yamlQuoted(slug))
        guide: \(name)
        office_name:
        region:
        ocean_contact: {name: , email: }
        signatory: {name: , title: , email: }
        providers: []
        existing_cds_link: false
        notes: |
          Anything the clinic should know, in Markdown.
        steps:

        """
        for step in guide.steps {
            yaml += "  \(step.id): {status: todo}\n"
        }
        let url = tree.url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: url)
        return path
    }

    private static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}
