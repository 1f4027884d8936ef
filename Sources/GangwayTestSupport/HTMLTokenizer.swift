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

    /// Works on UTF-8 bytes: every character HTML's syntax uses is ASCII, so no multi-byte
    /// sequence can be mistaken for one.
    public static func tokenize(_ html: String) -> [HTMLToken] {
        let s = Array(html.utf8)
        var tokens: [HTMLToken] = []
        var textStart = 0
        var i = 0
        func flushText(upTo end: Int) {
            if textStart < end { tokens.append(.text(decodeEntities(string(s, textStart, end)))) }
        }
        while i < s.count {
            guard s[i] == UInt8(ascii: "<"), i + 1 < s.count else { i += 1; continue }
            let next = s[i + 1]
            let tagStart = i
            if next == UInt8(ascii: "!") {
                flushText(upTo: tagStart)
                if matches(s, at: i, "<!--") {
                    let end = find(s, "-->", from: i + 4) ?? s.count
                    tokens.append(.comment(string(s, i + 4, end)))
                    i = min(end + 3, s.count)
                } else {
                    let end = find(s, ">", from: i) ?? s.count
                    tokens.append(.doctype(string(s, i + 2, end)))
                    i = min(end + 1, s.count)
                }
                textStart = i
            } else if next == UInt8(ascii: "/") && i + 2 < s.count && isASCIILetter(s[i + 2]) {
                flushText(upTo: tagStart)
                var j = i + 2
                while j < s.count, !isSpace(s[j]), s[j] != UInt8(ascii: "/"), s[j] != UInt8(ascii: ">") { j += 1 }
                tokens.append(.end(name: string(s, i + 2, j).lowercased()))
                i = min((find(s, ">", from: j) ?? s.count) + 1, s.count)
                textStart = i
            } else if isASCIILetter(next) {
                flushText(upTo: tagStart)
                let (token, after) = startTag(s, at: i)
                tokens.append(token)
                i = after
                if case .start(let name, _, _) = token, rawTextElements.contains(name) || escapableRawTextElements.contains(name) {
                    let close = findClosingTag(s, name, from: i) ?? s.count
                    let content = string(s, i, close)
                    tokens.append(rawTextElements.contains(name) ? .rawText(element: name, text: content) : .text(decodeEntities(content)))
                    i = close
                }
                textStart = i
            } else {
                i += 1
            }
        }
        flushText(upTo: s.count)
        return tokens
    }

    private static func startTag(_ s: [UInt8], at start: Int) -> (HTMLToken, Int) {
        let slash = UInt8(ascii: "/"), gt = UInt8(ascii: ">"), eq = UInt8(ascii: "=")
        var i = start + 1
        while i < s.count, !isSpace(s[i]), s[i] != slash, s[i] != gt { i += 1 }
        let name = string(s, start + 1, i)
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while i < s.count {
            while i < s.count, isSpace(s[i]) { i += 1 }
            guard i < s.count else { break }
            if s[i] == gt { i += 1; break }
            if s[i] == slash {
                i += 1
                if i < s.count, s[i] == gt { selfClosing = true; i += 1; break }
                continue
            }
            let nameStart = i
            i += 1  // a leading '=' belongs to the name
            while i < s.count, !isSpace(s[i]), s[i] != slash, s[i] != gt, s[i] != eq { i += 1 }
            let attrName = string(s, nameStart, i)
            while i < s.count, isSpace(s[i]) { i += 1 }
            var value = ""
            if i < s.count, s[i] == eq {
                i += 1
                while i < s.count, isSpace(s[i]) { i += 1 }
                if i < s.count, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") {
                    let quote = s[i]
                    var end = i + 1
                    while end < s.count, s[end] != quote { end += 1 }
                    value = string(s, i + 1, end)
                    i = min(end + 1, s.count)
                } else {
                    let valueStart = i
                    while i < s.count, !isSpace(s[i]), s[i] != gt { i += 1 }
                    value = string(s, valueStart, i)
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
            while j < s.count, j - i < 12, s[j] != ";", s[j] != "&", !s[j].properties.isWhitespace { j += 1 }
            var body = ""
            body.unicodeScalars.append(contentsOf: s[(i + 1)..<j])
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

    private static func findClosingTag(_ s: [UInt8], _ name: String, from start: Int) -> Int? {
        let n = name.utf8.count
        var i = start
        while let lt = find(s, "</", from: i) {
            let boundary = lt + 2 + n
            if string(s, lt + 2, min(boundary, s.count)).lowercased() == name,
               boundary >= s.count || isSpace(s[boundary]) || s[boundary] == UInt8(ascii: ">") || s[boundary] == UInt8(ascii: "/") {
                return lt
            }
            i = lt + 2
        }
        return nil
    }

    private static func matches(_ s: [UInt8], at i: Int, _ literal: StaticString) -> Bool {
        let l = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard i + l.count <= s.count else { return false }
        for k in 0..<l.count where s[i + k] != l[k] { return false }
        return true
    }

    private static func find(_ s: [UInt8], _ literal: StaticString, from start: Int) -> Int? {
        var i = start
        while i < s.count {
            if matches(s, at: i, literal) { return i }
            i += 1
        }
        return nil
    }

    private static func string(_ s: [UInt8], _ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        return String(decoding: s[from..<min(to, s.count)], as: UTF8.self)
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }
    private static func isASCIILetter(_ c: UInt8) -> Bool { (0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) }
}
