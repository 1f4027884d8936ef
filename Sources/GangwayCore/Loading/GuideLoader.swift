import Foundation
import Yams

/// Loads `content/guides/<name>/`: guide.md and its `NN-*.md` steps, ordered by file name.
/// Each body is rendered to HTML here, once, whatever the number of clinics.
enum GuideLoader {
    static let guideKeys = ["title", "emr", "vendor", "summary"]
    static let stepKeys = ["id", "title", "owner", "wait_days", "wait_for", "wait_on", "requires", "skip_if_existing_link"]

    static func load(_ folder: String, name: String, tree: SourceTree, unsafeHTML: Bool, into diagnostics: inout [Diagnostic]) -> Guide? {
        let guideFile = folder + "/guide.md"
        guard tree.folder(folder, into: &diagnostics) else { return nil }
        guard tree.exists(guideFile) else {
            diagnostics.append(.error("guide '\(name)' has no guide.md", at: SourceLocation(file: folder)))
            return nil
        }
        guard Slug.isValid(name) else {
            diagnostics.append(.error("guide folder name '\(name)' must use only a-z, 0-9 and '-', starting with a letter or digit", at: SourceLocation(file: guideFile)))
            return nil
        }
        guard !ContactText.holdsContact(name) else {
            diagnostics.append(Slug.phoneError("guide folder name '\(name)'", at: SourceLocation(file: guideFile)))
            return nil
        }
        guard let page = readMarkdown(guideFile, tree: tree, into: &diagnostics) else { return nil }
        var title: String?
        var emr: String?, vendor: String?, summary: String?
        if let (map, _) = page.frontMatter(what: "a guide's front matter", keys: guideKeys, into: &diagnostics) {
            title = map.requiredString("title", hint: "add a line like title: Accuro integration", into: &diagnostics)
            emr = map.string("emr", into: &diagnostics)
            vendor = map.string("vendor", into: &diagnostics)
            summary = map.string("summary", into: &diagnostics)
        } else if page.text.yaml == nil {
            diagnostics.append(.error("guide.md needs front matter with a 'title'", at: SourceLocation(file: guideFile),
                                      hint: "start the file with ---, a line 'title: …', and ---"))
        }

        var steps: [Step] = []
        var unreadable: Set<String> = []
        var seen: [String: String] = [:]
        for path in tree.entries(folder, into: &diagnostics) {
            let fileName = (path as NSString).lastPathComponent
            guard fileName != "guide.md", fileName.hasSuffix(".md") else { continue }
            var id = defaultStepID(fileName)
            guard let step = loadStep(path, id: &id, tree: tree, unsafeHTML: unsafeHTML, into: &diagnostics) else {
                unreadable.insert(id)
                continue
            }
            if let first = seen[step.id] {
                diagnostics.append(.error("step id '\(step.id)' is used twice in guide '\(name)' (first in \(first))", at: step.idLocation,
                                          hint: "give this step its own id: '\(step.id)' already names the step in \((first as NSString).lastPathComponent)"))
                continue
            }
            seen[step.id] = path
            steps.append(step)
        }
        if steps.isEmpty {
            diagnostics.append(.warning("guide '\(name)' has no steps (add files named like 01-first-step.md)", at: SourceLocation(file: guideFile)))
        }
        guard let title else { return nil }
        return Guide(name: name, title: title, emr: emr, vendor: vendor, summary: summary,
                     introHTML: Markdown.html(page.text.body, unsafe: unsafeHTML), steps: steps, file: guideFile,
                     unreadableStepIDs: unreadable.subtracting(steps.map(\.id)))
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
        guard let (map, doc) = page.frontMatter(what: "a step's front matter", keys: stepKeys, into: &diagnostics) else {
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
        if !Slug.isValid(id) {
            diagnostics.append(.error("step id '\(id)' is not a valid id: use only a-z, 0-9 and '-', starting with a letter or digit", at: idLocation,
                                      hint: Slug.suggestion(for: id).map { "rename it to \($0)" }))
            ok = false
        } else if ContactText.holdsContact(id) {
            diagnostics.append(Slug.phoneError("step id '\(id)'", at: idLocation))
            ok = false
        }
        let title = map.requiredString("title", hint: "add a line like title: Sign the contract", into: &diagnostics)
        let owners = Owner.allCases.map(\.rawValue)
        var owner: Owner?
        if let word = map.requiredString("owner", hint: "add a line saying who acts: owner: \(owners.joined(separator: " | "))", into: &diagnostics) {
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
                    file: path, idLocation: idLocation)
    }

    /// `unknown owner 'clnic' (did you mean 'clinic'?)`, with the choices in the hint.
    static func choiceError(_ key: String, _ word: String, _ choices: [String], at location: SourceLocation) -> Diagnostic {
        let noun = key == "requires" ? "requirement" : key
        var message = "unknown \(noun) '\(word)'"
        if let near = Suggest.closest(to: word, among: choices) { message += " (did you mean '\(near)'?)" }
        return .error(message, at: location, hint: "'\(key)' takes one of: \(choices.joined(separator: ", "))")
    }
}

/// A Markdown source file, read and split.
struct MarkdownSource {
    let path: String
    let text: FrontMatterFile

    /// The front matter as a mapping reader, with credentials and unknown keys reported.
    func frontMatter(what: String, keys: [String], into diagnostics: inout [Diagnostic]) -> (MappingReader, YAMLDocument)? {
        guard let yaml = text.yaml else { return nil }
        let doc = YAMLDocument(file: path, lineOffset: text.yamlLineOffset)
        guard let node = doc.parse(yaml, into: &diagnostics) else { return nil }
        CredentialScan.scan(node, doc: doc, into: &diagnostics)
        guard let map = MappingReader(node, doc: doc, what: what, into: &diagnostics) else { return nil }
        map.checkKeys(known: keys, into: &diagnostics)
        return (map, doc)
    }
}

func readMarkdown(_ path: String, tree: SourceTree, into diagnostics: inout [Diagnostic]) -> MarkdownSource? {
    guard let raw = SourceText.read(tree.url(path), relativePath: path, into: &diagnostics),
          let split = FrontMatterFile.split(raw, file: path, into: &diagnostics) else { return nil }
    return MarkdownSource(path: path, text: split)
}

/// Names that become folder names in the output: `[a-z0-9][a-z0-9-]*`.
public enum Slug {
    public static func isValid(_ s: String) -> Bool {
        guard let first = s.utf8.first, isLowerAlnum(first) else { return false }
        return s.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// Names go into URLs and status.json, which never carry a phone number; one with a run of
    /// seven digits or more (dates aside) reads as one.
    static func phoneError(_ what: String, at location: SourceLocation) -> Diagnostic {
        .error("\(what) looks like a phone number, and names are published in URLs and status.json", at: location,
               hint: "rename it with words, or with fewer digits")
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
    }
}
