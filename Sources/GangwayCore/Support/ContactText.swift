/// Finds email addresses and phone numbers inside free text (notes, names) and hides them:
/// `asingh@lakeshore.example` becomes `a•••@lakeshore.example`, `416-555-0100` becomes
/// `•••-•••-••••`. status.json never carries either; pages show them only with `publish_emails`.
///
/// Works on Unicode scalars, not characters, so a combining mark cannot hide a digit or an `@`,
/// and in two forward passes that each copy the text once: linear in its size.
///
/// **Emails.** An at sign in any of the forms a page can carry it (`@`, full-width `＠`, small
/// `﹫`, Markdown's escaped `\\@`, percent-encoded `%40` and the UTF-8 escapes of the other two, the HTML references
/// `&#64;`, `&#x40;` and `&commat;`, and the obfuscations `(at)`, `[at]`, `{at}` with or without a
/// space on each side), with a local part before it and a domain after it that holds a dot (`.`,
/// `%2E`, `．`, `。`, `｡`) neither first nor last. The local part keeps its first scalar and becomes
/// `•••`; the at sign and the domain stay as written.
///
/// **Phones.** Digits of any script (ASCII, full-width, Arabic-Indic…, also percent-encoded
/// ASCII digits) in groups joined by separators: any space (`Zs`, NBSP included), tab, any dash
/// (`Pd`, and the minus sign U+2212), `.`, `/`, `_`, `,`, parentheses, `+` (and their full-width
/// forms, and `%20`-style escapes of all of them). Between two groups at most three separators
/// stand; a `,` or `.` followed by white space ends the number (a list or a sentence, not a
/// phone). Combining marks and format characters (keycaps, zero-width spaces) count as nothing.
/// A number of **7 digits or more** loses its digits (each becomes `•`); fewer stay, so times,
/// rooms, counts and years are left alone. Dates stay too: three groups of 4, 1–2 and 1–2 digits
/// (year, month 1–12, day 1–31) or 1–2, 1–2 and 4 (day or month first), with the same separator
/// (`-`, a dash, `/` or `.`) twice, are a date however many stand in a row; digits around them
/// are counted without them. An extension (`ext. 12`, `x12`) is not a separator, so its digits
/// stay: on their own they reach nobody. Long numbers that are not phones lose their digits too:
/// hiding one too many is the safe mistake.
public enum ContactText {
    /// `text` with every email masked and every phone number's digits hidden.
    public static func redact(_ text: String) -> String {
        guard mayHoldContact(text) else { return text }
        return redactFully(text)
    }

    /// `redact` without the cheap test first: what the test is checked against.
    static func redactFully(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        let hidden = hidePhones(maskEmails(scalars))
        // Text with nothing to hide (a name with an accent, HTML with an entity) comes back as it
        // was; the rest is encoded into one buffer. Appending scalars to a String one by one was
        // most of redaction's cost (perf: 4.8 % of a 10,000-clinic build).
        if hidden == scalars { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for scalar in hidden { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` holds an email address or a phone number.
    public static func holdsContact(_ text: String) -> Bool {
        redact(text) != text
    }

    /// A number needs at least this many digits to be hidden as a phone number.
    static let minimumPhoneDigits = 7
    /// At most this many separators (not counting marks) stand between two groups of one number.
    static let maximumSeparatorRun = 3
    static let dot: Unicode.Scalar = "\u{2022}"

    /// Cheap test that skips most strings: true for any text with `@`, `%` or `&`, with a scalar
    /// beyond ASCII, with `at` before a closing bracket, or with 7 digits in one run of digits and
    /// the separators a phone number's groups are joined by (at most 3 in a row). Any text it
    /// skips, the rules would leave as it is (a test checks): in ASCII without `%`, every digit of
    /// a number is a digit byte and every separator one of those bytes. Counting all the digits
    /// of a text instead sent three quarters of clinics' notes (dates, clinic numbers) the whole
    /// way, 7 % of a 10,000-clinic build.
    static func mayHoldContact(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            byteClasses.withUnsafeBufferPointer { classes in
                var digits = 0, separators = 0
                var previous: (UInt8, UInt8) = (0, 0)
                var afterAt: Bool { previous.0 | 0x20 == UInt8(ascii: "a") && previous.1 | 0x20 == UInt8(ascii: "t") }
                for byte in bytes {
                    switch classes[Int(byte)] {
                    case ByteClass.digit:
                        digits &+= 1
                        if digits >= minimumPhoneDigits { return true }
                        separators = 0
                    case ByteClass.closingSeparator:
                        // `)` closes `(at)`, and is a phone separator too.
                        if afterAt { return true }
                        fallthrough
                    case ByteClass.separator:
                        separators &+= 1
                        if separators > maximumSeparatorRun { digits = 0; separators = 0 }
                    case ByteClass.closing:
                        // `]` and `}` close `[at]` and `{at}`.
                        if afterAt { return true }
                        fallthrough
                    case ByteClass.other:
                        digits = 0
                        separators = 0
                    default:
                        return true
                    }
                    previous = (previous.1, byte)
                }
                return false
            }
        }
    }

    /// What each byte is to `mayHoldContact`: one table lookup a byte, for a test that reads every
    /// byte of every note.
    private enum ByteClass {
        static let other: UInt8 = 0, digit: UInt8 = 1, separator: UInt8 = 2, closingSeparator: UInt8 = 3, closing: UInt8 = 4, contact: UInt8 = 5
    }

    private static let byteClasses: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch UInt8(b) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return ByteClass.digit
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "_"),
             UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: "+"): return ByteClass.separator
        case UInt8(ascii: ")"): return ByteClass.closingSeparator
        case UInt8(ascii: "]"), UInt8(ascii: "}"): return ByteClass.closing
        case UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "&"), 0x80...: return ByteClass.contact
        default: return ByteClass.other
        }
    }

    // MARK: Emails

    /// The spellings of an at sign, lower-case (matched ignoring ASCII case).
    private static let atForms: [[Unicode.Scalar]] = [
        "@", "\u{FF20}", "\u{FE6B}", "\\@", "%40", "%ef%bc%a0", "%ef%b9%ab", "&#64;", "&#x40;", "&commat;",
        " (at) ", " [at] ", " {at} ", "(at)", "[at]", "{at}",
    ].map { Array($0.unicodeScalars) }

    /// The length of the at sign that starts at `i`, or nil.
    static func atSign(in s: [Unicode.Scalar], at i: Int) -> Int? {
        let c = s[i]
        switch c {
        case "@", "\u{FF20}", "\u{FE6B}": return 1
        case "%", "&", " ", "(", "[", "{", "\\": break
        default: return nil
        }
        for form in atForms where form[0] == c && matches(form, in: s, at: i) { return form.count }
        return nil
    }

    /// Whether `form` (lower-case ASCII or other scalars) stands at `i`, ignoring ASCII case.
    private static func matches(_ form: [Unicode.Scalar], in s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + form.count <= s.count else { return false }
        for k in 0..<form.count {
            var c = s[i + k]
            if c.value >= 0x41 && c.value <= 0x5A { c = Unicode.Scalar(c.value | 0x20)! }
            if c != form[k] { return false }
        }
        return true
    }

    /// The length of the dot that starts at `i` in a domain, or nil: `.`, `%2E`, `．`, `。`, `｡`.
    private static func domainDot(in s: [Unicode.Scalar], at i: Int) -> Int? {
        switch s[i] {
        case ".", "\u{FF0E}", "\u{3002}", "\u{FF61}": return 1
        case "%" where i + 2 < s.count && s[i + 1] == "2" && (s[i + 2] == "e" || s[i + 2] == "E"): return 3
        default: return nil
        }
    }

    /// Each `local@domain.tld` keeps the first scalar of its local part, its at sign and its
    /// domain; the rest of the local part becomes `•••`. One pass: the local part is the run of
    /// address scalars already copied, so masking only shortens the copy's end.
    static func maskEmails(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var runStart = 0  // where the current run of address scalars starts, in `out`
        var i = 0
        while i < s.count {
            if let at = atSign(in: s, at: i) {
                let domainStart = i + at
                let domainEnd = endOfDomain(s, from: domainStart)
                if runStart < out.count, domainEnd > domainStart, isDomain(s, domainStart..<domainEnd) {
                    out.removeSubrange((runStart + 1)...)
                    out.append(contentsOf: [dot, dot, dot])
                    out.append(contentsOf: s[i..<domainEnd])
                    i = domainEnd
                } else {
                    out.append(contentsOf: s[i..<domainStart])
                    i = domainStart
                }
                runStart = out.count
                continue
            }
            let c = s[i]
            out.append(c)
            if !isAddressScalar(c) { runStart = out.count }
            i += 1
        }
        return out
    }

    /// The end of the address scalars from `start`, without the full stops that end a sentence.
    /// Stops at the next at sign, so each scalar is read by one domain at most.
    private static func endOfDomain(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < s.count, isAddressScalar(s[end]), atSign(in: s, at: end) == nil { end += 1 }
        while end > start, domainDot(in: s, at: end - 1) == 1 { end -= 1 }
        return end
    }

    /// A domain holds a dot, and does not start or end with one.
    private static func isDomain(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard domainDot(in: s, at: range.lowerBound) == nil else { return false }
        var i = range.lowerBound
        var sawDot = false
        while i < range.upperBound {
            if let n = domainDot(in: s, at: i) {
                if i + n >= range.upperBound { return false }
                sawDot = true
                i += n
            } else {
                i += 1
            }
        }
        return sawDot
    }

    /// Anything but white space, an at sign, the bullet, and the punctuation that surrounds an
    /// address in prose, Markdown or HTML.
    private static func isAddressScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            switch c {
            case "@", "<", ">", "(", ")", "[", "]", "{", "}", "\"", "'", ",", ";", ":", "`", "*", "|", "\\", "/", "=": return false
            default: return c.value > 0x20 && c.value != 0x7F
            }
        }
        return c != dot && c != "\u{FF20}" && c != "\u{FE6B}" && !c.properties.isWhitespace
    }

    // MARK: Phones

    /// What a position of the text holds for phone numbers.
    enum Token: Equatable {
        /// A decimal digit, its value.
        case digit(UInt32)
        /// A separator: the scalar, with escapes decoded.
        case separator(Unicode.Scalar)
        /// A combining mark or a format character: invisible between digits.
        case mark
        case other
    }

    /// The token at `i` and its length in scalars (3 for each byte of a `%XX` escape).
    static func token(in s: [Unicode.Scalar], at i: Int) -> (Token, Int) {
        let c = s[i]
        if c == "%", let (decoded, length) = percentDecoded(s, at: i) {
            return (classify(decoded), length)
        }
        return (classify(c), 1)
    }

    private static func classify(_ c: Unicode.Scalar) -> Token {
        if c.isASCII {
            switch c {
            case "0"..."9": return .digit(c.value - 0x30)
            case " ", "\t", "-", ".", "/", "_", ",", "(", ")", "+": return .separator(c)
            default: return .other
            }
        }
        let p = c.properties
        switch p.generalCategory {
        case .decimalNumber: return .digit(UInt32(p.numericValue ?? 0))
        case .spaceSeparator, .dashPunctuation: return .separator(c)
        case .nonspacingMark, .enclosingMark, .spacingMark, .format: return .mark
        default:
            switch c {
            case "\u{2212}", "\u{FF0E}", "\u{FF0F}", "\u{FF3F}", "\u{FF0C}", "\u{FF08}", "\u{FF09}", "\u{FF0B}", "\u{3001}":
                return .separator(c)
            default: return .other
            }
        }
    }

    /// The scalar spelled by the `%XX` escapes at `i` (one to four, valid UTF-8), and their length.
    private static func percentDecoded(_ s: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int)? {
        func byte(at j: Int) -> UInt8? {
            guard j + 2 < s.count, s[j] == "%", let h = hex(s[j + 1]), let l = hex(s[j + 2]) else { return nil }
            return h << 4 | l
        }
        guard let first = byte(at: i) else { return nil }
        let count: Int
        switch first {
        case 0..<0x80: return (Unicode.Scalar(first), 3)
        case 0xC2...0xDF: count = 2
        case 0xE0...0xEF: count = 3
        case 0xF0...0xF4: count = 4
        default: return nil
        }
        var bytes = [first]
        for k in 1..<count {
            guard let b = byte(at: i + 3 * k), b & 0xC0 == 0x80 else { return nil }
            bytes.append(b)
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, 3 * count)
    }

    private static func hex(_ c: Unicode.Scalar) -> UInt8? {
        switch c {
        case "0"..."9": return UInt8(c.value - 0x30)
        case "a"..."f": return UInt8(c.value - 0x61 + 10)
        case "A"..."F": return UInt8(c.value - 0x41 + 10)
        default: return nil
        }
    }

    /// A group of digits inside a number: where it is, in tokens, and what it holds.
    struct Group {
        var tokens: Range<Int>
        var digits = 0
        var value = 0
        /// The separators between this group and the next, marks left out.
        var after: [Unicode.Scalar] = []
    }

    /// Hides the digits of every phone number (see the type's comment for the rule). One pass:
    /// prose is copied as it is read; each number is read once, then copied with its digits
    /// hidden or not. Only the few separators after a number's last digit are read twice.
    static func hidePhones(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var number = Number()
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.isASCII && (c.value < 0x30 || c.value > 0x39) && c != "%" {
                out.append(c)
                i += 1
                continue
            }
            let (t, n) = token(in: s, at: i)
            guard case .digit = t else {
                out.append(contentsOf: s[i..<(i + n)])
                i += n
                continue
            }
            number.read(s, from: i)
            let hide = number.hiddenTokens()
            for (k, token) in number.tokens.enumerated() {
                if hide[k] { out.append(dot) } else { out.append(contentsOf: s[token.range]) }
            }
            i = number.tokens.last!.range.upperBound
        }
        return out
    }

    /// One number as it is read: its tokens, up to its last digit, and its groups of digits.
    struct Number {
        var tokens: [(token: Token, range: Range<Int>)] = []
        var groups: [Group] = []

        /// Reads the number whose first digit is at `start`.
        mutating func read(_ s: [Unicode.Scalar], from start: Int) {
            tokens.removeAll(keepingCapacity: true)
            groups.removeAll(keepingCapacity: true)
            var i = start
            func next() -> Token? {
                guard i < s.count else { return nil }
                let (t, n) = token(in: s, at: i)
                tokens.append((t, i..<(i + n)))
                i += n
                return t
            }
            var pending = next()  // a digit
            while true {
                // A group: digits, with marks between them.
                var group = Group(tokens: (tokens.count - 1)..<(tokens.count - 1))
                var last = tokens.count - 1
                while let t = pending {
                    if case .digit(let v) = t {
                        group.digits += 1
                        group.value = min(group.value * 10 + Int(v), 1_000_000)
                        last = tokens.count - 1
                    } else if t != .mark {
                        break
                    }
                    pending = next()
                }
                group.tokens = group.tokens.lowerBound..<(last + 1)
                // The separators after it, up to the next digit, if the number goes on.
                var separators: [Unicode.Scalar] = []
                var goesOn = false
                scan: while let t = pending {
                    switch t {
                    case .digit:
                        goesOn = true
                        break scan
                    case .mark:
                        break
                    case .separator(let c):
                        if let p = separators.last, endsList(p), isSpace(c) { break scan }
                        separators.append(c)
                        if separators.count > maximumSeparatorRun { break scan }
                    case .other:
                        break scan
                    }
                    pending = next()
                }
                guard goesOn else {
                    groups.append(group)
                    tokens.removeSubrange((last + 1)...)
                    return
                }
                group.after = separators
                groups.append(group)
            }
        }

        /// Which tokens to hide: the digits of every stretch of groups, dates left out, that holds
        /// enough digits.
        func hiddenTokens() -> [Bool] {
            var hide = [Bool](repeating: false, count: tokens.count)
            var isDate = [Bool](repeating: false, count: groups.count)
            var g = 0
            while g + 2 < groups.count {
                if isDateTriple(groups[g], groups[g + 1], groups[g + 2]) {
                    isDate[g] = true; isDate[g + 1] = true; isDate[g + 2] = true
                    g += 3
                } else {
                    g += 1
                }
            }
            var stretchStart = 0
            var digits = 0
            for index in 0...groups.count {
                if index == groups.count || isDate[index] {
                    if digits >= minimumPhoneDigits {
                        for group in groups[stretchStart..<index] {
                            for t in group.tokens { if case .digit = tokens[t].token { hide[t] = true } }
                        }
                    }
                    stretchStart = index + 1
                    digits = 0
                } else {
                    digits += groups[index].digits
                }
            }
            return hide
        }
    }

    /// `,` or `.` before a space ends a list item or a sentence, not a group of digits.
    private static func endsList(_ c: Unicode.Scalar) -> Bool {
        c == "," || c == "." || c == "\u{FF0C}" || c == "\u{FF0E}" || c == "\u{3001}"
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c.properties.generalCategory == .spaceSeparator
    }

    /// `2026-10-03`, `2026/10/03`, `03.10.2026`: year, month and day, one separator twice.
    private static func isDateTriple(_ a: Group, _ b: Group, _ c: Group) -> Bool {
        guard a.after.count == 1, a.after == b.after, let sep = a.after.first,
              sep == "-" || sep == "/" || sep == "." || sep.properties.generalCategory == .dashPunctuation else { return false }
        func small(_ g: Group) -> Bool { (1...2).contains(g.digits) && g.value >= 1 && g.value <= 31 }
        if a.digits == 4 && small(b) && small(c) { return b.value <= 12 }
        if c.digits == 4 && small(a) && small(b) { return a.value <= 12 || b.value <= 12 }
        return false
    }
}
