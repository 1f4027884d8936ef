import Foundation

/// A JSON value with keys kept in the order they were written, so output is byte-stable.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        JSONText.encode(a) == JSONText.encode(b)
    }

    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
}

/// Serializes JSON safely for embedding in HTML: `<`, `>`, `&`, U+2028 and U+2029 are escaped,
/// so the text can never close the script element that holds it.
public enum JSONText {
    public static func encode(_ value: JSONValue, pretty: Bool = false) -> String {
        String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, written straight into one buffer (a `String` grew by
    /// appends cost twice as much: 7 % of a 10,000-clinic build went to encoding status JSON).
    public static func bytes(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pretty ? 2048 : 1024)
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// The one-line text of a value, from its pretty bytes: each line break and the indent after it
    /// dropped, and a space put after the comma that ended the line. The same text as
    /// `encode(value)` (strings hold no raw line break, so every one is the layout's), without
    /// walking the value twice: a clinic's status is written both ways.
    public static func compact(fromPretty pretty: [UInt8]) -> String {
        // Line by line: each line's text is copied whole (a byte at a time was 1 % of a build).
        pretty.withUnsafeBufferPointer { p in
            String(unsafeUninitializedCapacity: p.count) { out in
                var n = 0, i = 0
                while i < p.count {
                    let end = lineEnd(p, from: i)
                    let length = end - i
                    if length > 0 {
                        UnsafeMutableRawPointer(out.baseAddress! + n).copyMemory(from: p.baseAddress! + i, byteCount: length)
                        n += length
                    }
                    guard end < p.count else { break }
                    i = end + 1
                    while i < p.count, p[i] == UInt8(ascii: " ") { i += 1 }
                    if n > 0, out[n - 1] == UInt8(ascii: ",") { out[n] = UInt8(ascii: " "); n += 1 }
                }
                return n
            }
        }
    }

    /// Where the line starting at `from` ends: the next line break, or the end.
    private static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard from < p.count, let found = memchr(p.baseAddress! + from, Int32(UInt8(ascii: "\n")), p.count - from) else { return p.count }
        return p.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// `bytes(.array(values), pretty: true)` from each value's own pretty bytes: each is one level
    /// deeper in the array, so two spaces go after each of its line breaks (all of them the
    /// layout's, strings holding none raw).
    static func array(ofPretty parts: [[UInt8]]) -> [UInt8] {
        guard !parts.isEmpty else { return Array("[]".utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(4) { $0 + $1.count + $1.count / 8 })
        out.append(UInt8(ascii: "["))
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
            part.withUnsafeBufferPointer { p in
                var from = 0
                while true {
                    out.append(UInt8(ascii: " "))
                    out.append(UInt8(ascii: " "))
                    let end = lineEnd(p, from: from)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[from..<end]))
                    guard end < p.count else { break }
                    out.append(UInt8(ascii: "\n"))
                    from = end + 1
                }
            }
        }
        out.append(UInt8(ascii: "\n"))
        out.append(UInt8(ascii: "]"))
        return out
    }

    public static func string(_ s: String) -> String {
        var out: [UInt8] = []
        writeString(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): appendDecimal(i, to: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { separator(&out, indent) }
                newline(&out, indent.map { $0 + 1 })
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, item)) in pairs.enumerated() {
                if i > 0 { separator(&out, indent) }
                newline(&out, indent.map { $0 + 1 })
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `,` before a pretty line break, `, ` on one line.
    private static func separator(_ out: inout [UInt8], _ indent: Int?) {
        out.append(UInt8(ascii: ","))
        if indent == nil { out.append(UInt8(ascii: " ")) }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<indent {
            out.append(UInt8(ascii: " "))
            out.append(UInt8(ascii: " "))
        }
    }

    /// A decimal number's digits, with no String made for them.
    private static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        if number < 0 { out.append(UInt8(ascii: "-")) }
        var rest = number.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        out[start...].reverse()
    }

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most values (names, ids, dates) need no escape: append them whole, read through their
        // contiguous bytes (the String's own UTF-8 view, byte by byte, was 2 % of a build).
        // 0xE2 starts U+2028 and U+2029.
        var text = s
        let plain = text.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) else {
                return false
            }
            out.append(contentsOf: bytes)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".utf8)
            case "\\": out.append(contentsOf: "\\\\".utf8)
            case "\n": out.append(contentsOf: "\\n".utf8)
            case "\r": out.append(contentsOf: "\\r".utf8)
            case "\t": out.append(contentsOf: "\\t".utf8)
            case "<": out.append(contentsOf: "\\u003c".utf8)
            case ">": out.append(contentsOf: "\\u003e".utf8)
            case "&": out.append(contentsOf: "\\u0026".utf8)
            case "\u{2028}": out.append(contentsOf: "\\u2028".utf8)
            case "\u{2029}": out.append(contentsOf: "\\u2029".utf8)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
