import Foundation

/// What the rules compare a case file with: the site's configuration, its guides and today.
public struct ValidationContext: Sendable {
    public var config: SiteConfig
    /// The guides that loaded, by name.
    public var guides: [String: Guide]
    /// The folders of `content/guides/`, loaded or not: a case file naming one that failed to
    /// load is not told it does not exist (the guide's own errors say what is wrong).
    public var guideFolders: Set<String>
    /// True when `content/guides/` is there but cannot be listed: whether a guide exists is then
    /// unknown, and the folder has its own error, so no case file is told its guide does not exist.
    public var guideFoldersUnknown: Bool
    public var today: Day

    public init(config: SiteConfig, guides: [Guide], guideFolders: Set<String>, guideFoldersUnknown: Bool = false, today: Day) {
        self.config = config
        self.guides = Dictionary(guides.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.guideFolders = guideFolders
        self.guideFoldersUnknown = guideFoldersUnknown
        self.today = today
    }
}

/// The one entry point to every rule of SPEC.md's error and warning lists that is not about
/// reading a file (syntax, types and unknown keys are the loaders'). `build`, `check` and `serve`
/// all reach it through `SiteLoader`: the whole site at once, or one guide or one case file when
/// `serve` reloads a part. The diagnostics of the parts, put together, are those of the whole.
public enum Validator {
    /// Every rule over a loaded site. `environment` is the build's (for `GANGWAY_URL_SECRET`);
    /// nil leaves the rules on the environment out.
    public static func validate(guides: [Guide], caseFiles: [CaseFile], context: ValidationContext,
                                environment: [String: String]?) -> [Diagnostic] {
        var out = environment.map { validate(config: context.config, environment: $0) } ?? []
        for guide in guides { out += validate(guide: guide) }
        for d in Parallel.map(caseFiles, { validate(caseFile: $0, in: context) }) { out += d }
        return out
    }

    /// The rules on gangway.yml that depend on the environment.
    public static func validate(config: SiteConfig, environment: [String: String]) -> [Diagnostic] {
        ClinicURLSecretRule.check(config, environment: environment)
    }

    /// The rules on one guide and its steps.
    public static func validate(guide: Guide) -> [Diagnostic] {
        DuplicateStepIDRule.check(guide) + GuideStepsRule.check(guide) + PlaceholderRules.check(guide)
    }

    /// The rules on one case file, against its guide and today.
    public static func validate(caseFile c: CaseFile, in context: ValidationContext) -> [Diagnostic] {
        var out = GuideReferenceRule.check(c, in: context) + PlaceholderRules.check(c)
        let records = StepRecordRules.check(c)
        out += records.map(\.diagnostic)
        guard c.hasRequiredKeys, let guide = context.guides[c.guide] else { return out }
        func warnings(_ c: CaseFile) -> [Diagnostic] {
            ProviderRules.check(c, roles: NonProviderRoles(extra: context.config.nonProviderRoles))
                + ContactRules.check(c)
                + RequirementRule.check(c, guide: guide)
                + ExistingLinkRule.check(c, guide: guide)
                + StepOrderRule.check(c, guide: guide)
                + DoneDateRule.check(c, guide: guide)
                + FutureDateRule.check(c, today: context.today)
        }
        guard !records.isEmpty else { return out + warnings(c) }
        // A step with an error is left alone by the warnings: its error is the one worth reading.
        var marked = c
        marked.unreadableSteps.formUnion(records.map(\.step))
        return out + warnings(marked)
    }
}
