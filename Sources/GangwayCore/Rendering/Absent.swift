import Mustache

/// A value that is explicitly not there. Mustache looks a missing key up in the enclosing
/// contexts, so a step without a `note` would otherwise show its clinic's; setting the key
/// to `Absent` stops the lookup, renders as nothing, and counts as false in sections.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets `key` to `value`, or to `Absent` when there is none.
    mutating func put(_ key: String, _ value: Any?) {
        self[key] = value ?? Absent()
    }
}
