import ArgumentParser
import Foundation
import GangwayCore

struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a step's new status in a clinic's case file, changing only that step's lines.",
        discussion: """
        The result is checked as `gangway check` would before anything is written; with errors, \
        the file is left as it was. Dates default to today (SOURCE_DATE_EPOCH and the site's time zone apply).
        """)

    @Argument(help: "The clinic's slug (the case file's name without .yml).")
    var clinic: String

    @Argument(help: "The step's id in the clinic's guide.")
    var step: String

    @Argument(help: "The new status: todo, in-progress, waiting, blocked, done or skipped.")
    var status: String

    @Option(help: "The day it happened (YYYY-MM-DD): done's date, waiting's since, in-progress's start.")
    var date: String?

    @Option(help: "When the step was started (YYYY-MM-DD).")
    var started: String?

    @Option(help: "Since when the step waits (YYYY-MM-DD); default: the date, else today.")
    var since: String?

    @Option(help: "A note on the step (needed for blocked and skipped); an empty note removes it.")
    var note: String?

    @Option(name: .shortAndLong, help: "The site folder (default: the current folder).")
    var source: String = "."

    func validate() throws {
        guard StepStatus(rawValue: status) != nil else {
            let words = StepStatus.allCases.map(\.rawValue)
            let near = StepMarker.suggestedStatus(for: status)
            throw ValidationError("unknown status '\(status)'\(near.map { " (did you mean '\($0)'?)" } ?? ""); a status is one of: \(words.joined(separator: ", "))")
        }
        for (name, value) in [("--date", date), ("--started", started), ("--since", since)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(name) must be a real date like 2026-11-29, not '\(value)'") }
        }
    }

    func run() throws {
        let today: TodaySource
        do { today = try TodaySource.from(option: nil, environment: ProcessInfo.processInfo.environment) } catch {
            throw ValidationError("\(error)")
        }
        let change = StepChange(status: StepStatus(rawValue: status)!, date: date.flatMap(Day.init(iso:)),
                                started: started.flatMap(Day.init(iso:)), since: since.flatMap(Day.init(iso:)), note: note)
        let outcome: StepMarker.Outcome
        do {
            outcome = try StepMarker.mark(clinic: clinic, step: step, change: change,
                                          source: URL(fileURLWithPath: source).standardizedFileURL, today: today)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // The edited file's problems, and errors anywhere (they refuse the mark); not the whole site's warnings.
        let shown = outcome.diagnostics.filter { $0.location.file == outcome.path || $0.severity == .error }
        if !shown.isEmpty {
            FileHandle.standardError.write(Data(DiagnosticFormatter.text(shown).utf8))
        }
        guard outcome.written else {
            FileHandle.standardError.write(Data("mark refused: \(DiagnosticFormatter.summary(outcome.diagnostics)); \(outcome.path) was left as it was (positions above are in the edited text)\n".utf8))
            throw ExitCode.failure
        }
        print("\(outcome.path): \(step) is \(status)")
    }

}
