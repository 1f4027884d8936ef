/// Who acts on a step.
public enum Owner: String, Sendable, CaseIterable {
    case clinic
    case vendor
    case ocean
}

/// A case-file field that a step needs complete before it can start.
public enum Requirement: String, Sendable, CaseIterable {
    case signatory
    case providers
    case officeName = "office_name"
    case oceanContact = "ocean_contact"
}

/// One step of a guide, from its `NN-*.md` file; the body is rendered once, here.
public struct Step: Sendable {
    public var id: String
    public var title: String
    public var owner: Owner
    /// Who the clinic waits on while this step is `waiting`; by default the step's owner, or the vendor for a clinic step.
    public var waitOn: Owner?
    public var waitDays: Int?
    public var waitFor: String?
    public var requires: [Requirement]
    public var skipIfExistingLink: Bool
    public var bodyHTML: String
    public var file: String
    /// Where `id` was declared (front matter key, or line 1 when it came from the file name).
    public var idLocation: SourceLocation
    /// Where each front matter value sits, by key (for the placeholder rule).
    public var fieldLocations: [String: SourceLocation] = [:]
    /// The Markdown body as written, and the file line it starts on.
    public var bodySource = ""
    public var bodyLine = 1
}

/// A guide for one EMR: `content/guides/<name>/guide.md` and its steps.
public struct Guide: Sendable {
    public var name: String
    public var title: String
    public var emr: String?
    /// Who "vendor" means on this guide's pages, e.g. QHR. Defaults to `emr`.
    public var vendor: String?
    public var summary: String?
    public var introHTML: String
    public var steps: [Step]
    public var file: String
    /// Ids of step files that failed to load (their errors are reported): a case file naming
    /// one of them is not told the step does not exist.
    public var unreadableStepIDs: Set<String> = []
    /// Where each front matter value of guide.md sits, by key (for the placeholder rule).
    public var fieldLocations: [String: SourceLocation] = [:]
    /// The introduction as written, and the file line it starts on.
    public var introSource = ""
    public var introLine = 1

    public func step(id: String) -> Step? { steps.first { $0.id == id } }

    /// Display name of an owner on this guide's pages.
    public func ownerName(_ owner: Owner) -> String {
        switch owner {
        case .clinic: return "Clinic"
        case .ocean: return "Ocean"
        case .vendor: return vendor ?? emr ?? "Vendor"
        }
    }
}
