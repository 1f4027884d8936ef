extension MappingReader {
    /// A required text value, unless the key is missing because it was misspelt: `clinc:` is
    /// reported once, as an unknown key with its suggestion, not also as a missing `clinic`.
    /// `misspelt` is what `checkKeys(known:into:)` returned.
    func requiredString(_ key: String, hint: String, misspelt: Set<String>, into diagnostics: inout [Diagnostic]) -> String? {
        if !has(key) && misspelt.contains(key) { return nil }
        return requiredString(key, hint: hint, into: &diagnostics)
    }
}
