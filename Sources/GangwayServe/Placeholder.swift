import Foundation
import GangwayCore

/// The live preview server of `gangway serve`.
public struct PreviewServer: Sendable {
    public let source: URL
    public let host: String
    public let port: Int
    public let today: TodaySource

    public init(source: URL, host: String, port: Int, today: TodaySource) {
        self.source = source
        self.host = host
        self.port = port
        self.today = today
    }

    public func run() async throws {
        struct NotReady: Error, CustomStringConvertible { var description: String { "serve is being built (issue 5)" } }
        throw NotReady()
    }
}
