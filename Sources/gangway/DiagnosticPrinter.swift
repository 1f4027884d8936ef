import Foundation
import GangwayCore

/// Prints diagnostics on stderr, in colour only on a terminal and never with NO_COLOR.
enum DiagnosticPrinter {
    static func printText(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let env = ProcessInfo.processInfo.environment
        // no-color.org: NO_COLOR set to anything but the empty string turns colour off.
        let color = isatty(2) == 1 && (env["NO_COLOR"] ?? "").isEmpty && env["TERM"] != "dumb"
        FileHandle.standardError.write(Data(DiagnosticFormatter.text(diagnostics, color: color).utf8))
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
