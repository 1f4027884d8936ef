import GangwayCore

/// What `gangway --version` and `gangway -V` print: Gangway's version, then the cmark library's.
enum GangwayVersion {
    static let number = "0.1.0"

    static var text: String {
        "gangway \(number)\ncmark \(Markdown.cmarkVersion)"
    }
}
