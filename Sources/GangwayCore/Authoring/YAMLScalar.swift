/// Writes one string as a YAML scalar that reads back as that same string: plain when that is
/// safe, else double-quoted. `Smith, Jones: #1` must not turn into a mapping or a comment, and
/// `2026`, `yes` or `null` must not turn into a number, a boolean or nothing.
public enum YAMLScalar {
    public static func string(_ s: String) -> String {
        isSafePlain(s) ? s : doubleQuoted(s)
    }

    /// Letters first, then letters, digits, spaces and `.'()/&-` only, no trailing space, and not
    /// a word YAML 1.1 reads as a boolean or null.
    static func isSafePlain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, isASCIILetter(first), s.last != " " else { return false }
        let allowed = " .'()/&-"
        guard s.unicodeScalars.allSatisfy({ isASCIILetter($0) || ("0"..."9").contains($0) || allowed.unicodeScalars.contains($0) }) else {
            return false
        }
        let words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        return !words.contains(s.lowercased())
    }

    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F || (0x80..<0xA0).contains(c.value) || c.value == 0x2028 || c.value == 0x2029 || c.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }
}
