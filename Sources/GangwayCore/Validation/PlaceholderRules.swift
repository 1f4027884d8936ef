/// Values the authoring commands leave for a person to fill in, still there: a case file whose
/// `clinic` is still its slug (`gangway new clinic`), and in a guide any value or body line that
/// begins with the word `TODO` (the convention of `gangway new guide`). Warnings: the page
/// builds, but would publish the placeholder.
enum PlaceholderRules {
    /// The front matter keys of guide.md and of a step that `gangway new guide` may fill with a placeholder.
    static let guideKeys = ["title", "emr", "vendor", "summary"]
    static let stepKeys = ["title", "wait_for"]

    static func check(_ c: CaseFile) -> [Diagnostic] {
        guard c.hasRequiredKeys, c.clinic == c.slug, let location = c.clinicLocation else { return [] }
        return [.warning(.nameIsSlug(c.slug), at: location, hint: "write the clinic's name as its staff would say it, like clinic: Lakeshore Family Health Team")]
    }

    static func check(_ guide: Guide) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let values: [(String, String?)] = [("title", guide.title), ("emr", guide.emr), ("vendor", guide.vendor), ("summary", guide.summary)]
        for (key, value) in values where isPlaceholder(value) {
            out.append(.warning(.placeholder(key), at: guide.fieldLocations[key] ?? SourceLocation(file: guide.file)))
        }
        out += body(guide.introSource, file: guide.file, firstLine: guide.introLine)
        for step in guide.steps {
            for (key, value) in [("title", step.title), ("wait_for", step.waitFor)] where isPlaceholder(value) {
                out.append(.warning(.placeholder(key), at: step.fieldLocations[key] ?? SourceLocation(file: step.file)))
            }
            out += body(step.bodySource, file: step.file, firstLine: step.bodyLine)
        }
        return out
    }

    /// Text that begins with the word TODO (`TODO`, `TODO:`, `TODO name this step`; not `TODOS`).
    static func isPlaceholder(_ value: String?) -> Bool {
        guard let value else { return false }
        let text = value.drop { $0.isWhitespace }
        guard text.hasPrefix("TODO") else { return false }
        let next = text.dropFirst(4).first
        return next.map { !($0.isLetter || $0.isNumber) } ?? true
    }

    /// Body lines that begin with TODO, also after a Markdown list, heading or quote marker.
    private static func body(_ text: String, file: String, firstLine: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lead = line.prefix { $0.isWhitespace || "#-*>".contains($0) }
            guard isPlaceholder(String(line.dropFirst(lead.count))) else { continue }
            out.append(.warning(.placeholderLine, at: SourceLocation(file: file, line: firstLine + index, column: lead.unicodeScalars.count + 1)))
        }
        return out
    }
}

extension String {
    fileprivate static func nameIsSlug(_ slug: String) -> String {
        "the clinic's name is still its slug '\(slug)', as 'gangway new clinic' wrote it"
    }

    fileprivate static func placeholder(_ key: String) -> String {
        "placeholder left by 'gangway new guide': '\(key)' still begins with TODO"
    }

    fileprivate static let placeholderLine = "placeholder left by 'gangway new guide': this line still begins with TODO"
}
