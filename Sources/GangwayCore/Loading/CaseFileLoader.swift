import Foundation
import Yams

/// Loads one case file, `content/clinics/<slug>.yml`, against the guides it may name.
/// Every problem inside the file is reported at the key or value it concerns.
enum CaseFileLoader {
    static let keys = ["clinic", "guide", "office_name", "region", "ocean_contact", "signatory", "providers",
                       "existing_cds_link", "notes", "steps"]
    static let personKeys = ["name", "title", "email", "phone", "role"]
    static let recordKeys = ["status", "started", "done", "since", "note"]

    static func load(_ path: String, tree: SourceTree, guides: [String: Guide], into diagnostics: inout [Diagnostic]) -> CaseFile? {
        let fileName = (path as NSString).lastPathComponent
        let slug = String(fileName.dropLast(4))
        guard Slug.isValid(slug) else {
            diagnostics.append(.error("case file name '\(fileName)' must be a slug: only a-z, 0-9 and '-', starting with a letter or digit",
                                      at: SourceLocation(file: path), hint: Slug.suggestion(for: slug).map { "rename it to \($0).yml" }))
            return nil
        }
        guard let text = SourceText.read(tree.url(path), relativePath: path, into: &diagnostics) else { return nil }
        let doc = YAMLDocument(file: path, lineOffset: 0)
        guard let node = doc.parse(text, into: &diagnostics) else { return nil }
        CredentialScan.scan(node, doc: doc, into: &diagnostics)
        guard let map = MappingReader(node, doc: doc, what: "a case file", into: &diagnostics) else { return nil }
        map.checkKeys(known: keys, into: &diagnostics)
        map.requireKey("clinic", into: &diagnostics)
        map.requireKey("guide", into: &diagnostics)

        let clinic = map.string("clinic", into: &diagnostics)
        let guideName = map.string("guide", into: &diagnostics)
        let guideLocation = map.value("guide").map(doc.location) ?? doc.location(node)
        var guide: Guide?
        if let guideName {
            guide = guides[guideName]
            if guide == nil {
                var message = "guide '\(guideName)' does not exist"
                if let near = Suggest.closest(to: guideName, among: Array(guides.keys)) {
                    message += " (did you mean '\(near)'?)"
                } else if !guides.isEmpty {
                    message += "; guides: \(guides.keys.sorted().joined(separator: ", "))"
                }
                diagnostics.append(.error(message, at: guideLocation))
            }
        }

        var caseFile = CaseFile(
            slug: slug, file: path, clinic: clinic ?? slug, guide: guideName ?? "", guideLocation: guideLocation,
            officeName: map.string("office_name", into: &diagnostics),
            region: map.string("region", into: &diagnostics),
            oceanContact: person(map.value("ocean_contact"), key: "ocean_contact", doc: doc, into: &diagnostics),
            signatory: person(map.value("signatory"), key: "signatory", doc: doc, into: &diagnostics),
            providers: [], providersLocation: map.value("providers").map(doc.location),
            existingCDSLink: map.bool("existing_cds_link", into: &diagnostics) ?? false,
            existingCDSLinkLocation: map.value("existing_cds_link").map(doc.location),
            notes: map.string("notes", into: &diagnostics), steps: [])

        if let list = map.value("providers"), !list.isNull {
            if case .sequence(let seq) = list {
                caseFile.providers = seq.compactMap { person($0, key: "a provider", doc: doc, into: &diagnostics) }
            } else {
                diagnostics.append(.error("'providers' must be a list, not \(list.kindName)", at: doc.location(list)))
            }
        }

        if let stepsNode = map.value("steps"), !stepsNode.isNull,
           let steps = MappingReader(stepsNode, doc: doc, what: "'steps'", into: &diagnostics) {
            for (id, keyNode, value) in steps.pairs {
                if let guide, guide.step(id: id) == nil {
                    var message = "unknown step '\(id)' in guide '\(guide.name)'"
                    if let near = Suggest.closest(to: id, among: guide.steps.map(\.id)) { message += " (did you mean '\(near)'?)" }
                    diagnostics.append(.error(message, at: doc.location(keyNode),
                                              hint: "steps of '\(guide.name)': \(guide.steps.map(\.id).joined(separator: ", "))"))
                }
                if let record = record(value, id: id, keyNode: keyNode, doc: doc, into: &diagnostics) {
                    caseFile.steps.append((id, record))
                }
            }
        }
        guard clinic != nil, guide != nil else { return nil }
        return caseFile
    }

    private static func person(_ node: Node?, key: String, doc: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Person? {
        guard let node, !node.isNull else { return nil }
        guard let map = MappingReader(node, doc: doc, what: key == "a provider" ? "a provider" : "'\(key)'", into: &diagnostics) else { return nil }
        map.checkKeys(known: personKeys, into: &diagnostics)
        return Person(
            name: map.string("name", into: &diagnostics), title: map.string("title", into: &diagnostics),
            email: map.string("email", into: &diagnostics), phone: map.string("phone", into: &diagnostics),
            role: map.string("role", into: &diagnostics), location: doc.location(node),
            emailLocation: map.value("email").map(doc.location))
    }

    private static func record(_ node: Node, id: String, keyNode: Node, doc: YAMLDocument, into diagnostics: inout [Diagnostic]) -> StepRecord? {
        // `sign-contract: done` is accepted as shorthand for `{status: done}`.
        if case .scalar = node, !node.isNull {
            let word = node.string ?? ""
            guard let status = StepStatus(rawValue: word) else {
                diagnostics.append(.error(GuideLoader.choiceMessage("status", word, StepStatus.allCases.map(\.rawValue)), at: doc.location(node)))
                return nil
            }
            let record = StepRecord(status: status, location: doc.location(keyNode), statusLocation: doc.location(node))
            checkRecord(record, id: id, doc: doc, into: &diagnostics)
            return record
        }
        guard let map = MappingReader(node, doc: doc, what: "step '\(id)'", into: &diagnostics) else { return nil }
        map.checkKeys(known: recordKeys, into: &diagnostics)
        let statusNode = map.value("status")
        var status = StepStatus.todo
        if let word = map.string("status", into: &diagnostics) {
            guard let parsed = StepStatus(rawValue: word) else {
                diagnostics.append(.error(GuideLoader.choiceMessage("status", word, StepStatus.allCases.map(\.rawValue)), at: doc.location(statusNode!)))
                return nil
            }
            status = parsed
        }
        var record = StepRecord(
            status: status, started: map.day("started", into: &diagnostics), done: map.day("done", into: &diagnostics),
            since: map.day("since", into: &diagnostics), note: map.string("note", into: &diagnostics),
            location: doc.location(keyNode), statusLocation: statusNode.map(doc.location) ?? doc.location(keyNode))
        for key in ["started", "done", "since", "note"] {
            if let v = map.value(key) { record.fieldLocations[key] = doc.location(v) }
        }
        var datesOK = true
        for key in ["started", "done", "since"] where map.has(key) && !(map.value(key)!.isNull) {
            if Day(iso: map.value(key)!.string ?? "") == nil { datesOK = false }
        }
        if datesOK { checkRecord(record, id: id, doc: doc, doneLocation: map.value("done").map(doc.location), into: &diagnostics) }
        return record
    }

    private static func checkRecord(_ r: StepRecord, id: String, doc: YAMLDocument, doneLocation: SourceLocation? = nil, into diagnostics: inout [Diagnostic]) {
        if r.status == .done && r.done == nil {
            diagnostics.append(.error("step '\(id)' is done but has no 'done' date", at: r.statusLocation, hint: "add done: YYYY-MM-DD"))
        }
        if (r.status == .blocked || r.status == .skipped) && (r.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(.error("step '\(id)' is \(r.status.rawValue) but has no 'note' saying why", at: r.statusLocation))
        }
        if let started = r.started, let done = r.done, done < started {
            diagnostics.append(.error("step '\(id)' is done on \(done.iso), before it started on \(started.iso)", at: doneLocation ?? r.location))
        }
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
