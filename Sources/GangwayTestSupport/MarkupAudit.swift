/// Checks a rendered page against what Gangway itself may emit, to prove that no element,
/// attribute, script or link scheme came from input. `Allowed` is what a clean page (or the
/// templates) hold; cmark's safe output adds the few elements and attributes Markdown makes.
public enum MarkupAudit {
    public struct Allowed: Sendable {
        public var elements: Set<String>
        public var attributes: Set<String>
        /// How many of each `watched` element (script, meta, …) the page may hold; nil: do not count.
        public var counts: [String: Int]?

        public init(elements: Set<String>, attributes: Set<String>, counts: [String: Int]? = nil) {
            self.elements = elements
            self.attributes = attributes
            self.counts = counts
        }

        /// What a page holds, taken as the limit for pages of its kind.
        public init(page html: String) {
            var elements: Set<String> = [], attributes: Set<String> = []
            var counts = Dictionary(uniqueKeysWithValues: MarkupAudit.watched.map { ($0, 0) })
            for case .start(let name, let attrs, _) in HTMLTokenizer.tokenize(html) {
                elements.insert(name)
                attributes.formUnion(attrs.map(\.name))
                if counts[name] != nil { counts[name]! += 1 }
            }
            self.init(elements: elements, attributes: attributes, counts: counts)
        }

        /// Everything two limits allow; counts are kept only where both agree.
        public func union(_ other: Allowed) -> Allowed {
            var counts: [String: Int]?
            if let a = self.counts, let b = other.counts { counts = a.filter { b[$0.key] == $0.value } }
            return Allowed(elements: elements.union(other.elements), attributes: attributes.union(other.attributes), counts: counts)
        }

        /// Adds what cmark's safe mode may produce from Markdown.
        public var withMarkdown: Allowed {
            var a = self
            a.elements.formUnion(MarkupAudit.markdownElements)
            a.attributes.formUnion(MarkupAudit.markdownAttributes)
            return a
        }
    }

    public static let markdownElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a", "img", "code", "pre",
        "blockquote", "ul", "ol", "li", "hr", "br",
    ]
    public static let markdownAttributes: Set<String> = ["href", "title", "src", "alt", "class", "start"]
    /// Elements that can run code, load things or change how the page behaves: their number on a
    /// page is fixed by its template, whatever the input.
    public static let watched = ["script", "style", "link", "meta", "base", "iframe", "frame", "object", "embed",
                                 "form", "svg", "math", "template", "noscript", "textarea", "input", "button"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "srcset", "data", "xlink:href", "background", "cite"]
    /// Schemes that run code or reach the reader's own files when followed: what cmark's safe
    /// mode removes, and what SPEC.md promises never to publish. Other schemes (tel:, an app's
    /// own) are links like any other.
    static let dangerousSchemes: Set<String> = ["javascript", "vbscript", "file", "data"]

    /// Every way `html` goes beyond `allowed`; empty when the page is clean.
    public static func problems(in html: String, allowed: Allowed) -> [String] {
        var problems: [String] = []
        var counts: [String: Int] = [:]
        for token in HTMLTokenizer.tokenize(html) {
            switch token {
            case .start(let name, let attributes, _):
                if !allowed.elements.contains(name) { problems.append("element <\(name)> is not one Gangway emits") }
                counts[name, default: 0] += 1
                for a in attributes {
                    if a.name.hasPrefix("on") { problems.append("event handler attribute \(a.name) on <\(name)>") }
                    if !allowed.attributes.contains(a.name) { problems.append("attribute \(a.name) on <\(name)> is not one Gangway emits") }
                    if urlAttributes.contains(a.name), let scheme = unsafeScheme(a.value) {
                        problems.append("<\(name) \(a.name)> uses the scheme '\(scheme)': \(a.value.debugDescription)")
                    }
                }
            case .rawText(let element, let text):
                // JSON in a script must hold no '<' at all: no </script>, no <!-- that would change how it parses.
                if element == "script", text.contains("<") { problems.append("a script element's text holds '<': \(text.prefix(80).debugDescription)") }
                if text.contains("\u{2028}") || text.contains("\u{2029}") { problems.append("a \(element) element holds a raw U+2028 or U+2029") }
            default:
                break
            }
        }
        for (name, expected) in (allowed.counts ?? [:]).sorted(by: { $0.key < $1.key }) where counts[name, default: 0] != expected {
            problems.append("\(counts[name, default: 0]) <\(name)> elements, expected \(expected)")
        }
        return problems
    }

    /// The scheme of a URL attribute when it is a dangerous one, as a browser reads it: spaces and
    /// control characters stripped, case ignored. Relative URLs have no scheme.
    public static func unsafeScheme(_ value: String) -> String? {
        let cleaned = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let scheme = String(cleaned[..<colon])
        // "a/b:c", "?x:y", "#a:b" are relative: a scheme comes before any of / ? #.
        if scheme.contains(where: { "/?#".contains($0) }) { return nil }
        guard dangerousSchemes.contains(scheme) else { return nil }
        // cmark's safe mode keeps these data: images, in images and links alike; SVG (which can hold script) it drops.
        if scheme == "data", ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: { cleaned.hasPrefix($0) }) {
            return nil
        }
        return scheme
    }

    /// The text of `<script type="application/json" id="…">`, when the page has one.
    public static func jsonScript(id: String, in html: String) -> String? {
        var inside = false
        for token in HTMLTokenizer.tokenize(html) {
            switch token {
            case .start(let name, let attributes, _):
                inside = name == "script" && attributes.contains(HTMLAttribute(name: "id", value: id))
            case .rawText(_, let text) where inside:
                return text
            default:
                inside = false
            }
        }
        return nil
    }

    /// Every text node, entity-decoded, in order.
    public static func texts(in html: String) -> [String] {
        HTMLTokenizer.tokenize(html).compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    /// Every attribute value, entity-decoded, with its element and attribute name.
    public static func attributeValues(in html: String) -> [(element: String, attribute: String, value: String)] {
        var out: [(String, String, String)] = []
        for case .start(let name, let attributes, _) in HTMLTokenizer.tokenize(html) {
            out += attributes.map { (name, $0.name, $0.value) }
        }
        return out
    }
}
