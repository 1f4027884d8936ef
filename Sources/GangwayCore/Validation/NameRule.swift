/// The rule on names that become folder names and URLs: case file slugs, guide folder names,
/// page names and step ids use only `[a-z0-9-]`, start with a letter or digit, are at most
/// `NameLimits.characters` long, and do not look like a phone number. The loaders call it before
/// reading a file, since a file with a bad name is not read further.
enum NameRule {
    enum Kind {
        /// `fileName` with its `.yml`.
        case caseFile(fileName: String)
        case guideFolder
        case page
        case stepID
    }

    static func problem(with name: String, kind: Kind, at location: SourceLocation) -> Diagnostic? {
        if !Slug.isValid(name) {
            return .error(.invalid(name, kind), at: location, hint: hint(for: name, kind))
        }
        if name.count > NameLimits.characters {
            return .error(.tooLong(name, kind), at: location, hint: "names become folder names and URLs; shorten it")
        }
        if ContactText.holdsContact(name) {
            return .error(.phoneLike(.what(name, kind)), at: location, hint: "rename it with words, or with fewer digits")
        }
        return nil
    }

    private static func hint(for name: String, _ kind: Kind) -> String? {
        switch kind {
        case .caseFile(let fileName): return Slug.suggestion(for: String(fileName.dropLast(4))).map { "rename it to \($0).yml" }
        case .stepID: return Slug.suggestion(for: name).map { "rename it to \($0)" }
        case .guideFolder, .page: return nil
        }
    }
}

extension String {
    fileprivate static func what(_ name: String, _ kind: NameRule.Kind) -> String {
        switch kind {
        case .caseFile(let fileName): return "case file name '\(fileName)'"
        case .guideFolder: return "guide folder name '\(name)'"
        case .page: return "page file name '\(name).md'"
        case .stepID: return "step id '\(name)'"
        }
    }

    fileprivate static func invalid(_ name: String, _ kind: NameRule.Kind) -> String {
        switch kind {
        case .caseFile(let fileName): return "case file name '\(fileName)' is not a valid slug: use only a-z, 0-9 and '-', starting with a letter or digit"
        case .guideFolder: return "guide folder name '\(name)' must use only a-z, 0-9 and '-', starting with a letter or digit"
        case .page: return "page file name '\(name).md' must use only a-z, 0-9 and '-'"
        case .stepID: return "step id '\(name)' is not a valid id: use only a-z, 0-9 and '-', starting with a letter or digit"
        }
    }

    fileprivate static func tooLong(_ name: String, _ kind: NameRule.Kind) -> String {
        let shown = name.count > 40 ? String(name.prefix(40)) + "…" : name
        let what: String
        switch kind {
        case .caseFile: what = "case file name '\(shown).yml'"
        case .guideFolder: what = "guide folder name '\(shown)'"
        case .page: what = "page file name '\(shown).md'"
        case .stepID: what = "step id '\(shown)'"
        }
        return "\(what) is \(name.count) characters long; the limit is \(NameLimits.characters)"
    }

    fileprivate static func phoneLike(_ what: String) -> String {
        "\(what) looks like a phone number, and names are published in URLs and status.json"
    }
}
