/// With `clinic_urls: token`, clinic folders are named from an HMAC of the slug under
/// `GANGWAY_URL_SECRET`; the build fails without it, or when it is too short to be unguessable
/// (SPEC.md, Private by default). The length rule itself is `ClinicFolders.problem(withSecret:)`.
enum ClinicURLSecretRule {
    static let variable = "GANGWAY_URL_SECRET"

    static func check(_ config: SiteConfig, environment: [String: String]) -> [Diagnostic] {
        guard config.clinicURLs == .token, let problem = ClinicFolders.problem(withSecret: environment[variable]) else { return [] }
        return [.error(problem.description, at: .whole(ConfigLoader.file))]
    }
}
