import Foundation
import GangwayCore

/// One message to the open pages, sent as a Server-Sent Event.
enum LiveEvent: Sendable, Equatable {
    /// The site changed: reload the page.
    case reload(files: Int)
    /// Only these stylesheets changed (output paths): swap them without a reload.
    case css([String])
    /// The site has errors: show them over the page.
    case errors([Diagnostic])
    /// The errors are gone and nothing else changed: remove the overlay.
    case ok
    /// Keeps idle connections alive and finds the closed ones.
    case ping

    /// The event in the `text/event-stream` format.
    var wire: String {
        switch self {
        case .reload(let files): return Self.frame("reload", "{\"files\": \(files)}")
        case .css(let paths): return Self.frame("css", "{\"files\": [\(paths.map(JSONText.string).joined(separator: ", "))]}")
        case .errors(let diagnostics): return Self.frame("errors", DiagnosticFormatter.json(diagnostics))
        case .ok: return Self.frame("ok", "{}")
        case .ping: return ": ping\n\n"
        }
    }

    private static func frame(_ name: String, _ data: String) -> String {
        var out = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            out += "data: \(line)\n"
        }
        return out + "\n"
    }
}

/// The open event streams. A page that connects while the site has errors gets them at once.
final class EventHub: Sendable {
    private struct State {
        var streams: [UUID: AsyncStream<String>.Continuation] = [:]
        var errors: [Diagnostic]?
        var closed = false
    }

    private let state = LockedValue(State())

    /// A new stream for one page: the reconnect delay, a `hello`, then the current errors if any.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { $0.streams[id] = nil }
        }
        let open = state.withLock { s -> Bool in
            guard !s.closed else { return false }
            continuation.yield("retry: 1000\n\n")
            continuation.yield("event: hello\ndata: {}\n\n")
            if let errors = s.errors { continuation.yield(LiveEvent.errors(errors).wire) }
            s.streams[id] = continuation
            return true
        }
        if !open { continuation.finish() }
        return stream
    }

    /// Sends an event to every open page; `errors` and `ok` also set what later pages get on connecting.
    func publish(_ event: LiveEvent) {
        let text = event.wire
        state.withLock { s in
            switch event {
            case .errors(let d): s.errors = d
            case .ok, .reload, .css: s.errors = nil
            case .ping: break
            }
            for (id, c) in s.streams {
                if case .terminated = c.yield(text) { s.streams[id] = nil }
            }
        }
    }

    /// Whether the last event sent was an error report.
    var hasErrors: Bool { state.withLock { $0.errors != nil } }

    /// Ends every stream, so the server can shut down without waiting on open pages.
    func close() {
        let streams = state.withLock { s -> [AsyncStream<String>.Continuation] in
            s.closed = true
            defer { s.streams = [:] }
            return Array(s.streams.values)
        }
        streams.forEach { $0.finish() }
    }
}

/// GangwayCore's lock type, for the files of this module that do not import GangwayCore.
typealias LockedValue<Value> = GangwayCore.LockedValue<Value>
