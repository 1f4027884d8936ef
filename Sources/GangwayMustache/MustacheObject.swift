/// String keys to values, keeping the order keys were first set in (a reference document can
/// list a context's keys as the code builds them).
public struct MustacheObject: Sendable {
    private struct Entry: Sendable {
        var key: String
        var hash: Int
        var value: MustacheValue
    }

    private var entries: [Entry] = []
    /// An open-addressing table of entry positions by key hash, for objects too large to scan:
    /// `slots.count` is a power of two at least twice the entry count, -1 marks a free slot.
    private var slots: [Int32] = []
    private static let scanLimit = 8

    public init() {}

    /// A later pair with the same key replaces the earlier one's value and keeps its place.
    public init(_ pairs: [(String, MustacheValue)]) {
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// Setting `nil` removes the key.
    public subscript(key: String) -> MustacheValue? {
        get {
            let key = HashedKey(key)
            return position(of: key).map { entries[$0].value }
        }
        set {
            let key = HashedKey(key)
            if let i = position(of: key) {
                if let newValue {
                    entries[i].value = newValue
                } else {
                    entries.remove(at: i)
                    rebuildSlots()
                }
            } else if let newValue {
                entries.append(Entry(key: key.text, hash: key.hash, value: newValue))
                if entries.count > Self.scanLimit {
                    if slots.count < entries.count * 2 { rebuildSlots() } else { insertSlot(entries.count - 1) }
                }
            }
        }
    }

    /// In insertion order.
    public var keys: [String] { entries.map(\.key) }

    public var count: Int { entries.count }

    /// The renderer's lookup, by a key hashed when the template compiled.
    func value(for key: HashedKey) -> MustacheValue? {
        guard let i = position(of: key) else { return nil }
        return entries[i].value
    }

    private func position(of key: HashedKey) -> Int? {
        if slots.isEmpty {
            var i = 0
            while i < entries.count {
                if entries[i].hash == key.hash && entries[i].key == key.text { return i }
                i += 1
            }
            return nil
        }
        let mask = slots.count - 1
        var slot = key.hash & mask
        while true {
            let i = Int(slots[slot])
            if i < 0 { return nil }
            if entries[i].hash == key.hash && entries[i].key == key.text { return i }
            slot = (slot + 1) & mask
        }
    }

    private mutating func rebuildSlots() {
        guard entries.count > Self.scanLimit else {
            slots = []
            return
        }
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        for i in entries.indices { insertSlot(i) }
    }

    private mutating func insertSlot(_ i: Int) {
        let mask = slots.count - 1
        var slot = entries[i].hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(i)
    }
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
