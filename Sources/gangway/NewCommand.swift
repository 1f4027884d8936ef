import ArgumentParser

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create new content: a case file or a guide.",
        discussion: """
        Examples:
          gangway new clinic north-bay --guide accuro --name "North Bay Family Health Team"
          gangway new guide med-access --emr "TELUS Med Access" --vendor TELUS
        """,
        subcommands: [NewClinic.self, NewGuide.self])
}
