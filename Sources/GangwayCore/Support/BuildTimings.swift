import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `gangway build --timings` measures: the wall and CPU time of each step of the pipeline,
/// and each template's render time, as Hugo's `--templateMetrics` does.
///
/// The steps are measured two ways. The orchestrating thread runs *regions* (load, validate,
/// render, and write's staging and swap) one after another, possibly nested (validate inside
/// load); a region's time excludes the regions nested in it, so the steps' wall times add up to
/// the build's. Inside the render region every core derives, renders and writes clinic by
/// clinic: those *calls* (derive, write) are timed on the thread that makes them, with its own
/// CPU clock, and their CPU time is moved from the render region to their step.
///
/// `BuildTimings.off` measures nothing: each method is one branch and the body.
public final class BuildTimings: Sendable {
    public enum Step: String, CaseIterable, Sendable {
        case load, validate, derive, render, write
    }

    /// The recorder of a build run without `--timings`.
    public static let off = BuildTimings(enabled: false)

    public let enabled: Bool
    private let state = LockedValue(State())

    public init() { self.enabled = true }

    private init(enabled: Bool) { self.enabled = enabled }

    /// Runs `body` as the region of `step` on the orchestrating thread.
    public func region<R>(_ step: Step, _ body: () throws -> R) rethrows -> R {
        guard enabled else { return try body() }
        let start = (wall: Clock.wall(), cpu: Clock.process())
        state.withLock { $0.open.append(Frame(callCPUAtStart: $0.callCPU)) }
        defer {
            let wall = Clock.wall() - start.wall, cpu = Clock.process() - start.cpu
            state.withLock { s in
                let frame = s.open.removeLast()
                s.steps[step, default: Totals()].wall += wall - frame.nestedWall
                s.steps[step, default: Totals()].cpu += cpu - frame.nestedCPU - (s.callCPU - frame.callCPUAtStart)
                s.steps[step, default: Totals()].regions = true
                if !s.open.isEmpty {
                    s.open[s.open.count - 1].nestedWall += wall
                    s.open[s.open.count - 1].nestedCPU += cpu - (s.callCPU - frame.callCPUAtStart)
                }
            }
        }
        return try body()
    }

    /// Runs `body` as one call of `step` (derive, write) on any thread, inside a region.
    public func call<R>(_ step: Step, _ body: () throws -> R) rethrows -> R {
        guard enabled else { return try body() }
        return try onThisThread(body) { s, wall, cpu in
            s.steps[step, default: Totals()].cpu += cpu
            s.steps[step, default: Totals()].busy += wall
            s.steps[step, default: Totals()].calls = true
            s.callCPU += cpu
        }
    }

    /// Runs `body`, the rendering of one page by the template named `name`, on any thread.
    public func template<R>(_ name: String, _ body: () throws -> R) rethrows -> R {
        guard enabled else { return try body() }
        return try onThisThread(body) { s, wall, cpu in
            var t = s.templates[name, default: TemplateTotals()]
            t.count += 1
            t.wall += wall
            t.cpu += cpu
            t.slowest = max(t.slowest, wall)
            s.templates[name] = t
        }
    }

    /// How many times each template rendered, by name.
    public var templateCounts: [String: Int] {
        state.withLock { $0.templates.mapValues(\.count) }
    }

    /// The figures as `--timings` prints them.
    public var text: String {
        let (steps, templates) = state.withLock { ($0.steps, $0.templates) }
        let threads = Parallel.threadLimit ?? ProcessInfo.processInfo.activeProcessorCount
        var out = "timings on \(threads) \(threads == 1 ? "thread" : "threads"): wall is elapsed time, cpu is CPU time summed over threads"
        if steps[.render] != nil {
            out += "; derive and write run inside render, clinic by clinic on every thread, so their wall is only their own part "
                + "(write's: staging and swapping the folders) and busy is the wall time of their calls summed over threads"
        }
        out += "\n"
        var table = [["step", "wall", "cpu", "busy"]]
        var total = Totals()
        for step in Step.allCases {
            guard let t = steps[step] else { continue }
            table.append([step.rawValue, t.regions ? Self.ms(t.wall) : "-", Self.ms(t.cpu), t.calls ? Self.ms(t.busy) : ""])
            total.wall += t.wall
            total.cpu += t.cpu
        }
        table.append(["total", Self.ms(total.wall), Self.ms(total.cpu), ""])
        out += Self.layout(table)
        guard !templates.isEmpty else { return out }
        out += "templates: each page kind's render time (the template alone, not its page values), slowest total first, top 10\n"
        var rows = [["template", "count", "total", "mean", "max", "cpu"]]
        let sorted = templates.sorted { $0.value.wall != $1.value.wall ? $0.value.wall > $1.value.wall : $0.key < $1.key }
        for (name, t) in sorted.prefix(10) {
            rows.append([name, String(t.count), Self.ms(t.wall), Self.ms(t.wall / Int64(t.count)), Self.ms(t.slowest), Self.ms(t.cpu)])
        }
        return out + Self.layout(rows)
    }
}

private extension BuildTimings {
    /// Runs `body`, then records its wall time and the calling thread's CPU time, in nanoseconds.
    func onThisThread<R>(_ body: () throws -> R, record: (inout State, _ wall: Int64, _ cpu: Int64) -> Void) rethrows -> R {
        let start = (wall: Clock.wall(), cpu: Clock.thread())
        defer {
            let wall = Clock.wall() - start.wall, cpu = Clock.thread() - start.cpu
            state.withLock { record(&$0, wall, cpu) }
        }
        return try body()
    }

    /// One step's figures, in nanoseconds.
    struct Totals {
        var wall: Int64 = 0
        var cpu: Int64 = 0
        /// Wall time of the step's calls, summed over threads.
        var busy: Int64 = 0
        /// Whether the step ran as a region, and as calls.
        var regions = false
        var calls = false
    }

    struct TemplateTotals {
        var count = 0
        var wall: Int64 = 0
        var cpu: Int64 = 0
        var slowest: Int64 = 0
    }

    /// An open region: what the regions nested in it took, and the calls' CPU when it opened.
    struct Frame {
        var nestedWall: Int64 = 0
        var nestedCPU: Int64 = 0
        let callCPUAtStart: Int64

        init(callCPUAtStart: Int64) { self.callCPUAtStart = callCPUAtStart }
    }

    struct State {
        var steps: [Step: Totals] = [:]
        var templates: [String: TemplateTotals] = [:]
        var open: [Frame] = []
        /// CPU time of every call so far, so a region can leave its calls' share to their steps.
        var callCPU: Int64 = 0
    }

    enum Clock {
        static func wall() -> Int64 { read(CLOCK_MONOTONIC) }
        /// CPU time of every thread of the process.
        static func process() -> Int64 { read(CLOCK_PROCESS_CPUTIME_ID) }
        /// CPU time of the calling thread.
        static func thread() -> Int64 { read(CLOCK_THREAD_CPUTIME_ID) }

        private static func read(_ clock: clockid_t) -> Int64 {
            var ts = timespec()
            clock_gettime(clock, &ts)
            return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
        }
    }

    /// Nanoseconds as milliseconds: `412.3 ms`, or `0.042 ms` below a millisecond.
    static func ms(_ ns: Int64) -> String {
        let value = Double(max(ns, 0)) / 1_000_000
        return String(format: value < 1 ? "%.3f ms" : "%.1f ms", value)
    }

    /// Rows as columns: the first left-aligned, the others right-aligned, indented two spaces.
    static func layout(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }
            return "  " + cells.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
