import CSV
import Foundation

/// `gangway import`: one case file per row of a CSV file (RFC 4180, read by CSV.swift).
/// Every problem is reported at its row and column (the header is row 1, the first column is 1);
/// nothing is written unless every row is good and no case file would be replaced.
public enum SpreadsheetImporter {
    public static let columns = ["clinic", "slug", "office_name", "region", "existing_cds_link",
                                 "signatory_name", "signatory_email", "signatory_title", "signatory_phone",
                                 "ocean_contact_name", "ocean_contact_email", "providers"]

    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        /// Case files written, relative to the source folder; empty when anything was wrong.
        public var written: [String]
    }

    /// Reads `csv` (reported as `displayPath`), checks every row, and writes the case files.
    public static func run(csv: URL, displayPath: String, guide name: String, source: URL) -> Outcome {
        let at = SourceLocation(file: displayPath, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: csv.path) else {
            return Outcome(diagnostics: [.error("cannot read the file", at: at)], written: [])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return Outcome(diagnostics: [.error("the file is not UTF-8 text", at: at, hint: "export the spreadsheet as CSV UTF-8")], written: [])
        }
        let tree = SourceTree(root: source)
        var diagnostics: [Diagnostic] = []
        let guides = tree.isDirectory("content/guides")
            ? tree.entries("content/guides", into: &diagnostics).filter(tree.isDirectory).map { ($0 as NSString).lastPathComponent } : []
        guard guides.contains(name), let guide = SiteLoader.reloadGuide(named: name, source: source, unsafeHTML: false).guide else {
            var message = "guide '\(name)' does not exist"
            if guides.contains(name) { message = "guide '\(name)' does not load; run gangway check" }
            else if let near = Suggest.closest(to: name, among: guides) { message += " (did you mean '\(near)'?)" }
            return Outcome(diagnostics: [.error(message, at: at, hint: guides.isEmpty ? nil : "the guides are: \(guides.joined(separator: ", "))")], written: [])
        }
        let existing = Set(tree.isDirectory("content/clinics")
            ? tree.entries("content/clinics", into: &diagnostics).map { ($0 as NSString).lastPathComponent } : [])
        let (clinics, problems) = read(text, file: displayPath, exists: { existing.contains("\($0).yml") })
        guard problems.isEmpty else { return Outcome(diagnostics: problems, written: []) }

        var written: [String] = []
        do {
            try FileManager.default.createDirectory(at: tree.url("content/clinics"), withIntermediateDirectories: true)
            for clinic in clinics {
                let path = "content/clinics/\(clinic.slug).yml"
                // O_EXCL: a case file that appeared since the check is not replaced.
                let fd = open(tree.url(path).path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard fd >= 0 else { throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path]) }
                let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
                written.append(path)
                try handle.write(contentsOf: Data(clinic.yaml(guide: guide).utf8))
                try handle.close()
            }
        } catch {
            for path in written { try? FileManager.default.removeItem(at: tree.url(path)) }
            return Outcome(diagnostics: [.error("cannot write the case files: \(error); none was kept", at: at)], written: [])
        }
        return Outcome(diagnostics: [], written: written)
    }

    /// Parses and checks the spreadsheet. Pure, but for `exists`, which says whether a slug has a case file.
    public static func read(_ text: String, file: String, exists: (String) -> Bool) -> ([ImportedClinic], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func error(_ row: Int, _ column: Int, _ message: String, hint: String? = nil) {
            diagnostics.append(.error(message, at: SourceLocation(file: file, line: row, column: column), hint: hint))
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard let reader = try? CSVReader(string: body, hasHeaderRow: false), let header = reader.next(),
              !(header.count == 1 && header[0].trimmingSpaces.isEmpty) else {
            error(1, 1, "the file has no header row", hint: "the first row names the columns, like clinic,slug,region")
            return ([], diagnostics)
        }
        var index: [String: Int] = [:]
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingSpaces.lowercased()
            if !columns.contains(name) {
                var message = "unknown column '\(raw.trimmingSpaces)'"
                if let near = Suggest.closest(to: name, among: columns) { message += " (did you mean '\(near)'?)" }
                error(1, i + 1, message, hint: "the columns are: \(columns.joined(separator: ", "))")
            } else if let first = index[name] {
                error(1, i + 1, "column '\(name)' appears twice (first as column \(first + 1))")
            } else {
                index[name] = i
            }
        }
        guard let clinicColumn = index["clinic"] else {
            error(1, 1, "no 'clinic' column: every row needs the clinic's name")
            return ([], diagnostics)
        }
        var clinics: [ImportedClinic] = []
        var slugRows: [String: Int] = [:]
        var row = 1
        while let fields = reader.next() {
            row += 1
            if fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }  // a blank line
            if fields.count != header.count {
                error(row, min(fields.count, header.count) + 1,
                      "row has \(fields.count) \(fields.count == 1 ? "field" : "fields") but the header has \(header.count)",
                      hint: "put text that holds a comma in double quotes")
                continue
            }
            func cell(_ name: String) -> String? {
                guard let i = index[name] else { return nil }
                let v = fields[i].trimmingSpaces
                return v.isEmpty ? nil : v
            }
            func col(_ name: String) -> Int { (index[name] ?? clinicColumn) + 1 }
            let before = diagnostics.count
            guard let name = cell("clinic") else {
                error(row, clinicColumn + 1, "missing clinic name")
                continue
            }
            var clinic = ImportedClinic(row: row, slug: "", clinic: name)
            if let slug = cell("slug") {
                if !Slug.isValid(slug) {
                    error(row, col("slug"), "slug '\(slug)' must use only a-z, 0-9 and '-', starting with a letter or digit",
                          hint: Slug.suggestion(for: slug).map { "write \($0)" })
                } else if ContactText.holdsContact(slug) {
                    error(row, col("slug"), "slug '\(slug)' reads as a phone number; choose another")
                }
                clinic.slug = slug
            } else {
                clinic.slug = derivedSlug(name)
                if clinic.slug.isEmpty || ContactText.holdsContact(clinic.slug) {
                    error(row, col("clinic"), "cannot make a slug from the clinic's name", hint: "add a 'slug' column")
                }
            }
            clinic.officeName = cell("office_name")
            clinic.region = cell("region")
            if let link = cell("existing_cds_link") {
                switch link.lowercased() {
                case "true", "yes": clinic.existingCDSLink = true
                case "false", "no": clinic.existingCDSLink = false
                default: error(row, col("existing_cds_link"), "existing_cds_link must be true, false, yes, no or empty, not '\(link)'")
                }
            }
            for (prefix, keyPath) in [("signatory", \ImportedClinic.signatory), ("ocean_contact", \ImportedClinic.oceanContact)] {
                var person = ImportedClinic.Contact(name: cell("\(prefix)_name"), title: cell("\(prefix)_title"),
                                                    email: cell("\(prefix)_email"), phone: cell("\(prefix)_phone"))
                if let email = person.email, !Completeness.isValidEmail(email) {
                    error(row, col("\(prefix)_email"), "'\(email)' is not a valid email address")
                    person.email = nil
                }
                clinic[keyPath: keyPath] = person
            }
            if let list = cell("providers") {
                let items = list.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                for (n, item) in items.enumerated() where !item.isEmpty || n < items.count - 1 {
                    guard let provider = provider(item) else {
                        error(row, col("providers"), "provider \(n + 1) ('\(item)') is not written as Name <email>",
                              hint: "write each provider as Dr. Tom Okafor <tokafor@clinic.example>, separated by ';'")
                        continue
                    }
                    if !Completeness.isValidEmail(provider.email) {
                        error(row, col("providers"), "provider \(n + 1) ('\(provider.name)') has an email that is not valid: '\(provider.email)'")
                    }
                    clinic.providers.append(provider)
                }
            }
            if !clinic.slug.isEmpty {
                let slugColumn = index["slug"] != nil ? col("slug") : col("clinic")
                if let first = slugRows[clinic.slug] {
                    error(row, slugColumn, "slug '\(clinic.slug)' is also row \(first)'s", hint: "give each clinic its own slug")
                } else {
                    slugRows[clinic.slug] = row
                    if exists(clinic.slug) {
                        error(row, slugColumn, "content/clinics/\(clinic.slug).yml already exists; it would be replaced",
                              hint: "edit that case file instead, or give this clinic another slug")
                    }
                }
            }
            if diagnostics.count == before { clinics.append(clinic) }
        }
        return (clinics, diagnostics.sorted())
    }

    /// `Name <email>`: a name, then an address in angle brackets and nothing after it.
    static func provider(_ item: String) -> (name: String, email: String)? {
        guard item.hasSuffix(">"), let open = item.lastIndex(of: "<") else { return nil }
        let name = String(item[..<open]).trimmingSpaces
        let email = String(item[item.index(after: open)..<item.index(before: item.endIndex)]).trimmingSpaces
        guard !name.isEmpty, !email.isEmpty, !name.contains("<"), !name.contains(">") else { return nil }
        return (name, email)
    }

    /// The slug for a clinic's name: lower-case, accents folded to ASCII, every other run of
    /// characters a single hyphen. `Clinique Saint-Jérôme` gives `clinique-saint-jerome`.
    public static func derivedSlug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.lowercased()
    }
}
