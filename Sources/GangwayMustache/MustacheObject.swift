import Synchronization

/// String keys to values, keeping the order keys were first set in (a reference document can
/// list a context's keys as the code builds them).
///
/// An object is stored one of two ways. Built key by key, it holds its own entries. Built by a
/// `MustacheShape`, it shares that shape's key table (keys hashed and tabled once for every object
/// of the shape) and holds only its values: a build makes tens of thousands of objects with the
/// same keys (a checklist row, a dashboard row), and hashing their keys and tabling them one object
/// at a time was 3 % of a 10,000-clinic build. Both answer every lookup alike.
public struct MustacheObject: Sendable {
    fileprivate struct Entry: Sendable {
        var key: String
        var hash: Int
        var value: MustacheValue
    }

    /// One reference, so that copying an object (the renderer does, at each level of the context
    /// stack it looks through) costs one retain. Never changed once made: setting a key makes a new
    /// one, so a lookup reads `let`s, with none of the exclusivity checks a class's `var`s cost on
    /// every read (`swift_beginAccess` was a tenth of the renderer's lookups).
    private var storage: Storage
    static let scanLimit = 8

    public init() { storage = Storage(entries: []) }

    /// A later pair with the same key replaces the earlier one's value and keeps its place.
    public init(_ pairs: [(String, MustacheValue)]) {
        var entries: [Entry] = []
        entries.reserveCapacity(pairs.count)
        var index: [String: Int] = [:]
        for (key, value) in pairs {
            let key = HashedKey(key)
            let found = pairs.count > 16
                ? index[key.text]
                : entries.firstIndex { $0.hash == key.hash && $0.key == key.text }
            if let found {
                entries[found].value = value
            } else {
                if pairs.count > 16 { index[key.text] = entries.count }
                entries.append(Entry(key: key.text, hash: key.hash, value: value))
            }
        }
        storage = Storage(entries: entries)
    }

    fileprivate init(table: KeyTable, values: [MustacheValue?]) {
        storage = Storage(table: table, values: values)
    }

    /// Setting `nil` removes the key.
    public subscript(key: String) -> MustacheValue? {
        get {
            storage.value(for: HashedKey(key))
        }
        set {
            storage = storage.setting(newValue, for: HashedKey(key))
        }
    }

    /// In insertion order.
    public var keys: [String] { storage.keys }

    public var count: Int { storage.keys.count }

    /// The renderer's lookup, by a key hashed when the template compiled.
    func value(for key: HashedKey) -> MustacheValue? {
        storage.value(for: key)
    }

    /// The same for every copy of this object, and for no other object while this one lives
    /// (its storage never changes: setting a key makes a new one).
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }
}

extension MustacheObject {
    /// An object's keys and values: its own entries, or a shared key table and one value per key.
    fileprivate final class Storage: Sendable {
        let entries: [Entry]
        /// An open-addressing table of entry positions by key hash, for objects too large to scan:
        /// `slots.count` is a power of two at least twice the entry count, -1 marks a free slot.
        let slots: [Int32]
        /// With a shared key table: one value per key of the table, nil for a key left out.
        let table: KeyTable?
        let values: [MustacheValue?]

        init(entries: [Entry]) {
            self.entries = entries
            table = nil
            values = []
            guard entries.count > MustacheObject.scanLimit else {
                slots = []
                return
            }
            var size = 16
            while size < entries.count * 4 { size *= 2 }
            var slots = [Int32](repeating: -1, count: size)
            for (i, entry) in entries.enumerated() {
                var slot = entry.hash & (size - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = Int32(i)
            }
            self.slots = slots
        }

        init(table: KeyTable, values: [MustacheValue?]) {
            entries = []
            slots = []
            self.table = table
            self.values = values
        }

        var keys: [String] {
            guard let table else { return entries.map(\.key) }
            return zip(table.keys, values).compactMap { $1 == nil ? nil : $0.text }
        }

        func value(for key: HashedKey) -> MustacheValue? {
            if let table {
                guard let i = table.position(of: key) else { return nil }
                return values[i]
            }
            guard let i = position(of: key) else { return nil }
            return entries[i].value
        }

        /// This storage with `key` set to `newValue` (nil removes it).
        func setting(_ newValue: MustacheValue?, for key: HashedKey) -> Storage {
            var entries = entries
            if let table {
                if let i = table.position(of: key) {
                    var values = values
                    values[i] = newValue
                    return Storage(table: table, values: values)
                }
                guard newValue != nil else { return self }
                // A key the shared table lacks: the object takes entries of its own.
                entries = zip(table.keys, values).compactMap { key, value in value.map { Entry(key: key.text, hash: key.hash, value: $0) } }
            }
            if let i = entries.firstIndex(where: { $0.hash == key.hash && $0.key == key.text }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(key: key.text, hash: key.hash, value: newValue))
            }
            return Storage(entries: entries)
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
    }
}

/// Distinct keys, hashed, with a slot table when there are too many to scan: shared by every
/// object of one `MustacheShape`.
final class KeyTable: Sendable {
    let keys: [HashedKey]
    private let slots: [Int32]

    /// nil when `keys` repeats one.
    init?(_ names: [String]) {
        guard Set(names).count == names.count else { return nil }
        keys = names.map(HashedKey.init)
        guard keys.count > MustacheObject.scanLimit else {
            slots = []
            return
        }
        var size = 16
        while size < keys.count * 4 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (i, key) in keys.enumerated() {
            var slot = key.hash & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(i)
        }
        self.slots = slots
    }

    func position(of key: HashedKey) -> Int? {
        if slots.isEmpty {
            var i = 0
            while i < keys.count {
                if keys[i].hash == key.hash && keys[i].text == key.text { return i }
                i += 1
            }
            return nil
        }
        let mask = slots.count - 1
        var slot = key.hash & mask
        while true {
            let i = Int(slots[slot])
            if i < 0 { return nil }
            if keys[i].hash == key.hash && keys[i].text == key.text { return i }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `pairs` has these keys, in this order.
    func matches(_ pairs: KeyValuePairs<String, MustacheValue?>) -> Bool {
        guard pairs.count == keys.count else { return false }
        // The keys are literals at a shape's call site: equal strings compare by their bits first.
        for (i, pair) in pairs.enumerated() where pair.key != keys[i].text { return false }
        return true
    }
}

/// The keys of one kind of object a program makes many of, in a `static let` beside the code
/// that makes them: the first object made tables its keys, every later one with the same keys
/// shares that table. Any keys give a correct object: pairs with other keys than the table's (or
/// a key twice) make an object of their own entries.
public final class MustacheShape: Sendable {
    private let table = Mutex<KeyTable?>(nil)

    public init() {}

    /// An object of `pairs`; a nil value leaves its key out, as if it were not there.
    public func object(_ pairs: KeyValuePairs<String, MustacheValue?>) -> MustacheObject {
        let values = pairs.map(\.value)
        let shared = table.withLock { table -> KeyTable? in
            if let table { return table.matches(pairs) ? table : nil }
            table = KeyTable(pairs.map(\.key))
            return table
        }
        if let shared { return MustacheObject(table: shared, values: values) }
        var object = MustacheObject()
        for (key, value) in pairs where value != nil { object[key] = value }
        return object
    }
}

extension MustacheObject: Equatable {
    /// Same keys with equal values, whatever their order.
    public static func == (a: MustacheObject, b: MustacheObject) -> Bool {
        a.count == b.count && a.keys.allSatisfy { b[$0] == a[$0] }
    }
}

extension MustacheObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) { self.init(elements) }
}
