/// A small HTML tokenizer, after the WHATWG tokenizer's main states, for proving what a page
/// holds: its elements, their attributes with entity-decoded values, text, and the raw text of
/// script and style elements. Shared by the tests and the fuzzer; Gangway itself never parses HTML.
public enum HTMLToken: Equatable, Sendable {
    case start(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    case end(name: String)
    case text(String)
    /// The unparsed content of a `<script>` or `<style>` element.
    case rawText(element: String, text: String)
    case comment(String)
    case doctype(String)
}

public struct HTMLAttribute: Equatable, Sendable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public enum HTMLTokenizer {
    static let rawTextElements: Set<String> = ["script", "style"]
    static let escapableRawTextElements: Set<String> = ["title", "textarea"]

    public static func tokenize(_ html: String) -> [HTMLToken] {
        let s = Array(html.unicodeScalars)
        var tokens: [HTMLToken] = []
        var text = ""
        var i = 0
        func flushText() {
            if !text.isEmpty { tokens.append(.text(decodeEntities(text))); text = "" }
        }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else { text.unicodeScalars.append(s[i]); i += 1; continue }
            let next = s[i + 1]
            if next == "!" {
                flushText()
                if matches(s, at: i, "<!--") {
                    let end = find(s, "-->", from: i + 4) ?? s.count
                    tokens.append(.comment(string(s, i + 4, end)))
                    i = min(end + 3, s.count)
                } else {
                    let end = find(s, ">", from: i) ?? s.count
                    tokens.append(.doctype(string(s, i + 2, end)))
                    i = min(end + 1, s.count)
                }
            } else if next == "/" && i + 2 < s.count && isASCIILetter(s[i + 2]) {
                flushText()
                var j = i + 2
                while j < s.count, !isSpace(s[j]), s[j] != "/", s[j] != ">" { j += 1 }
                tokens.append(.end(name: string(s, i + 2, j).lowercased()))
                i = min((find(s, ">", from: j) ?? s.count) + 1, s.count)
            } else if isASCIILetter(next) {
                flushText()
                let (token, after) = startTag(s, at: i)
                tokens.append(token)
                i = after
                if case .start(let name, _, _) = token, rawTextElements.contains(name) || escapableRawTextElements.contains(name) {
                    let close = findClosingTag(s, name, from: i) ?? s.count
                    let content = string(s, i, close)
                    tokens.append(rawTextElements.contains(name) ? .rawText(element: name, text: content) : .text(decodeEntities(content)))
                    i = close
                }
            } else {
                text.unicodeScalars.append(s[i])
                i += 1
            }
        }
        flushText()
        return tokens
    }

    private static func startTag(_ s: [Unicode.Scalar], at start: Int) -> (HTMLToken, Int) {
        var i = start + 1
        var name = ""
        while i < s.count, !isSpace(s[i]), s[i] != "/", s[i] != ">" { name.unicodeScalars.append(s[i]); i += 1 }
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while i < s.count {
            while i < s.count, isSpace(s[i]) { i += 1 }
            guard i < s.count else { break }
            if s[i] == ">" { i += 1; break }
            if s[i] == "/" {
                i += 1
                if i < s.count, s[i] == ">" { selfClosing = true; i += 1; break }
                continue
            }
            var attrName = ""
            attrName.unicodeScalars.append(s[i])  // a leading '=' belongs to the name
            i += 1
            while i < s.count, !isSpace(s[i]), s[i] != "/", s[i] != ">", s[i] != "=" { attrName.unicodeScalars.append(s[i]); i += 1 }
            while i < s.count, isSpace(s[i]) { i += 1 }
            var value = ""
            if i < s.count, s[i] == "=" {
                i += 1
                while i < s.count, isSpace(s[i]) { i += 1 }
                if i < s.count, s[i] == "\"" || s[i] == "'" {
                    let quote = s[i]
                    let end = find(s, String(quote), from: i + 1) ?? s.count
                    value = string(s, i + 1, end)
                    i = min(end + 1, s.count)
                } else {
                    while i < s.count, !isSpace(s[i]), s[i] != ">" { value.unicodeScalars.append(s[i]); i += 1 }
                }
            }
            attributes.append(HTMLAttribute(name: attrName.lowercased(), value: decodeEntities(value)))
        }
        return (.start(name: name.lowercased(), attributes: attributes, selfClosing: selfClosing), i)
    }

    /// Replaces character references: the named ones pages use, and every numeric one.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
                                       "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")"]
        let s = Array(text.unicodeScalars)
        var out = ""
        var i = 0
        while i < s.count {
            guard s[i] == "&" else { out.unicodeScalars.append(s[i]); i += 1; continue }
            var j = i + 1
            while j < s.count, j - i < 12, s[j] != ";", s[j] != "&", !isSpace(s[j]) { j += 1 }
            let body = string(s, i + 1, j)
            let hasSemicolon = j < s.count && s[j] == ";"
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[body.lowercased()]
            }
            if let decoded {
                out += decoded
                i = hasSemicolon ? j + 1 : j
            } else {
                out.unicodeScalars.append(s[i])
                i += 1
            }
        }
        return out
    }

    private static func findClosingTag(_ s: [Unicode.Scalar], _ name: String, from start: Int) -> Int? {
        var i = start
        while let lt = find(s, "</", from: i) {
            let after = string(s, lt + 2, min(lt + 2 + name.unicodeScalars.count, s.count)).lowercased()
            let boundary = lt + 2 + name.unicodeScalars.count
            if after == name, boundary >= s.count || isSpace(s[boundary]) || s[boundary] == ">" || s[boundary] == "/" {
                return lt
            }
            i = lt + 2
        }
        return nil
    }

    private static func matches(_ s: [Unicode.Scalar], at i: Int, _ literal: String) -> Bool {
        var j = i
        for c in literal.unicodeScalars {
            guard j < s.count, s[j] == c else { return false }
            j += 1
        }
        return true
    }

    private static func find(_ s: [Unicode.Scalar], _ literal: String, from start: Int) -> Int? {
        var i = start
        while i < s.count {
            if matches(s, at: i, literal) { return i }
            i += 1
        }
        return nil
    }

    private static func string(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        var out = ""
        out.unicodeScalars.append(contentsOf: s[from..<min(to, s.count)])
        return out
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
}
