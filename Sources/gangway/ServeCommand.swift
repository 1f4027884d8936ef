import ArgumentParser
import Foundation
import GangwayCore
import GangwayServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve on loopback, rebuild on change and reload open pages.")

    @Option(help: "The site folder (default: the current folder).")
    var source: String = "."

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(help: "Take this date as today (YYYY-MM-DD).")
    var today: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let todaySource: TodaySource
        do {
            todaySource = try TodaySource.from(option: today, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError("\(error)")
        }
        let server = PreviewServer(source: URL(fileURLWithPath: source).standardizedFileURL, host: host, port: port, today: todaySource)
        do {
            try await server.run()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
