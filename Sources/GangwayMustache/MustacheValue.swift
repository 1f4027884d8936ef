/// A value a template renders: Gangway's page data as a closed, typed tree. A lookup is a
/// dictionary access and a switch, never a runtime cast or reflection.
public enum MustacheValue: Sendable, Equatable {
    /// Present but nothing: stops the context-stack lookup (a step without a note does not show
    /// its clinic's), is falsy in sections and renders as nothing.
    case null
    /// Renders `true` or `false`; `false` is falsy.
    case bool(Bool)
    case int(Int)
    /// For the spec suite's decimals; Gangway itself uses `int`.
    case double(Double)
    /// `{{x}}` escapes it, `{{{x}}}` and `{{&x}}` do not. Always truthy, even when empty.
    case string(String)
    /// A section renders once per element; an empty list is falsy.
    case list([MustacheValue])
    case object(MustacheObject)

    /// `nil` becomes `.null`, so a missing optional stops the lookup instead of falling through.
    public init(_ value: MustacheValue?) {
        self = value ?? .null
    }

    /// A text that may be missing: `nil` is `.null`.
    public static func optional(_ text: String?) -> MustacheValue {
        text.map(MustacheValue.string) ?? .null
    }

    /// A number that may be missing: `nil` is `.null`.
    public static func optional(_ number: Int?) -> MustacheValue {
        number.map(MustacheValue.int) ?? .null
    }

    /// Whether a section shows: everything except null, `false` and the empty list. Zero and the
    /// empty string are truthy, as in swift-mustache.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .list(let items): !items.isEmpty
        case .int, .double, .string, .object: true
        }
    }
}

extension MustacheValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension MustacheValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) { self = .object(MustacheObject(elements)) }
}
