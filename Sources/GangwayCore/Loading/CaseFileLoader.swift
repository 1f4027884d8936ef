import Foundation
import Yams

/// Loads one case file, `content/clinics/<slug>.yml`, against the guides it may name.
/// Every problem inside the file is reported at the key or value it concerns.
enum CaseFileLoader {
    static let keys = ["clinic", "guide", "office_name", "region", "ocean_contact", "signatory", "providers",
                       "existing_cds_link", "notes", "steps"]
    static let personKeys = ["name", "title", "email", "phone", "role"]
    static let recordKeys = ["status", "started", "done", "since", "note"]
    static let statusWords = StepStatus.allCases.map(\.rawValue)

    static func load(_ path: String, tree: SourceTree, guides: [String: Guide], into diagnostics: inout [Diagnostic]) -> CaseFile? {
        let fileName = (path as NSString).lastPathComponent
        let slug = String(fileName.dropLast(4))
        guard Slug.isValid(slug) else {
            diagnostics.append(.error("case file name '\(fileName)' is not a valid slug: use only a-z, 0-9 and '-', starting with a letter or digit",
                                      at: SourceLocation(file: path), hint: Slug.suggestion(for: slug).map { "rename it to \($0).yml" }))
            return nil
        }
        guard !ContactText.holdsContact(slug) else {
            diagnostics.append(Slug.phoneError("case file name '\(fileName)'", at: SourceLocation(file: path)))
            return nil
        }
        guard let text = SourceText.read(tree.url(path), relativePath: path, into: &diagnostics) else { return nil }
        let doc = YAMLDocument(file: path, lineOffset: 0)
        guard let node = doc.parse(text, into: &diagnostics) else { return nil }
        CredentialScan.scan(node, doc: doc, into: &diagnostics)
        if case .mapping(let m) = node, m.isEmpty {
            diagnostics.append(.error("the case file is empty", at: doc.location(node),
                                      hint: "write at least 'clinic: <the clinic's name>' and 'guide: <a folder of content/guides/>'"))
            return nil
        }
        guard let map = MappingReader(node, doc: doc, what: "a case file", example: "clinic: Lakeshore Family Health Team",
                                      into: &diagnostics) else { return nil }
        var unreadable = map.checkKeys(known: keys, into: &diagnostics)

        let clinic = map.requiredString("clinic", hint: "write the clinic's name, like clinic: Lakeshore Family Health Team", into: &diagnostics)
        let guideName = map.requiredString("guide", hint: "name a folder of content/guides/, like guide: \(guides.keys.sorted().first ?? "accuro")",
                                           into: &diagnostics)
        let guideLocation = map.value("guide").map(doc.location) ?? doc.location(node)
        var guide: Guide?
        if let guideName {
            guide = guides[guideName]
            if guide == nil && !guideFolderExists(guideName, tree: tree) {
                var message = "guide '\(guideName)' does not exist"
                var hint: String?
                if let near = Suggest.closest(to: guideName, among: Array(guides.keys)) {
                    message += " (did you mean '\(near)'?)"
                } else {
                    hint = guides.isEmpty ? "add the guide in content/guides/\(guideName)/"
                                          : "the guides are: \(guides.keys.sorted().joined(separator: ", "))"
                }
                diagnostics.append(.error(message, at: guideLocation, hint: hint))
            }
            // A guide folder that exists but failed to load has its own errors; saying it does not exist would mislead.
        }

        /// Reads one field; any diagnostic while reading it makes the field unreadable for the warning rules.
        func field<T>(_ key: String, _ read: (inout [Diagnostic]) -> T) -> T {
            let before = diagnostics.count
            let value = read(&diagnostics)
            if diagnostics.count > before { unreadable.insert(key) }
            return value
        }

        var caseFile = CaseFile(
            slug: slug, file: path, clinic: clinic ?? slug, guide: guideName ?? "", guideLocation: guideLocation,
            officeName: field("office_name") { map.string("office_name", into: &$0) },
            region: field("region") { map.string("region", into: &$0) },
            oceanContact: field("ocean_contact") { person(map.value("ocean_contact"), what: "'ocean_contact'", example: "ocean_contact", doc: doc, into: &$0) },
            signatory: field("signatory") { person(map.value("signatory"), what: "'signatory'", example: "signatory", doc: doc, into: &$0) },
            providers: [], providersLocation: map.value("providers").map(doc.location),
            existingCDSLink: field("existing_cds_link") { map.bool("existing_cds_link", into: &$0) } ?? false,
            existingCDSLinkLocation: map.value("existing_cds_link").map(doc.location),
            notes: field("notes") { map.string("notes", into: &$0) }, steps: [])
        caseFile.providers = field("providers") { providers(map.value("providers"), doc: doc, into: &$0) }

        if let stepsNode = map.value("steps"), !stepsNode.isNull,
           let steps = MappingReader(stepsNode, doc: doc, what: "'steps'", example: "steps: {sign-contract: {status: done, done: 2026-10-03}}",
                                     into: &diagnostics) {
            for (id, keyNode, value) in steps.pairs {
                if let guide, guide.step(id: id) == nil, !guide.unreadableStepIDs.contains(id) {
                    var message = "unknown step '\(id)' in guide '\(guide.name)'"
                    if let near = Suggest.closest(to: id, among: guide.steps.map(\.id)) { message += " (did you mean '\(near)'?)" }
                    diagnostics.append(.error(message, at: doc.location(keyNode),
                                              hint: "steps of '\(guide.name)': \(guide.steps.map(\.id).joined(separator: ", "))"))
                }
                let before = diagnostics.count
                if let record = record(value, id: id, keyNode: keyNode, doc: doc, into: &diagnostics) {
                    caseFile.steps.append((id, record))
                }
                if diagnostics.count > before { caseFile.unreadableSteps.insert(id) }
            }
        } else if map.hasValue("steps") {
            unreadable.insert("steps")
        }
        caseFile.unreadableFields = unreadable
        guard clinic != nil, guide != nil else { return nil }
        return caseFile
    }

    /// Whether `content/guides/<name>/` is there, whether or not it loaded.
    /// True too when content/guides cannot be read: whether the guide exists is unknown, and the folder has its own error.
    private static func guideFolderExists(_ name: String, tree: SourceTree) -> Bool {
        Slug.isValid(name) && (tree.isDirectory("content/guides/" + name)
            || (tree.isPresent("content/guides") && FileProblem.folder(tree.url("content/guides").path) != nil))
    }

    private static func providers(_ node: Node?, doc: YAMLDocument, into diagnostics: inout [Diagnostic]) -> [Person] {
        guard let node, !node.isNull else { return [] }
        guard case .sequence(let seq) = node else {
            diagnostics.append(.error("'providers' must be a list, not \(node.kindName)", at: doc.location(node),
                                      hint: "write one provider a line, like '  - {name: Dr. Tom Okafor, email: tokafor@clinic.example}'"))
            return []
        }
        var out: [Person] = []
        for item in seq {
            if item.isNull {
                diagnostics.append(.error("a provider in the list is empty", at: doc.location(item),
                                          hint: "write it like - {name: Dr. Tom Okafor, email: tokafor@clinic.example}, or remove the line"))
            } else if let p = person(item, what: "a provider", example: "- {name: Dr. Tom Okafor, email: tokafor@clinic.example}", doc: doc, into: &diagnostics) {
                out.append(p)
            }
        }
        return out
    }

    private static func person(_ node: Node?, what: String, example: String, doc: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Person? {
        guard let node, !node.isNull else { return nil }
        let example = example.hasPrefix("-") ? example : "\(example): {name: Dr. Amara Singh, email: asingh@clinic.example}"
        guard let map = MappingReader(node, doc: doc, what: what, example: example, into: &diagnostics) else { return nil }
        map.checkKeys(known: personKeys, into: &diagnostics)
        return Person(
            name: map.string("name", into: &diagnostics), title: map.string("title", into: &diagnostics),
            email: map.string("email", into: &diagnostics), phone: map.string("phone", into: &diagnostics),
            role: map.string("role", into: &diagnostics), location: doc.location(node),
            emailLocation: map.value("email").map(doc.location), roleLocation: map.value("role").map(doc.location))
    }

    private static func record(_ node: Node, id: String, keyNode: Node, doc: YAMLDocument, into diagnostics: inout [Diagnostic]) -> StepRecord? {
        if node.isNull {
            diagnostics.append(.error("step '\(id)' has no status", at: doc.location(keyNode),
                                      hint: "write it like \(id): {status: todo}, or remove the line"))
            return nil
        }
        // `sign-contract: done` is accepted as shorthand for `{status: done}`.
        if case .scalar = node {
            let word = node.string ?? ""
            guard let status = StepStatus(rawValue: word) else {
                diagnostics.append(statusError(word, step: id, at: doc.location(node)))
                return nil
            }
            let record = StepRecord(status: status, location: doc.location(keyNode), statusLocation: doc.location(node))
            if status == .done {
                diagnostics.append(.error("step '\(id)' is done but has no 'done' date", at: record.statusLocation,
                                          hint: "write it like \(id): {status: done, done: YYYY-MM-DD}"))
            } else if status == .blocked || status == .skipped {
                diagnostics.append(.error("step '\(id)' is \(status.rawValue) but has no 'note' saying why", at: record.statusLocation,
                                          hint: "write it like \(id): {status: \(status.rawValue), note: …}"))
            }
            return record
        }
        guard let map = MappingReader(node, doc: doc, what: "step '\(id)'", example: "\(id): {status: done, done: 2026-10-03}",
                                      into: &diagnostics) else { return nil }
        map.checkKeys(known: recordKeys, into: &diagnostics)
        let statusNode = map.value("status")
        var status: StepStatus? = .todo
        if let word = map.string("status", into: &diagnostics) {
            status = StepStatus(rawValue: word)
            if status == nil { diagnostics.append(statusError(word, step: id, at: doc.location(statusNode!))) }
        } else if statusNode.map({ !$0.isNull }) ?? false {
            status = nil  // not text: reported by string(_:into:)
        }
        let started = map.day("started", into: &diagnostics), done = map.day("done", into: &diagnostics)
        let since = map.day("since", into: &diagnostics)
        let before = diagnostics.count
        let note = map.string("note", into: &diagnostics)
        let noteOK = diagnostics.count == before
        guard let status else { return nil }

        var record = StepRecord(status: status, started: started, done: done, since: since, note: note,
                                location: doc.location(keyNode), statusLocation: statusNode.map(doc.location) ?? doc.location(keyNode))
        for key in ["started", "done", "since", "note"] {
            if let v = map.value(key) { record.fieldLocations[key] = doc.location(v) }
        }
        // A value with an error of its own (a bad date, a list for a note) is not reported again as missing.
        if status == .done && !map.hasValue("done") {
            diagnostics.append(.error("step '\(id)' is done but has no 'done' date", at: record.statusLocation, hint: "add done: YYYY-MM-DD"))
        }
        if (status == .blocked || status == .skipped) && noteOK && (note ?? "").allSatisfy(\.isWhitespace) {
            diagnostics.append(.error("step '\(id)' is \(status.rawValue) but has no 'note' saying why", at: record.statusLocation,
                                      hint: "add note: … (what it waits on, or why the step does not apply)"))
        }
        if let started, let done, done < started {
            diagnostics.append(.error("step '\(id)' is done on \(done.iso), before it started on \(started.iso)",
                                      at: record.fieldLocations["done"] ?? record.location, hint: "check both dates"))
        }
        return record
    }

    private static func statusError(_ word: String, step id: String, at location: SourceLocation) -> Diagnostic {
        // Under a step named like a credential (retrieve-password), the value may be the password itself.
        if CredentialScan.isCredential(id) && Suggest.closest(to: word, among: statusWords) == nil {
            return .error("step '\(id)' has a value that is not a status; it is not repeated here, in case it is a credential", at: location,
                          hint: "a step's status is one of: \(statusWords.joined(separator: ", "))")
        }
        var message = "unknown status '\(word)'"
        if let near = Suggest.closest(to: word, among: statusWords) { message += " (did you mean '\(near)'?)" }
        return .error(message, at: location, hint: "a step's status is one of: \(statusWords.joined(separator: ", "))")
    }
}

extension Slug {
    /// A valid slug close to an invalid file name, for the hint.
    static func suggestion(for name: String) -> String? {
        var out = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return isValid(out) ? out : nil
    }
}
