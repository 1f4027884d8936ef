import Dispatch
import Foundation

/// Runs independent work on all cores and keeps results in input order, so output never
/// depends on scheduling. Gangway's one concurrency helper: loading, checking and rendering
/// clinics, in `build` and in `serve`.
public enum Parallel {
    /// `GANGWAY_THREADS=n` caps the workers at n (tests prove output does not depend on it);
    /// unset, Dispatch uses every core.
    static let threadLimit: Int? = ProcessInfo.processInfo.environment["GANGWAY_THREADS"].flatMap(Int.init).map { max(1, $0) }

    /// `items.map(body)`, run concurrently. Each result is built in its own place in the array
    /// returned, never copied there: at 10,000 clinics, copying the views out of an array of
    /// optionals and destroying that array cost the main thread 40 ms alone.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        let workers = min(threadLimit ?? items.count, items.count)
        return items.withUnsafeBufferPointer { buffer in
            let base = UncheckedSendable(buffer)
            return Array(unsafeUninitializedCapacity: items.count) { results, count in
                let slots = UncheckedSendable(results.baseAddress)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    // With a cap, worker w takes items w, w + workers, …; without one, one item each.
                    // Every index is one worker's alone, and all have finished when concurrentPerform returns.
                    for i in stride(from: w, to: base.value.count, by: workers) {
                        (slots.value! + i).initialize(to: body(base.value[i]))
                    }
                }
                count = items.count
            }
        }
    }

    /// `items.map(body)`, run concurrently; when bodies throw, the error of the first item in
    /// input order that threw, whatever order they ran in.
    public static func throwingMap<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws -> R) throws -> [R] {
        var results = map(items) { item -> (value: R?, error: Error?) in
            do { return (try body(item), nil) } catch { return (nil, error) }
        }
        if let error = results.lazy.compactMap(\.error).first { throw error }
        // Moved out one by one: no result is copied.
        return Array(unsafeUninitializedCapacity: results.count) { out, count in
            for i in results.indices { (out.baseAddress! + i).initialize(to: results[i].value.take()!) }
            count = results.count
        }
    }
}

struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
