/// Names that become folder names in the output: `[a-z0-9][a-z0-9-]*`, at most `NameLimits.characters` long.
public enum Slug {
    public static func isValid(_ s: String) -> Bool {
        guard let first = s.utf8.first, isLowerAlnum(first) else { return false }
        return s.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// A valid slug close to an invalid name, for the hint.
    static func suggestion(for name: String) -> String? {
        var out = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > NameLimits.characters { out = String(out.prefix(NameLimits.characters)) }
        while out.hasSuffix("-") { out.removeLast() }
        return isValid(out) ? out : nil
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
    }
}
