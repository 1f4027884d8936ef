import ArgumentParser
import Foundation
import GangwayCore
import GangwayServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on loopback, rebuild on change and reload open pages.",
        discussion: """
        The team site, when the dashboard is on, is served under /team/. A broken file shows its \
        diagnostics in the page instead of stopping the server. Ctrl-C stops it.

        Examples:
          gangway serve
          gangway serve -s portal -p 8080 --today 2026-11-29
        """)

    @OptionGroup var sourceOptions: SourceOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: [.short, .long], help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @OptionGroup var todayOptions: TodayOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        try sourceOptions.requireSite()
        // Say a busy port now, not after building the whole site.
        if let problem = PortProbe.problem(host: host, port: port) {
            throw CommandFailure.failure(problem)
        }
        let server = PreviewServer(source: sourceOptions.sourceURL, host: host, port: port, today: try todayOptions.todaySource())
        do {
            try await server.run()
        } catch {
            throw CommandFailure.failure("\(error)")
        }
    }
}
