import GangwayMustache
import Mustache

/// Renders with swift-mustache 2.x, the engine Gangway used before, for the differential tests
/// and the benchmark.
public enum SwiftMustacheBridge {
    /// How Gangway stopped a lookup with swift-mustache (Rendering/Absent.swift).
    public struct Absent: MustacheCustomRenderable {
        public var renderText: String { "" }
        public var isNull: Bool { true }
    }

    public static func any(_ value: MustacheValue) -> Any {
        switch value {
        case .null: Absent()
        case .bool(let b): b
        case .int(let i): i
        case .double(let d): d
        case .string(let s): s
        case .list(let items): items.map(any)
        case .object(let object): Dictionary(uniqueKeysWithValues: object.keys.map { ($0, any(object[$0]!)) }) as [String: Any]
        }
    }

    /// The templates as a swift-mustache library, or nil when one does not parse.
    public static func library(_ sources: [TemplateSource]) -> MustacheLibrary? {
        var library = MustacheLibrary()
        for source in sources {
            guard let template = try? MustacheTemplate(string: source.text) else { return nil }
            library.register(template, named: source.name)
        }
        return library
    }

    /// The rendering of `name`, or nil when a template does not parse.
    public static func render(_ sources: [TemplateSource], _ name: String, _ context: MustacheValue) -> String? {
        library(sources)?.render(any(context), withTemplate: name)
    }
}
