/// Finds email addresses and phone numbers inside free text (notes, names) and hides them:
/// `asingh@lakeshore.example` becomes `a•••@lakeshore.example`, `416-555-0100` becomes
/// `•••-•••-••••`. status.json never carries either; pages show them only with `publish_emails`.
/// Works on Unicode scalars, not characters, so a combining mark cannot hide a digit or an `@`.
public enum ContactText {
    /// `text` with every email masked and every phone number's digits hidden.
    public static func redact(_ text: String) -> String {
        guard mayHoldContact(text) else { return text }
        var scalars = Array(text.unicodeScalars)
        maskEmails(&scalars)
        hidePhones(&scalars)
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    /// Whether `text` holds an email address or a phone number.
    public static func holdsContact(_ text: String) -> Bool {
        redact(text) != text
    }

    static let minimumPhoneDigits = 7
    static let dot: Unicode.Scalar = "\u{2022}"

    /// Cheap test that skips almost every string: ASCII without `@` and with fewer than 7 digits.
    static func mayHoldContact(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") || byte >= 0x80 { return true }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                if digits >= minimumPhoneDigits { return true }
            }
        }
        return false
    }

    /// Each `local@domain.tld` (no spaces, a dot inside the domain) keeps the first scalar of its
    /// local part and its domain; the rest of the local part becomes `•••`.
    static func maskEmails(_ s: inout [Unicode.Scalar]) {
        var i = 0
        while i < s.count {
            guard s[i] == "@" else { i += 1; continue }
            var start = i
            while start > 0, isAddressScalar(s[start - 1]) { start -= 1 }
            var end = i + 1
            while end < s.count, isAddressScalar(s[end]) { end += 1 }
            while end > i + 1, s[end - 1] == "." { end -= 1 }  // the full stop after an address ends a sentence
            let domain = s[(i + 1)..<end]
            if start < i, let first = domain.firstIndex(of: "."), first != i + 1, domain.last != "." {
                let masked = [s[start], dot, dot, dot]
                s.replaceSubrange(start..<i, with: masked)
                i = start + masked.count + 1
            } else {
                i += 1
            }
        }
    }

    /// Anything but white space, `@`, the bullet, and the punctuation that surrounds an address in
    /// prose, Markdown or HTML.
    private static func isAddressScalar(_ c: Unicode.Scalar) -> Bool {
        !c.properties.isWhitespace && !"@<>()[]{}\"',;:`*|\\/=".unicodeScalars.contains(c) && c != dot
    }

    /// A run of digits (of any script) and the separators phone numbers use (space, `-`, `.`, `(`,
    /// `)`, `+`) holding 7 digits or more is a phone number, unless it is ISO dates (2026-10-03).
    /// Long numbers that are not phones lose their digits too: hiding one too many is the safe mistake.
    static func hidePhones(_ s: inout [Unicode.Scalar]) {
        var i = 0
        while i < s.count {
            guard isDigit(s[i]) || s[i] == "+" || s[i] == "(" else { i += 1; continue }
            var end = i
            var digits = 0
            var lastDigit = i
            while end < s.count, isDigit(s[end]) || isSeparator(s[end]) {
                if isDigit(s[end]) { digits += 1; lastDigit = end }
                end += 1
            }
            if digits >= minimumPhoneDigits, !isDateList(s[i...lastDigit]) {
                for j in i...lastDigit where isDigit(s[j]) { s[j] = dot }
            }
            i = max(end, i + 1)
        }
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.numericType == .decimal
    }

    private static func isSeparator(_ c: Unicode.Scalar) -> Bool {
        " -.()+\u{A0}".unicodeScalars.contains(c) || c.properties.generalCategory == .nonspacingMark
            || c.properties.generalCategory == .enclosingMark || c.properties.generalCategory == .format
    }

    /// `2026-10-03`, or several such dates in a row: dates, not a phone number.
    private static func isDateList(_ run: ArraySlice<Unicode.Scalar>) -> Bool {
        let pieces = run.split(separator: " ").map { piece in piece.filter { $0 != "(" && $0 != ")" } }
        return !pieces.isEmpty && pieces.allSatisfy { piece in
            let parts = piece.split(separator: "-", omittingEmptySubsequences: false)
            return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
                && parts.allSatisfy { $0.allSatisfy { ("0"..."9").contains($0) } }
        }
    }
}
