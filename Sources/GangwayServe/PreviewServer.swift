import Foundation
import GangwayCore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The live preview server of `gangway serve`: builds the site into a folder of its own, serves it
/// on loopback, rebuilds what a saved file touches, and tells open pages to reload (or shows them
/// the errors). Runs until SIGINT or SIGTERM, then shuts down cleanly and removes its folder.
public struct PreviewServer: Sendable {
    public let source: URL
    public let host: String
    public let port: Int
    public let today: TodaySource
    public var environment: [String: String]

    public enum Failure: Error, CustomStringConvertible {
        case portInUse(host: String, port: Int)
        case cannotListen(host: String, port: Int, reason: String)
        case workFolder(String)
        case noSource(String)

        public var description: String {
            switch self {
            case .noSource(let path):
                return "no site folder at \(path): pass --source with the folder that holds gangway.yml"
            case .portInUse(let host, let port):
                return "port \(port) on \(host) is already in use: stop the program using it, or pick another port with --port (--port 0 picks a free one)"
            case .cannotListen(let host, let port, let reason):
                return "cannot listen on \(host) port \(port): \(reason)"
            case .workFolder(let reason):
                return "cannot create a folder to build the preview in: \(reason)"
            }
        }
    }

    public init(source: URL, host: String, port: Int, today: TodaySource,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.source = source
        self.host = host
        self.port = port
        self.today = today
        self.environment = environment
    }

    public func run() async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure.noSource(source.path)
        }
        let work = try Self.makeWorkFolder()
        // lstat, unlink and rmdir: FileManager.removeItem took about 90 s to remove a 10,000-clinic preview (busy machine).
        defer { AtomicOutput.removeTree(work.path) }
        let served = work.appendingPathComponent("site")
        let console = Console(source: source)
        if !Self.isLoopback(host) {
            console.note("warning: \(host) is not a loopback address: other machines can reach this preview")
        }

        let site = LiveSite(source: source, output: try SyncedOutput(root: served), today: today, environment: environment,
                            deferListings: true)
        let hub = EventHub()
        let early = EarlyStop(console: console)
        let first = await RebuildQueue.run { site.rebuildAll() }
        early.cancel()
        console.report(first, after: nil)
        if early.requested {
            console.note("stopped")
            return
        }
        if !first.succeeded { hub.publish(.errors(first.diagnostics.filter { $0.severity == .error })) }

        let watcher = SourceWatchers.make(root: source, environment: environment)
        let live = LiveReloadService(site: site, hub: hub, watcher: watcher, batches: try watcher.start(), console: console)

        var logger = Logger(label: "gangway.serve")
        logger.logLevel = .critical
        let host = self.host
        let app = Application(
            router: Self.router(serving: served, hub: hub, teamGate: site.teamGate),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                console.serving(host: host, port: channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
        // Services shut down in reverse order: the live-reload service first, which ends the open
        // event streams, so the HTTP server has no endless response to wait for.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app, live], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            watcher.stop()
            throw explain(error)
        }
        console.note("stopped")
    }

    private func explain(_ error: Error) -> Error {
        guard let io = error as? IOError else { return error }
        switch io.errnoCode {
        case EADDRINUSE: return Failure.portInUse(host: host, port: port)
        default: return Failure.cannotListen(host: host, port: port, reason: String(cString: strerror(io.errnoCode)))
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func makeWorkFolder() throws -> URL {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("gangway-serve-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure.workFolder(String(cString: strerror(errno)))
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }
}

/// Runs rebuilds one at a time, off the threads that serve requests.
enum RebuildQueue {
    private static let queue = DispatchQueue(label: "gangway.rebuild", qos: .userInitiated)

    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
    }
}

/// Ctrl-C or SIGTERM during the first build, before the server handles signals itself: the
/// build finishes (it cannot be cut short without leaving files behind), then serve stops
/// cleanly instead of starting.
final class EarlyStop: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]
    private let flag = LockedValue(false)

    init(console: Console) {
        let flag = self.flag
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let first = flag.withLock { requested in defer { requested = true }; return !requested }
                if first { console.note("stopping once the first build is done") }
            }
            source.resume()
            return source
        }
    }

    var requested: Bool { flag.withLock { $0 } }

    func cancel() {
        sources.forEach { $0.cancel() }
    }
}
