import Foundation
import GangwayMustache

/// JSON decoded into the engine's values, for the spec files and the context fixtures.
public enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), list([JSONValue]), object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let l = try? c.decode([JSONValue].self) { self = .list(l) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// Object keys sorted, so a context is the same on every run. JSON null is `.null`.
    public var value: MustacheValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .list(let l): .list(l.map(\.value))
        case .object(let o): .object(MustacheObject(o.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) }))
        }
    }

    /// The JSON file at `url` as a context.
    public static func context(at url: URL) throws -> MustacheValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url)).value
    }
}

/// The built-in theme's templates under `root/templates`, named by file name as Gangway names them.
public func themeSources(root: URL) -> [TemplateSource] {
    let folder = root.appendingPathComponent("templates")
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
    return files.filter { $0.pathExtension == "mustache" }.sorted { $0.path < $1.path }.map { url in
        TemplateSource(name: url.deletingPathExtension().lastPathComponent,
                       text: (try? String(contentsOf: url, encoding: .utf8)) ?? "",
                       file: String(url.path.dropFirst(root.path.count + 1)))
    }
}
