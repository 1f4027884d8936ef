import Foundation
import GangwayCore
import ServiceLifecycle

/// Turns batches of source changes into rebuilds, and rebuilds into events for the open pages:
/// `reload` when pages changed, `css` when only stylesheets did, `errors` when the site broke,
/// `ok` when it was fixed without any page changing.
struct LiveReloadService: Service {
    let site: LiveSite
    let hub: EventHub
    let watcher: any SourceWatcher
    let batches: AsyncStream<ChangeBatch>
    let console: Console

    /// How often idle event streams get a comment, so connections to closed pages are noticed.
    static let heartbeat: Duration = .seconds(15)

    func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: Self.heartbeat)
                        if !Task.isCancelled { hub.publish(.ping) }
                    }
                }
                for await batch in batches {
                    await rebuild(batch)
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            watcher.stop()
            hub.close()
        }
    }

    func rebuild(_ batch: ChangeBatch) async {
        let site = self.site
        let outcome = await RebuildQueue.run { site.apply(batch.paths, rescan: batch.rescan) }
        console.report(outcome, after: batch)
        let events = Self.events(for: outcome, hadErrors: hub.hasErrors)
        for event in events {
            hub.publish(event)
        }
        // The team site, when a saved case file left it behind: pages already told to reload wait
        // for it at the team gate, so a second reload is sent only when nothing was reloaded yet.
        guard let listings = await RebuildQueue.run({ site.completeListings() }) else { return }
        console.reportListings(listings)
        let reloaded = events.contains { if case .reload = $0 { return true } else { return false } }
        for event in Self.events(for: listings, hadErrors: hub.hasErrors) {
            if case .reload = event, reloaded { continue }
            hub.publish(event)
        }
    }

    static func events(for outcome: LiveSite.Outcome, hadErrors: Bool) -> [LiveEvent] {
        guard outcome.succeeded else {
            return [.errors(outcome.diagnostics.filter { $0.severity == .error })]
        }
        if outcome.changed.contains(where: { !$0.hasSuffix(".css") }) {
            return [.reload(files: outcome.changed.count)]
        }
        var events: [LiveEvent] = hadErrors ? [.ok] : []
        if !outcome.changed.isEmpty { events.append(.css(outcome.changed)) }
        return events
    }
}
