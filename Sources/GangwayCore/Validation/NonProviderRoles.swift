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
        entries = Self.builtInEntries + extra.map(Self.words).filter { !$0.isEmpty }
    }

    /// The entry `role` matches, if any.
    public func match(_ role: String?) -> Bool {
        guard let role else { return false }
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
