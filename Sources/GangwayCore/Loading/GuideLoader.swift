import Foundation

/// Reads `content/guides/<name>/`: guide.md and its `NN-*.md` steps, ordered by file name.
/// Each body is rendered to HTML here, once, whatever the number of clinics. It reports only what
/// stops a file being read; rules over the guide (duplicate step ids, no steps) are `Validator`'s.
enum GuideLoader {
    static let guideKeys = KeyTable.guide.keys
    static let stepKeys = KeyTable.step.keys

    static func load(_ folder: String, name: String, tree: SourceTree, unsafeHTML: Bool, into diagnostics: inout [Diagnostic]) -> Guide? {
        let guideFile = folder + "/guide.md"
        guard tree.folder(folder, into: &diagnostics) else { return nil }
        guard tree.exists(guideFile) else {
            diagnostics.append(.error("guide '\(name)' has no guide.md", at: SourceLocation(file: folder)))
            return nil
        }
        if let problem = NameRule.problem(with: name, kind: .guideFolder, at: SourceLocation(file: guideFile)) {
            diagnostics.append(problem)
            return nil
        }
        guard let page = readMarkdown(guideFile, tree: tree, into: &diagnostics) else { return nil }
        var title: String?
        var emr: String?, vendor: String?, summary: String?
        var fieldLocations: [String: SourceLocation] = [:]
        if let (map, doc, misspelt) = page.frontMatter(what: "a guide's front matter", keys: guideKeys, into: &diagnostics) {
            for (key, _, value) in map.pairs { fieldLocations[key] = doc.location(value) }
            title = map.requiredString("title", hint: "add a line like title: Accuro integration", misspelt: misspelt, into: &diagnostics)
            emr = map.string("emr", into: &diagnostics)
            vendor = map.string("vendor", into: &diagnostics)
            summary = map.string("summary", into: &diagnostics)
        } else if page.text.yaml == nil {
            diagnostics.append(.error("guide.md needs front matter with a 'title'", at: SourceLocation(file: guideFile),
                                      hint: "start the file with ---, a line 'title: …', and ---"))
        }

        var steps: [Step] = []
        var unreadable: Set<String> = []
        for path in tree.entries(folder, into: &diagnostics) {
            let fileName = (path as NSString).lastPathComponent
            guard fileName != "guide.md", fileName.hasSuffix(".md") else { continue }
            var id = defaultStepID(fileName)
            guard let step = loadStep(path, id: &id, tree: tree, unsafeHTML: unsafeHTML, into: &diagnostics) else {
                unreadable.insert(id)
                continue
            }
            steps.append(step)
        }
        guard let title else { return nil }
        // A step id used twice is kept twice: `DuplicateStepIDRule` reports the second.
        return Guide(name: name, title: title, emr: emr, vendor: vendor, summary: summary,
                     introHTML: Markdown.html(page.text.body, unsafe: unsafeHTML), steps: steps, file: guideFile,
                     unreadableStepIDs: unreadable.subtracting(steps.map(\.id)), fieldLocations: fieldLocations,
                     introSource: page.text.body, introLine: page.text.bodyLine)
    }

    /// A step's id when its front matter does not declare one: the file name without `NN-` and `.md`.
    static func defaultStepID(_ fileName: String) -> String {
        var id = String(fileName.dropLast(3))
        if let dash = id.firstIndex(of: "-"), id[..<dash].allSatisfy(\.isNumber), !id[..<dash].isEmpty {
            id = String(id[id.index(after: dash)...])
        }
        return id
    }

    /// `id` comes in as the file name's id and goes out as the step's id, also when the step fails to load.
    private static func loadStep(_ path: String, id: inout String, tree: SourceTree, unsafeHTML: Bool, into diagnostics: inout [Diagnostic]) -> Step? {
        guard let page = readMarkdown(path, tree: tree, into: &diagnostics) else { return nil }
        guard let (map, doc, misspelt) = page.frontMatter(what: "a step's front matter", keys: stepKeys, into: &diagnostics) else {
            if page.text.yaml == nil {
                diagnostics.append(.error("step file has no front matter", at: SourceLocation(file: path),
                                          hint: "start the file with ---, the lines 'title: …' and 'owner: clinic', and ---"))
            }
            return nil
        }
        var ok = true
        var idLocation = SourceLocation(file: path)
        if let declared = map.string("id", into: &diagnostics) {
            id = declared
            idLocation = doc.location(map.value("id")!)
        }
        if let problem = NameRule.problem(with: id, kind: .stepID, at: idLocation) {
            diagnostics.append(problem)
            ok = false
        }
        let title = map.requiredString("title", hint: "add a line like title: Sign the contract", misspelt: misspelt, into: &diagnostics)
        let owners = Owner.allCases.map(\.rawValue)
        var owner: Owner?
        if let word = map.requiredString("owner", hint: "add a line saying who acts: owner: \(owners.joined(separator: " | "))", misspelt: misspelt,
                                         into: &diagnostics) {
            owner = Owner(rawValue: word)
            if owner == nil {
                diagnostics.append(choiceError("owner", word, owners, at: doc.location(map.value("owner")!)))
            }
        }
        var waitOn: Owner?
        if let word = map.string("wait_on", into: &diagnostics) {
            waitOn = Owner(rawValue: word)
            if waitOn == nil {
                diagnostics.append(choiceError("wait_on", word, owners, at: doc.location(map.value("wait_on")!)))
                ok = false
            }
        }
        var requires: [Requirement] = []
        for (word, node) in map.stringList("requires", example: "requires: [signatory, providers]", into: &diagnostics) ?? [] {
            if let r = Requirement(rawValue: word) {
                requires.append(r)
            } else {
                diagnostics.append(choiceError("requires", word, Requirement.allCases.map(\.rawValue), at: doc.location(node)))
            }
        }
        let waitDays = map.int("wait_days", range: 0...3650, into: &diagnostics)
        let waitFor = map.string("wait_for", into: &diagnostics)
        let skip = map.bool("skip_if_existing_link", into: &diagnostics) ?? false
        guard ok, let title, let owner else { return nil }
        return Step(id: id, title: title, owner: owner, waitOn: waitOn, waitDays: waitDays, waitFor: waitFor, requires: requires,
                    skipIfExistingLink: skip, bodyHTML: Markdown.html(page.text.body, unsafe: unsafeHTML),
                    file: path, idLocation: idLocation,
                    fieldLocations: Dictionary(map.pairs.map { ($0.key, doc.location($0.value)) }, uniquingKeysWith: { a, _ in a }),
                    bodySource: page.text.body, bodyLine: page.text.bodyLine)
    }

    /// `unknown owner 'clnic' (did you mean 'clinic'?)`, with the choices in the hint.
    static func choiceError(_ key: String, _ word: String, _ choices: [String], at location: SourceLocation) -> Diagnostic {
        let noun = key == "requires" ? "requirement" : key
        var message = "unknown \(noun) '\(word)'"
        if let near = Suggest.closest(to: word, among: choices) { message += " (did you mean '\(near)'?)" }
        return .error(message, at: location, hint: "'\(key)' takes one of: \(choices.joined(separator: ", "))")
    }
}
