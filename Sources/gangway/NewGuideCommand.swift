import ArgumentParser
import Foundation
import GangwayCore

struct NewGuide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Write a guide folder: guide.md and two step files to fill in.",
        discussion: """
        Writes content/guides/NAME/ with guide.md, 01-clinic-step.md and 02-vendor-step.md; it never \
        replaces an existing folder. Each value starting with TODO is a placeholder that check warns about.

        Example:
          gangway new guide med-access --emr "TELUS Med Access" --vendor TELUS
        """)

    @Argument(help: "The guide's name: a-z, 0-9 and '-'; it names the folder and the guide's page.")
    var name: String

    @Option(help: ArgumentHelp("The EMR's name as clinics know it, like \"QHR Accuro\".", valueName: "name"))
    var emr: String?

    @Option(help: ArgumentHelp("Who \"vendor\" means on the guide's pages, like QHR.", valueName: "name"))
    var vendor: String?

    @OptionGroup var sourceOptions: SourceOptions

    func validate() throws {
        guard Slug.isValid(name) else {
            throw ValidationError("'\(name)' is not a valid guide name: use only a-z, 0-9 and '-', starting with a letter or digit")
        }
    }

    func run() throws {
        try sourceOptions.writeNewFiles { try GuideWriter.create(name: name, emr: emr, vendor: vendor, source: $0) }
    }
}
