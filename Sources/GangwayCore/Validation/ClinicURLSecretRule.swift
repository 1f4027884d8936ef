/// With `clinic_urls: token`, clinic folders are named from an HMAC of the slug under
/// `GANGWAY_URL_SECRET`; the build fails without it (SPEC.md, Private by default).
enum ClinicURLSecretRule {
    static let variable = "GANGWAY_URL_SECRET"

    static func check(_ config: SiteConfig, environment: [String: String]) -> [Diagnostic] {
        guard config.clinicURLs == .token, (environment[variable] ?? "").isEmpty else { return [] }
        return [.error(.missingSecret, at: .whole(ConfigLoader.file))]
    }
}

extension String {
    fileprivate static let missingSecret =
        "clinic_urls is 'token' but GANGWAY_URL_SECRET is not set: set it to a long random secret kept out of the repository"
}
