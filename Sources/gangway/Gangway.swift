import ArgumentParser
import Foundation
import GangwayCore

@main
/// A wrong command line exits 64 (ArgumentParser's validationFailure, EX_USAGE).
struct Gangway: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gangway",
        abstract: "Builds clinic onboarding portals from case files and EMR guides.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, Init.self, New.self,
                      Mark.self,
                      Import.self]
    )
}
