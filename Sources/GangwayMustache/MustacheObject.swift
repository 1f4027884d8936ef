import Synchronization

/// String keys to values, keeping the order keys were first set in (a reference document can
/// list a context's keys as the code builds them).
///
/// An object is a key table and one value per key. Built key by key, it has a table of its own.
/// Built by a `MustacheShape`, it shares that shape's table (keys hashed and tabled once for every
/// object of the shape) and holds only its values: a build makes tens of thousands of objects with
/// the same keys (a checklist row, a dashboard row), and hashing their keys and tabling them one
/// object at a time was 3 % of a 10,000-clinic build.
public struct MustacheObject: Sendable {
    /// One reference, so that copying an object (the renderer does, at each level of the context
    /// stack it looks through) costs one retain. Never changed once made: setting a key makes a new
    /// one, so a lookup reads `let`s, with none of the exclusivity checks a class's `var`s cost on
    /// every read (`swift_beginAccess` was a tenth of the renderer's lookups).
    private let storage: Storage
    static let scanLimit = 8

    public init() { storage = Storage(table: KeyTable.empty, values: []) }

    /// A later pair with the same key replaces the earlier one's value and keeps its place.
    public init(_ pairs: [(String, MustacheValue)]) {
        var keys: [HashedKey] = []
        var values: [MustacheValue?] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        var index: [String: Int] = [:]
        for (key, value) in pairs {
            let key = HashedKey(key)
            let found = pairs.count > 16
                ? index[key.text]
                : keys.firstIndex { $0.hash == key.hash && $0.text == key.text }
            if let found {
                values[found] = value
            } else {
                if pairs.count > 16 { index[key.text] = keys.count }
                keys.append(key)
                values.append(value)
            }
        }
        storage = Storage(table: KeyTable(distinct: keys), values: values)
    }

    fileprivate init(storage: Storage) {
        self.storage = storage
    }

    /// Setting `nil` removes the key.
    public subscript(key: String) -> MustacheValue? {
        get {
            storage.value(for: HashedKey(key))
        }
        set {
            self = MustacheObject(storage: storage.setting(newValue, for: HashedKey(key)))
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
    /// An object's keys (its own table, or its shape's) and one value per key.
    fileprivate final class Storage: Sendable {
        let table: KeyTable
        /// One value per key of the table; nil for a key left out.
        let values: [MustacheValue?]

        init(table: KeyTable, values: [MustacheValue?]) {
            self.table = table
            self.values = values
        }

        var keys: [String] {
            zip(table.keys, values).compactMap { $1 == nil ? nil : $0.text }
        }

        func value(for key: HashedKey) -> MustacheValue? {
            guard let i = table.position(of: key) else { return nil }
            return values[i]
        }

        /// This storage with `key` set to `newValue`, in place when the key is there; nil removes
        /// it. A key added goes last, and a removed key's place goes with it, so keys keep the
        /// order they were set in.
        func setting(_ newValue: MustacheValue?, for key: HashedKey) -> Storage {
            let present = table.position(of: key).flatMap { values[$0] == nil ? nil : $0 }
            if let present, let newValue {
                var values = values
                values[present] = newValue
                return Storage(table: table, values: values)
            }
            guard present != nil || newValue != nil else { return self }
            var kept = zip(table.keys, values).compactMap { key, value in value.map { (key, $0) } }
            if let newValue { kept.append((key, newValue)) } else { kept.removeAll { $0.0.text == key.text } }
            return Storage(table: KeyTable(distinct: kept.map(\.0)), values: kept.map(\.1))
        }
    }
}

/// Distinct keys, hashed, with a slot table when there are too many to scan: an object's own,
/// or shared by every object of one `MustacheShape`.
final class KeyTable: Sendable {
    let keys: [HashedKey]
    /// An open-addressing table of key positions by hash, for tables too large to scan:
    /// `slots.count` is a power of two at least twice the key count, -1 marks a free slot.
    private let slots: [Int32]

    static let empty = KeyTable(distinct: [])

    /// nil when `names` repeats one.
    convenience init?(_ names: [String]) {
        guard Set(names).count == names.count else { return nil }
        self.init(distinct: names.map(HashedKey.init))
    }

    /// `keys` holds no key twice.
    init(distinct keys: [HashedKey]) {
        self.keys = keys
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
/// a key twice) make an object with a table of its own.
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
        if let shared { return MustacheObject(storage: MustacheObject.Storage(table: shared, values: values)) }
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
