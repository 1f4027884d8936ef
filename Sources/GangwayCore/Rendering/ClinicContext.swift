/// `asingh@lakeshore.example` becomes `a•••@lakeshore.example`.
public enum EmailMask {
    public static func mask(_ email: String) -> String {
        guard let at = email.lastIndex(of: "@"), let first = email.first, at != email.startIndex else { return "•••" }
        return String(first) + "\u{2022}\u{2022}\u{2022}" + email[at...]
    }
}
