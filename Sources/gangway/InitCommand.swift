import ArgumentParser
import Foundation
import GangwayCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new site: config, one guide, two clinics, templates.")

    @Argument(help: "The folder to create.")
    var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            try StarterSite.write(to: url)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        print("created a Gangway site in \(directory)\nnext: cd \(directory) && gangway serve")
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create new content.", subcommands: [NewClinic.self])
}

struct NewClinic: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clinic", abstract: "Write a case file listing every step of a guide as todo.")

    @Argument(help: "The clinic's slug: a-z, 0-9 and '-'; it names the file and the page.")
    var slug: String

    @Option(help: "The guide the clinic follows (a folder of content/guides/).")
    var guide: String

    @Option(help: "The site folder (default: the current folder).")
    var source: String = "."

    func validate() throws {
        guard Slug.isValid(slug) else {
            throw ValidationError("'\(slug)' is not a valid slug: use only a-z, 0-9 and '-', starting with a letter or digit")
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: source).standardizedFileURL
        do {
            let path = try CaseFileWriter.create(slug: slug, guide: guide, source: root)
            print("wrote \(path)")
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
