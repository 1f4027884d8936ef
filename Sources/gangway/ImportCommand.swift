import ArgumentParser
import Foundation
import GangwayCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one case file per row of a CSV file (columns: \(SpreadsheetImporter.columns.joined(separator: ", "))).",
        discussion: "Nothing is written unless every row is good and no existing case file would be replaced.")

    @Argument(help: "The CSV file; its first row names the columns.")
    var file: String

    @Option(help: "The guide every imported clinic follows.")
    var guide: String

    @Option(name: .shortAndLong, help: "The site folder (default: the current folder).")
    var source: String = "."

    func run() throws {
        let outcome = SpreadsheetImporter.run(csv: URL(fileURLWithPath: file), displayPath: file, guide: guide,
                                              source: URL(fileURLWithPath: source).standardizedFileURL)
        if !outcome.diagnostics.isEmpty {
            FileHandle.standardError.write(Data(DiagnosticFormatter.text(outcome.diagnostics).utf8))
            FileHandle.standardError.write(Data("import failed: \(DiagnosticFormatter.summary(outcome.diagnostics)); nothing was written\n".utf8))
            throw ExitCode.failure
        }
        print("wrote \(outcome.written.count) case \(outcome.written.count == 1 ? "file" : "files") in content/clinics/")
    }
}
