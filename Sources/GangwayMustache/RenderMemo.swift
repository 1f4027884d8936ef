import Synchronization

/// The renderings of list items that several pages repeat, shared by the renders given it: the
/// team site lists each clinic's dashboard row on four or five pages, and rendering each row once
/// instead took a twentieth off a 10,000-clinic build.
///
/// An item's bytes are kept only when they can depend on nothing but the item and the section's
/// body: the item is an object, the body holds no partial, parent or block, no indentation is in
/// force, and every name looked up while rendering it was found within the item (a name that fell
/// through to an enclosing context would read what differs from page to page). The memo holds
/// each item it keeps, so an item's identity is never reused while the memo lives.
public final class RenderMemo: Sendable {
    struct Key: Hashable {
        let template: Int
        let body: Int
        let item: ObjectIdentifier
    }

    private struct State {
        var items: [Key: (item: MustacheObject, bytes: [UInt8])] = [:]
        /// Whether a body (by its first op) holds no partial, parent or block.
        var plainBodies: [Int: Bool] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    func bytes(for key: Key) -> [UInt8]? {
        state.withLock { $0.items[key]?.bytes }
    }

    func keep(_ bytes: [UInt8], of item: MustacheObject, for key: Key) {
        state.withLock { $0.items[key] = (item, bytes) }
    }

    func isPlain(_ body: Range<Int>, in program: Program) -> Bool {
        if let known = state.withLock({ $0.plainBodies[body.lowerBound] }) { return known }
        let plain = !program.ops[body].contains { $0.code == .partial || $0.code == .parent || $0.code == .block }
        state.withLock { $0.plainBodies[body.lowerBound] = plain }
        return plain
    }

    /// How many items are kept (for the tests).
    public var count: Int { state.withLock { $0.items.count } }
}
