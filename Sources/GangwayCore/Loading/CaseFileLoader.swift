import Foundation

/// Reads one case file, `content/clinics/<slug>.yml`, into a `CaseFile`. It reports only what
/// stops the file being read (syntax, wrong types, unknown keys, credentials), each at the key or
/// value it concerns; every rule about what the values mean is `Validator`'s.
enum CaseFileLoader {
    static let keys = KeyTable.caseFile.keys
    static let personKeys = KeyTable.person.keys
    static let recordKeys = KeyTable.stepRecord.keys
    static let statusWords = StepStatus.allCases.map(\.rawValue)

    /// `guideNames` only shapes the hint for a missing `guide`.
    static func load(_ path: String, tree: SourceTree, guideNames: [String], into diagnostics: inout [Diagnostic]) -> CaseFile? {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let slug = String(fileName.dropLast(4))
        if let problem = NameRule.problem(with: slug, kind: .caseFile(fileName: fileName), at: SourceLocation(file: path)) {
            diagnostics.append(problem)
            return nil
        }
        guard let text = SourceText.read(path: tree.path(path), relativePath: path, into: &diagnostics) else { return nil }
        return parse(text, path: path, slug: slug, guideNames: guideNames, into: &diagnostics)
    }

    /// Reads a case file's text; `path` is where it sits, relative to the source folder.
    static func parse(_ text: String, path: String, slug: String, guideNames: [String], into diagnostics: inout [Diagnostic]) -> CaseFile? {
        var doc = YAMLDocument(file: path, lineOffset: 0)
        var syntax: [Diagnostic] = []
        let parsed = doc.parse(text, into: &syntax)
        diagnostics += syntax.map { FlowStylePitfalls.explain($0, text: text, file: path) }
        guard let node = parsed else { return nil }
        CredentialScan.scan(node, doc: doc, into: &diagnostics)
        if doc.isMapping(node), doc.pairCount(node) == 0 {
            diagnostics.append(.error("the case file is empty", at: doc.location(node),
                                      hint: "write at least 'clinic: <the clinic's name>' and 'guide: <a folder of content/guides/>'"))
            return nil
        }
        guard let map = MappingReader(node, doc: doc, what: "a case file", example: "clinic: Lakeshore Family Health Team",
                                      into: &diagnostics) else { return nil }
        var unreadable = map.checkKeys(known: keys, into: &diagnostics)

        let clinic = map.requiredString("clinic", hint: "write the clinic's name, like clinic: Lakeshore Family Health Team",
                                        misspelt: unreadable, into: &diagnostics)
        let guideName = map.requiredString("guide", hint: "name a folder of content/guides/, like guide: \(guideNames.sorted().first ?? "accuro")",
                                           misspelt: unreadable, into: &diagnostics)
        let guideLocation = map.value("guide").map(doc.location) ?? doc.location(node)

        /// Reads one field; any diagnostic while reading it makes the field unreadable for the warning rules.
        func field<T>(_ key: String, _ read: (inout [Diagnostic]) -> T) -> T {
            let before = diagnostics.count
            let value = read(&diagnostics)
            if diagnostics.count > before { unreadable.insert(key) }
            return value
        }

        var caseFile = CaseFile(
            slug: slug, file: path, clinic: clinic ?? slug, guide: guideName ?? "", guideLocation: guideLocation,
            clinicLocation: map.value("clinic").map(doc.location), hasRequiredKeys: clinic != nil && guideName != nil,
            officeName: field("office_name") { map.string("office_name", into: &$0) },
            region: field("region") { map.string("region", into: &$0) },
            oceanContact: field("ocean_contact") { person(map.value("ocean_contact"), what: "'ocean_contact'", example: "ocean_contact", doc: doc, into: &$0) },
            signatory: field("signatory") { person(map.value("signatory"), what: "'signatory'", example: "signatory", doc: doc, into: &$0) },
            providers: [], providersLocation: map.value("providers").map(doc.location),
            existingCDSLink: field("existing_cds_link") { map.bool("existing_cds_link", into: &$0) } ?? false,
            existingCDSLinkLocation: map.value("existing_cds_link").map(doc.location),
            notes: field("notes") { map.string("notes", into: &$0) }, steps: [])
        caseFile.providers = field("providers") { providers(map.value("providers"), doc: doc, into: &$0) }

        if let stepsNode = map.value("steps"), !doc.isNull(stepsNode),
           let steps = MappingReader(stepsNode, doc: doc, what: "'steps'", example: "steps: {sign-contract: {status: done, done: 2026-10-03}}",
                                     into: &diagnostics) {
            for (id, keyNode, value) in steps.pairs {
                caseFile.stepKeys.append((id, doc.location(keyNode)))
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
        return caseFile
    }

    private static func providers(_ node: YAMLNode?, doc: YAMLDocument, into diagnostics: inout [Diagnostic]) -> [Person] {
        guard let node, !doc.isNull(node) else { return [] }
        guard doc.isSequence(node) else {
            diagnostics.append(.error("'providers' must be a list, not \(doc.kindName(node))", at: doc.location(node),
                                      hint: "write one provider a line, like '  - {name: Dr. Tom Okafor, email: tokafor@clinic.example}'"))
            return []
        }
        var out: [Person] = []
        for item in doc.items(node) {
            if doc.isNull(item) {
                diagnostics.append(.error("a provider in the list is empty", at: doc.location(item),
                                          hint: "write it like - {name: Dr. Tom Okafor, email: tokafor@clinic.example}, or remove the line"))
            } else if let p = person(item, what: "a provider", example: "- {name: Dr. Tom Okafor, email: tokafor@clinic.example}", doc: doc, into: &diagnostics) {
                out.append(p)
            }
        }
        return out
    }

    private static func person(_ node: YAMLNode?, what: String, example: String, doc: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Person? {
        guard let node, !doc.isNull(node) else { return nil }
        let example = example.hasPrefix("-") ? example : "\(example): {name: Dr. Amara Singh, email: asingh@clinic.example}"
        guard let map = MappingReader(node, doc: doc, what: what, example: example, into: &diagnostics) else { return nil }
        map.checkKeys(known: personKeys, into: &diagnostics)
        return Person(
            name: map.string("name", into: &diagnostics), title: map.string("title", into: &diagnostics),
            email: map.string("email", into: &diagnostics), phone: map.string("phone", into: &diagnostics),
            role: map.string("role", into: &diagnostics), location: doc.location(node),
            emailLocation: map.value("email").map(doc.location), roleLocation: map.value("role").map(doc.location))
    }

    private static func record(_ node: YAMLNode, id: String, keyNode: YAMLNode, doc: YAMLDocument, into diagnostics: inout [Diagnostic]) -> StepRecord? {
        if doc.isNull(node) {
            diagnostics.append(.error("step '\(id)' has no status", at: doc.location(keyNode),
                                      hint: "write it like \(id): {status: todo}, or remove the line"))
            return nil
        }
        // `sign-contract: done` is accepted as shorthand for `{status: done}`.
        if doc.isScalar(node) {
            let word = doc.text(node)
            guard let status = StepStatus(rawValue: word) else {
                diagnostics.append(statusError(word, step: id, at: doc.location(node)))
                return nil
            }
            var record = StepRecord(status: status, location: doc.location(keyNode), statusLocation: doc.location(node))
            record.isShorthand = true
            return record
        }
        guard let map = MappingReader(node, doc: doc, what: "step '\(id)'", example: "\(id): {status: done, done: 2026-10-03}",
                                      into: &diagnostics) else { return nil }
        var keyProblems: [Diagnostic] = []
        map.checkKeys(known: recordKeys, into: &keyProblems)
        for var problem in keyProblems {
            if let index = map.pairs.firstIndex(where: { doc.location($0.keyNode) == problem.location }),
               let hint = FlowStylePitfalls.hint(forUnknownKey: map.pairs[index].key, keyNode: map.pairs[index].keyNode, value: map.pairs[index].value,
                                                 previous: index > 0 ? map.pairs[index - 1].value : nil, known: recordKeys, doc: doc) {
                problem.hint = hint
            }
            diagnostics.append(problem)
        }
        let statusNode = map.value("status")
        var status: StepStatus? = .todo
        if let word = map.string("status", into: &diagnostics) {
            status = StepStatus(rawValue: word)
            if status == nil { diagnostics.append(statusError(word, step: id, at: doc.location(statusNode!))) }
        } else if statusNode.map({ !doc.isNull($0) }) ?? false {
            status = nil  // not text: reported by string(_:into:)
        }
        var invalid: Set<String> = []
        /// Reads one value; one with an error of its own is marked invalid, so no rule reports it again as missing.
        func read<T>(_ key: String, _ value: (inout [Diagnostic]) -> T?) -> T? {
            let before = diagnostics.count
            let result = value(&diagnostics)
            if diagnostics.count > before { invalid.insert(key) }
            return result
        }
        let started = read("started") { day("started", in: map, step: id, into: &$0) }
        let done = read("done") { day("done", in: map, step: id, into: &$0) }
        let since = read("since") { day("since", in: map, step: id, into: &$0) }
        let note = read("note") { map.string("note", into: &$0) }
        guard let status else { return nil }

        var record = StepRecord(status: status, started: started, done: done, since: since, note: note,
                                location: doc.location(keyNode), statusLocation: statusNode.map(doc.location) ?? doc.location(keyNode))
        for key in ["started", "done", "since", "note"] {
            if let v = map.value(key) { record.fieldLocations[key] = doc.location(v) }
        }
        record.invalidFields = invalid
        return record
    }

    /// A date value. Under a step named like a credential (retrieve-password) a value that is not a
    /// date may be the password itself, so it is not repeated.
    private static func day(_ key: String, in map: MappingReader, step id: String, into diagnostics: inout [Diagnostic]) -> Day? {
        guard CredentialScan.isCredential(id), let v = map.value(key), !map.doc.isNull(v), map.doc.isScalar(v), Day(iso: map.doc.text(v)) == nil else {
            return map.day(key, into: &diagnostics)
        }
        diagnostics.append(.error(.notADateUnderACredentialStep(key, step: id), at: map.doc.location(v),
                                  hint: "write a date like 2026-10-03; a password never goes into a case file"))
        return nil
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

extension String {
    fileprivate static func notADateUnderACredentialStep(_ key: String, step id: String) -> String {
        "'\(key)' of step '\(id)' is not a date; the value is not repeated here, in case it is a credential"
    }
}
