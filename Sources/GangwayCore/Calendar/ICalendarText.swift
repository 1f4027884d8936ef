/// The text rules of RFC 5545: TEXT values escaped (3.3.11), content lines folded at 75 octets
/// (3.1) without cutting a UTF-8 sequence, every line ended by CRLF.
public enum ICalendarText {
    /// `\` `;` `,` and line breaks escaped as `\\` `\;` `\,` `\n`; other control characters dropped,
    /// since TEXT may not hold them.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for c in text.unicodeScalars {
            defer { previousCR = c == "\r" }
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out += " "
            default:
                if c.value < 0x20 || c.value == 0x7F { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// One content line, folded: no physical line is longer than 75 octets, continuation lines
    /// start with one space, and each ends with CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var lineOctets = 0
        for c in line.unicodeScalars {
            let size = UTF8.width(c)
            if lineOctets + size > 75 {
                out += "\r\n "
                lineOctets = 1
            }
            out.unicodeScalars.append(c)
            lineOctets += size
        }
        return out + "\r\n"
    }

    /// `NAME;PARAMS:value`, folded.
    public static func property(_ name: String, _ value: String) -> String {
        fold("\(name):\(value)")
    }
}
