import Dispatch
import Foundation

/// Runs independent work on all cores and keeps results in input order, so output never
/// depends on scheduling.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        let results = ResultBox<R>(count: items.count)
        items.withUnsafeBufferPointer { buffer in
            let base = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                results.set(i, body(base.value[i]))
            }
        }
        return results.values()
    }
}

/// Slots written by index from many threads; each index is written once, read after all are done.
private final class ResultBox<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: R) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    func values() -> [R] { slots.map { $0! } }
}

struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
