/// The text rules of RFC 5545: TEXT values escaped (3.3.11), content lines folded at 75 octets
/// (3.1) without cutting a UTF-8 sequence, every line ended by CRLF.
public enum ICalendarText {
    /// `\` `;` `,` and line breaks escaped as `\\` `\;` `\,` `\n`; other control characters dropped,
    /// since TEXT may not hold them.
    public static func escape(_ text: String) -> String {
        // Most values hold nothing to escape: they are returned as they are, without a copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }) { return text }
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
        if line.utf8.count <= 75 { return line + "\r\n" }
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 24 + 2)
        var lineOctets = 0
        var bytes = line.utf8.makeIterator()
        var pending = bytes.next()
        while let lead = pending {
            // A scalar's octets stay together: its width comes from its lead byte.
            let size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            if lineOctets + size > 75 {
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                lineOctets = 1
            }
            out.append(lead)
            pending = bytes.next()
            for _ in 1..<size {
                guard let b = pending else { break }
                out.append(b)
                pending = bytes.next()
            }
            lineOctets += size
        }
        out.append(contentsOf: [0x0D, 0x0A])
        return String(decoding: out, as: UTF8.self)
    }

    /// `NAME;PARAMS:value`, folded.
    public static func property(_ name: String, _ value: String) -> String {
        fold("\(name):\(value)")
    }
}
