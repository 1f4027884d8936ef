/// String keys to values, keeping the order keys were first set in (a reference document can
/// list a context's keys as the code builds them).
public struct MustacheObject: Sendable {
    private var entries: [(key: String, value: MustacheValue)] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// A later pair with the same key replaces the earlier one's value and keeps its place.
    public init(_ pairs: [(String, MustacheValue)]) {
        entries.reserveCapacity(pairs.count)
        index.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// Setting `nil` removes the key.
    public subscript(key: String) -> MustacheValue? {
        get {
            guard let i = index[key] else { return nil }
            return entries[i].value
        }
        set {
            if let i = index[key] {
                if let newValue {
                    entries[i].value = newValue
                } else {
                    entries.remove(at: i)
                    index[key] = nil
                    for j in i..<entries.count { index[entries[j].key] = j }
                }
            } else if let newValue {
                index[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    /// In insertion order.
    public var keys: [String] { entries.map(\.key) }

    public var count: Int { entries.count }
}

extension MustacheObject: Equatable {
    /// Same keys with equal values, whatever their order.
    public static func == (a: MustacheObject, b: MustacheObject) -> Bool {
        a.count == b.count && a.entries.allSatisfy { b[$0.key] == $0.value }
    }
}

extension MustacheObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) { self.init(elements) }
}
