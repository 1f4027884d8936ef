/// Escapes text for XML and HTML, in element content and in quoted attributes, and replaces
/// with U+FFFD every character the two forbid in a document: the C0 controls but tab, line
/// feed and carriage return (form feed too: HTML allows it, XML does not), DEL, the C1
/// controls and the noncharacters (U+FDD0 to U+FDEF, and the last two of every plane). So a
/// YAML escape like `"\0"` or `"\e"` cannot put them raw into a page. (A Swift string cannot
/// hold a lone surrogate.)
public enum XMLText {
    public static func escape(_ s: String) -> String {
        var needsWork = false
        for byte in s.utf8 where byte < 0x20 || byte == 0x7F || byte >= 0xC2 || "&<>\"'".utf8.contains(byte) {
            needsWork = true
            break
        }
        guard needsWork else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if isForbidden(scalar) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether HTML or XML forbids `scalar` in a document's text.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0xFDD0...0xFDEF: return true
        default: return v & 0xFFFE == 0xFFFE
        }
    }
}
