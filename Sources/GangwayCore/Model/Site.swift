import Foundation

/// A loaded site: everything a build needs, checked, as plain values.
public struct Site: Sendable {
    public var config: SiteConfig
    public var guides: [Guide]
    public var clinics: [CaseFile]
    public var pages: [FreePage]
    public var theme: Theme

    public func guide(named name: String) -> Guide? { guides.first { $0.name == name } }
}
