import GangwayCore

/// Holds requests for the team site while its listings are behind the clinic pages. After a case
/// file is saved, `gangway serve` renders that clinic's pages first and tells open pages to reload;
/// the team site, which lists every clinic, is rendered right after. A team page requested in
/// between waits here until it is current, so no reload ever shows a stale dashboard.
final class TeamGate: Sendable {
    private struct State {
        var open = true
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = LockedValue(State())

    var isOpen: Bool { state.withLock { $0.open } }

    /// From now on, team requests wait for `open()`.
    func close() {
        state.withLock { $0.open = false }
    }

    /// Lets every waiting request through, and later ones at once.
    func open() {
        let waiting = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.open = true
            defer { s.waiting = [] }
            return s.waiting
        }
        for request in waiting { request.resume() }
    }

    /// Returns when the team site is current.
    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { (request: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.open { return true }
                s.waiting.append(request)
                return false
            }
            if now { request.resume() }
        }
    }
}
