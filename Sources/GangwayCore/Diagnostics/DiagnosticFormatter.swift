/// Prints diagnostics in the three formats of `gangway check --format`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
}

/// Every text from a site (a path, a message quoting a value, a hint) goes through `TerminalText`
/// in every format, so no control character reaches a terminal or a CI log raw and each
/// diagnostic stays on its own line.
public enum DiagnosticFormatter {
    /// `path:line:col: severity: message`, one a line, with an optional hint line below.
    public static func text(_ diagnostics: [Diagnostic], color: Bool = false) -> String {
        var out = ""
        for raw in diagnostics {
            let d = sanitized(raw)
            let loc = textPrefix(d.location)
            let severity: String
            if color {
                let code = d.severity == .error ? "1;31" : "1;35"
                severity = "\u{1B}[\(code)m\(d.severity.rawValue):\u{1B}[0m"
                out += (loc.isEmpty ? "" : "\u{1B}[1m\(loc)\u{1B}[0m ") + "\(severity) \u{1B}[1m\(d.message)\u{1B}[0m\n"
            } else {
                out += (loc.isEmpty ? "" : loc + " ") + "\(d.severity.rawValue): \(d.message)\n"
            }
            if let hint = d.hint {
                out += "  note: \(hint)\n"
            }
        }
        return out
    }

    /// A JSON array of `{file, line, column, severity, message}` (and `hint` when there is one).
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        var items: [String] = []
        for d in diagnostics {
            // JSON escapes C0 itself; the values stay exact, with DEL and C1 escaped too.
            let l = d.location
            var fields = [
                "\"file\": \(l.file.isEmpty ? "null" : JSONText.string(l.file))",
                "\"line\": \(l.hasPosition ? String(l.line) : "null")",
                "\"column\": \(l.hasPosition ? String(l.column) : "null")",
                "\"severity\": \(JSONText.string(d.severity.rawValue))",
                "\"message\": \(JSONText.string(d.message))",
            ]
            if let hint = d.hint { fields.append("\"hint\": \(JSONText.string(hint))") }
            items.append(escapeDELAndC1("  {" + fields.joined(separator: ", ") + "}"))
        }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for raw in diagnostics {
            let d = sanitized(raw)
            var message = d.message
            if let hint = d.hint { message += "\n" + hint }
            let l = d.location
            var properties: [String] = []
            if !l.file.isEmpty { properties.append("file=\(escapeProperty(l.file))") }
            if l.hasPosition { properties += ["line=\(l.line)", "col=\(l.column)"] }
            let joined = properties.isEmpty ? "" : " " + properties.joined(separator: ",")
            out += "::\(d.severity.rawValue)\(joined)::\(escapeData(message))\n"
        }
        return out
    }

    /// The closing count line, e.g. `2 errors, 1 warning`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let e = diagnostics.errorCount, w = diagnostics.warningCount
        return "\(e) \(e == 1 ? "error" : "errors"), \(w) \(w == 1 ? "warning" : "warnings")"
    }

    /// `path:line:col:`, `path:` for a whole file, or nothing for a problem with no place.
    private static func textPrefix(_ l: SourceLocation) -> String {
        if l.hasPosition { return "\(l.file):\(l.line):\(l.column):" }
        return l.file.isEmpty ? "" : "\(l.file):"
    }

    /// The diagnostic with its path, message and hint made safe for a terminal.
    static func sanitized(_ d: Diagnostic) -> Diagnostic {
        var d = d
        d.location.file = TerminalText.escape(d.location.file)
        d.message = TerminalText.escape(d.message)
        d.hint = d.hint.map(TerminalText.escape)
        return d
    }

    /// JSON allows DEL and C1 raw; a terminal showing the array might act on them, so they become `\u00XX`.
    private static func escapeDELAndC1(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                out += "\\u00" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// After `TerminalText`, only the newline between message and hint is left to escape;
    /// `%`, CR and LF are escaped as GitHub's workflow commands require, whatever comes in.
    private static func escapeData(_ s: String) -> String {
        s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
