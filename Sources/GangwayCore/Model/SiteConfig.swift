/// gangway.yml, with SPEC.md's defaults.
public struct SiteConfig: Sendable {
    public enum ClinicURLs: String, Sendable, CaseIterable {
        case slug
        case token
    }

    public var title: String
    public var baseURL: String
    public var language: String
    public var timezone: String
    public var dashboard: Bool
    public var clinicURLs: ClinicURLs
    public var publishEmails: Bool
    public var unsafeHTML: Bool
    /// Roles added to `NonProviderRoles.builtIn`.
    public var nonProviderRoles: [String]

    public init(title: String) {
        self.title = title
        self.baseURL = "https://onboarding.example.org/"
        self.language = "en"
        self.timezone = "America/Toronto"
        self.dashboard = false
        self.clinicURLs = .slug
        self.publishEmails = false
        self.unsafeHTML = false
        self.nonProviderRoles = []
    }

    static let keys = KeyTable.config.keys
}
