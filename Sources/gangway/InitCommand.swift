import ArgumentParser
import Foundation
import GangwayCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site: config, one guide, two clinics, templates.",
        discussion: """
        Writes a working site from the binary alone; the folder must be new or empty.

        Example:
          gangway init portal && cd portal && gangway serve
        """)

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "dir"))
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            try StarterSite.write(to: url)
        } catch {
            throw CommandFailure.failure("\(error)")
        }
        let folder = Invocation.shellQuoted(directory)
        print("created a Gangway site in \(directory)\nnext: cd \(folder) && \(Invocation.command) serve")
    }
}
