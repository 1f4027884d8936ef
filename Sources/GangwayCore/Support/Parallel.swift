import Dispatch
import Foundation

/// Runs independent work on all cores and keeps results in input order, so output never
/// depends on scheduling.
enum Parallel {
    /// `GANGWAY_THREADS=n` caps the workers at n (tests prove output does not depend on it);
    /// unset, Dispatch uses every core.
    static let threadLimit: Int? = ProcessInfo.processInfo.environment["GANGWAY_THREADS"].flatMap(Int.init).map { max(1, $0) }

    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        let results = ResultBox<R>(count: items.count)
        let workers = min(threadLimit ?? items.count, items.count)
        items.withUnsafeBufferPointer { buffer in
            let base = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                // With a cap, worker w takes items w, w + workers, …; without one, one item each.
                for i in stride(from: w, to: base.value.count, by: workers) {
                    results.set(i, body(base.value[i]))
                }
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
