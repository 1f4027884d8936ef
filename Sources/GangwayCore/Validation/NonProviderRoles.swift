import Foundation

/// Roles that are not a provider's: a provider whose `role` matches one, as whole words and
/// case-insensitively, is not enabled (SPEC.md, Guide). The built-in list is extended by
/// gangway.yml's `non_provider_roles`.
public struct NonProviderRoles: Sendable {
    /// The built-in list, as docs/reference.md prints it.
    public static let builtIn = [
        "admin", "administrator", "office manager", "medical office assistant", "MOA", "receptionist", "front desk",
        "clerk", "scheduler", "staff", "assistant", "IT", "secretary", "billing",
    ]

    private let entries: [[Substring]]
    /// The built-in list's words, split once: a list is made per case file checked.
    private static let builtInEntries = builtIn.map(words).filter { !$0.isEmpty }

    /// The built-in list and `extra`.
    public init(extra: [String] = []) {
        if extra.isEmpty {
            entries = Self.builtInEntries
            asciiEntries = Self.builtInASCIIEntries
        } else {
            entries = Self.builtInEntries + extra.map(Self.words).filter { !$0.isEmpty }
            asciiEntries = Self.asciiTexts(entries)
        }
    }

    /// Each entry's words as bytes, joined by one space and with a space before and after (` office
    /// manager `), when every entry is ASCII: then an ASCII role is matched on its bytes, its words
    /// joined the same way, with no lower-cased copy, no Substrings and no Unicode property lookups
    /// (which made matching roles 1.5 % of a 10,000-clinic build, in the checks and in derive). The
    /// words being runs of `[a-z0-9]`, an entry's words stand in a row in the role's exactly when
    /// its text is part of the role's.
    private let asciiEntries: [[UInt8]]?
    private static let builtInASCIIEntries = asciiTexts(builtInEntries)

    /// The entry `role` matches, if any.
    public func match(_ role: String?) -> Bool {
        guard let role else { return false }
        if let asciiEntries, let text = Self.asciiText(role) {
            return asciiEntries.contains { Self.bytes($0, standIn: text) }
        }
        return matchByCharacters(role)
    }

    /// `words(text)` for ASCII text, joined as the entries are (letters and digits are then
    /// `[A-Za-z0-9]`); nil for other text.
    private static func asciiText(_ text: String) -> [UInt8]? {
        var out: [UInt8] = [UInt8(ascii: " ")]
        out.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(byte)
            default: if out.last != UInt8(ascii: " ") { out.append(UInt8(ascii: " ")) }
            }
        }
        if out.last != UInt8(ascii: " ") { out.append(UInt8(ascii: " ")) }
        return out
    }

    private static func asciiTexts(_ entries: [[Substring]]) -> [[UInt8]]? {
        guard entries.allSatisfy({ $0.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } }) else { return nil }
        return entries.map { Array((" " + $0.joined(separator: " ") + " ").utf8) }
    }

    /// Whether `part` stands anywhere in `text`.
    private static func bytes(_ part: [UInt8], standIn text: [UInt8]) -> Bool {
        guard part.count <= text.count else { return false }
        return part.withUnsafeBufferPointer { p in
            text.withUnsafeBufferPointer { t in
                (0...(t.count - p.count)).contains { start in memcmp(t.baseAddress! + start, p.baseAddress!, p.count) == 0 }
            }
        }
    }

    /// The definition, on Characters: `match` gives the same answer faster for ASCII (a test checks).
    func matchByCharacters(_ role: String) -> Bool {
        let words = Self.words(role)
        return entries.contains { entry in
            guard entry.count <= words.count else { return false }
            return (0...(words.count - entry.count)).contains { start in words[start..<(start + entry.count)].elementsEqual(entry) }
        }
    }

    /// Lower-case words: runs of letters and digits.
    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }
}
