import Dispatch
import Foundation

/// Runs independent work on all cores and keeps results in input order, so output never
/// depends on scheduling. Gangway's one concurrency helper: loading, checking and rendering
/// clinics, in `build` and in `serve`.
public enum Parallel {
    /// `GANGWAY_THREADS=n` caps the workers at n (tests prove output does not depend on it);
    /// unset, Dispatch uses every core.
    static let threadLimit: Int? = ProcessInfo.processInfo.environment["GANGWAY_THREADS"].flatMap(Int.init).map { max(1, $0) }

    /// `items.map(body)`, run concurrently.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        let slots = LockedValue<[R?]>(Array(repeating: nil, count: items.count))
        let workers = min(threadLimit ?? items.count, items.count)
        items.withUnsafeBufferPointer { buffer in
            let base = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                // With a cap, worker w takes items w, w + workers, …; without one, one item each.
                for i in stride(from: w, to: base.value.count, by: workers) {
                    let value = body(base.value[i])
                    slots.withLock { $0[i] = value }
                }
            }
        }
        return slots.withLock { $0.map { $0! } }
    }
}

struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
