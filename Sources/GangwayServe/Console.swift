import Foundation
import GangwayCore

/// What `gangway serve` tells the terminal: the address on standard output, everything else
/// (builds, rebuilds, diagnostics) on standard error, in colour only on a terminal.
struct Console: Sendable {
    /// The site folder, to name changed files as the user knows them.
    let source: URL
    let color = isatty(STDERR_FILENO) == 1

    /// The one line on standard output, flushed at once so a script reading it is not kept waiting.
    func serving(host: String, port: Int) {
        let shown = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardOutput.write(Data("Serving http://\(shown):\(port)/ (Ctrl-C to stop)\n".utf8))
    }

    func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The team site's listings, rendered after the clinic pages that a save changed.
    func reportListings(_ outcome: LiveSite.Outcome) {
        let ms = Int((outcome.seconds * 1000).rounded())
        if outcome.succeeded {
            note("team site updated: \(outcome.changed.count) of \(outcome.rendered.count) files changed, in \(ms) ms")
        } else {
            FileHandle.standardError.write(Data((DiagnosticFormatter.text(outcome.diagnostics, color: color)
                + "team site not updated: \(DiagnosticFormatter.summary(outcome.diagnostics)); still serving its last good pages\n").utf8))
        }
    }

    func report(_ outcome: LiveSite.Outcome, after batch: ChangeBatch?) {
        var text = DiagnosticFormatter.text(outcome.diagnostics, color: color)
        let ms = Int((outcome.seconds * 1000).rounded())
        let cause = batch.map { " after " + describe($0) } ?? ""
        if outcome.succeeded {
            if batch == nil {
                text += "built \(outcome.rendered.count) files in \(ms) ms (\(DiagnosticFormatter.summary(outcome.diagnostics)))\n"
            } else {
                let scope = outcome.full ? "everything" : "\(outcome.rendered.count) files"
                text += "rebuilt\(cause): rendered \(scope), \(outcome.changed.count) changed, in \(ms) ms\n"
            }
        } else if batch == nil {
            text += "build failed: \(DiagnosticFormatter.summary(outcome.diagnostics)); the preview shows them until they are fixed\n"
        } else {
            text += "rebuild\(cause) failed: \(DiagnosticFormatter.summary(outcome.diagnostics)); still serving the last good site\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The files a save touched, leaving out the editor's temporary files when the save left the real one.
    private func describe(_ batch: ChangeBatch) -> String {
        if batch.rescan { return "lost events (everything reloaded)" }
        let all = batch.paths.sorted()
        let present = all.filter { FileManager.default.fileExists(atPath: source.appendingPathComponent($0).path) }
        let paths = present.isEmpty ? all : present
        guard let first = paths.first else { return "a change" }
        return paths.count == 1 ? first : "\(first) and \(paths.count - 1) more"
    }
}
