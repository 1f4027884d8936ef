import Foundation

/// Checks a whole rendered site, file by file: pages against what Gangway may emit
/// (`MarkupAudit`), every status.json for emails and phone numbers, and each clinic page's
/// embedded status against its status.json.
public enum SiteAudit {
    /// An email address as a person would copy it: ASCII local part, `@`, a dotted domain.
    public static let emailPattern = #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+"#
    /// North American numbers (416-555-0100, (416) 555 0100), international ones (+44 20 7946 0958),
    /// and any run of 7 digits.
    public static let phonePatterns = [#"\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{4}"#, #"\+\d[\d\s().\-]{6,}\d"#, #"\d{7,}"#]

    /// Email addresses and phone numbers in `text`.
    public static func contacts(in text: String) -> [String] {
        var found: [String] = []
        for pattern in [emailPattern] + phonePatterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            let ns = text as NSString
            for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                found.append(ns.substring(with: m.range))
            }
        }
        return found
    }

    /// Email addresses and phone numbers in the strings of a JSON document (keys and values, as a
    /// program reading it sees them: `\u0026` followed by digits is `&` and digits, not a number).
    public static func contacts(inJSON data: Data) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return contacts(in: String(decoding: data, as: UTF8.self))
        }
        var strings: [String] = []
        func walk(_ v: Any) {
            if let s = v as? String { strings.append(s) }
            if let a = v as? [Any] { a.forEach(walk) }
            if let d = v as? [String: Any] { for (k, x) in d { strings.append(k); walk(x) } }
        }
        walk(value)
        return strings.flatMap { contacts(in: $0) }
    }

    /// Every problem in a rendered site. `allowed(path)` says what the page at `path` may hold;
    /// nil skips the markup audit for it (e.g. with `unsafe_html: true`).
    public static func problems(files: [String: Data], allowed: (String) -> MarkupAudit.Allowed?) -> [String] {
        var problems: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            if path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) || path.hasPrefix("/") {
                problems.append("\(path): the path leaves the output folder")
            }
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html"), let limit = allowed(path) {
                problems += MarkupAudit.problems(in: text, allowed: limit).map { "\(path): \($0)" }
            }
            if path.hasSuffix("status.json") {
                if (try? JSONSerialization.jsonObject(with: data)) == nil { problems.append("\(path): not valid JSON") }
                for contact in contacts(inJSON: data) { problems.append("\(path): holds a contact: \(contact.debugDescription)") }
            }
            if path.hasPrefix("clinics/"), path.hasSuffix("/index.html") {
                let jsonPath = String(path.dropLast("index.html".count)) + "status.json"
                guard let embedded = MarkupAudit.jsonScript(id: "gangway-status", in: text) else {
                    problems.append("\(path): no embedded gangway-status script")
                    continue
                }
                let a = try? JSONSerialization.jsonObject(with: Data(embedded.utf8)) as? NSDictionary
                let b = files[jsonPath].flatMap { try? JSONSerialization.jsonObject(with: $0) as? NSDictionary }
                if a == nil { problems.append("\(path): the embedded status is not valid JSON") }
                if a != b { problems.append("\(path): the embedded status differs from \(jsonPath)") }
            }
        }
        return problems
    }
}

/// What each page of a site may hold when nothing is known of its input: the elements and
/// attributes its templates hold, plus Markdown's, and the number of watched elements a clean
/// render of the same kind of page has.
public struct PageLimits: Sendable {
    let templates: MarkupAudit.Allowed
    let counts: [String: [String: Int]]

    /// `templates`: the Mustache sources; `baseline`: a clean render, by output path. The reports
    /// page's charts are SVG written by Gangway's code, not by a template: their elements and
    /// attributes are taken from the clean render of that page.
    public init(templates: [String], baseline: [String: Data]) {
        var all = MarkupAudit.Allowed(elements: [], attributes: [])
        let tag = try! NSRegularExpression(pattern: #"\{\{\{?[^}]*\}?\}\}"#)
        for source in templates {
            // Mustache tags out first: `{{<layout}}` would read as an element.
            let html = tag.stringByReplacingMatches(in: source, range: NSRange(location: 0, length: (source as NSString).length), withTemplate: "")
            all = all.union(MarkupAudit.Allowed(page: html))
        }
        if let reports = baseline["team/reports/index.html"] {
            all = all.union(MarkupAudit.Allowed(page: String(decoding: reports, as: UTF8.self)))
        }
        self.templates = MarkupAudit.Allowed(elements: all.elements, attributes: all.attributes).withMarkdown
        var counts: [String: [String: Int]] = [:]
        for (path, data) in baseline where path.hasSuffix(".html") {
            counts[Self.kind(of: path)] = MarkupAudit.Allowed(page: String(decoding: data, as: UTF8.self)).counts
        }
        self.counts = counts
    }

    public func allowed(for path: String) -> MarkupAudit.Allowed {
        var a = templates
        a.counts = counts[Self.kind(of: path)]
        if Self.kind(of: path) == "team/reports" {
            // Two charts per guide, each with its style: as many as the input has guides, so not
            // counted here (the charts' text is escaped by TeamCharts, which TeamExportsTests checks).
            a.counts?["svg"] = nil
            a.counts?["style"] = nil
        }
        return a
    }

    /// `clinics/alpha/index.html` and `clinics/beta/index.html` are both "clinics"; in the team
    /// site, `team/reports/index.html` is "team/reports" and every filtered dashboard "team/by".
    public static func kind(of path: String) -> String {
        let parts = path.split(separator: "/")
        if parts.first == "team" && parts.count > 2 { return "team/" + parts[1] }
        return parts.count > 2 ? String(parts[0]) : path
    }
}

extension SiteAudit {
    /// Messages that repeat a secret.
    public static func echoes(of secrets: [String], in messages: [String]) -> [String] {
        var out: [String] = []
        for secret in secrets {
            for message in messages where message.contains(secret) {
                out.append("a message repeats the value of a credential key: \(message.debugDescription)")
            }
        }
        return out
    }
}
