/// Writes a string as a YAML scalar that reads back as exactly that string, in block or flow
/// context: plain when nothing in it could be read otherwise, else double-quoted with escapes.
public enum YAMLQuote {
    /// `text` as a scalar; `flow` also quotes the flow indicators `, [ ] { }`.
    public static func scalar(_ text: String, flow: Bool) -> String {
        isSafePlain(text, flow: flow) ? text : doubleQuoted(text)
    }

    /// Always double-quoted: `"` and `\` escaped, control characters and line breaks as escapes.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Words that YAML 1.1 or 1.2 resolvers read as something other than a string.
    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    static func isSafePlain(_ text: String, flow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if reserved.contains(text.lowercased()) { return false }
        // Anything that starts like a number, a date or a sign is quoted so it stays text.
        if "0123456789+-.".unicodeScalars.contains(first) { return false }
        if "!&*?|>'\"%@`#,[]{}:".unicodeScalars.contains(first) { return false }
        if first == " " || last == " " || last == ":" { return false }
        var previous: Unicode.Scalar = " "
        for s in text.unicodeScalars {
            if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || s == "\u{FEFF}"
                || s == "\u{2028}" || s == "\u{2029}" || s == "\u{85}" || s == "\t" { return false }
            if s == "#" && previous == " " { return false }
            if previous == ":" && s == " " { return false }
            if flow && ",[]{}".unicodeScalars.contains(s) { return false }
            previous = s
        }
        return true
    }
}
