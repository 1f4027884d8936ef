import ArgumentParser
import Foundation
import GangwayCore

struct NewClinic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic",
        abstract: "Write a case file listing every step of a guide as todo.",
        discussion: """
        Writes content/clinics/SLUG.yml; it never replaces an existing file.

        Example:
          gangway new clinic north-bay --guide accuro --name "North Bay Family Health Team"
        """)

    @Argument(help: "The clinic's slug: a-z, 0-9 and '-'; it names the file and the page.")
    var slug: String

    @Option(help: ArgumentHelp("The guide the clinic follows (a folder of content/guides/).", valueName: "guide"))
    var guide: String

    @Option(help: ArgumentHelp("The clinic's name as its pages show it (default: the slug, which check warns about).", valueName: "name"))
    var name: String?

    @OptionGroup var sourceOptions: SourceOptions

    func validate() throws {
        guard Slug.isValid(slug) else {
            throw ValidationError("'\(slug)' is not a valid slug: use only a-z, 0-9 and '-', starting with a letter or digit")
        }
        if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--name must not be empty: leave it out to start with the slug")
        }
    }

    func run() throws {
        try sourceOptions.writeNewFiles { [try CaseFileWriter.create(slug: slug, guide: guide, name: name, source: $0)] }
    }
}
