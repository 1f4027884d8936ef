import Foundation

/// Times every write into another sink as a call of the write step (`gangway build --timings`).
struct TimedSink: OutputSink {
    let base: OutputSink
    let timings: BuildTimings

    func write(_ path: String, _ data: Data) throws {
        try timings.call(.write) { try base.write(path, data) }
    }
}

extension OutputSink {
    /// This sink, its writes timed when `timings` is on; itself, untouched, when it is off.
    func timed(by timings: BuildTimings) -> OutputSink {
        timings.enabled ? TimedSink(base: self, timings: timings) : self
    }
}
