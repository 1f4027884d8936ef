import Foundation

/// A loaded site: its content, checked, as plain values. The theme that renders it is loaded
/// beside it (`SiteLoader.Result.theme`) and meets it in `RenderInput`.
public struct Site: Sendable {
    public var config: SiteConfig
    public var guides: [Guide]
    public var clinics: [CaseFile]
    public var pages: [FreePage]

    public func guide(named name: String) -> Guide? { guides.first { $0.name == name } }
}
