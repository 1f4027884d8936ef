/// Prints diagnostics in the three formats of `gangway check --format`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
}

public enum DiagnosticFormatter {
    /// `path:line:col: severity: message`, one a line, with an optional hint line below.
    public static func text(_ diagnostics: [Diagnostic], color: Bool = false) -> String {
        var out = ""
        for d in diagnostics {
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
            let l = d.location
            var fields = [
                "\"file\": \(l.file.isEmpty ? "null" : JSONText.string(l.file))",
                "\"line\": \(l.hasPosition ? String(l.line) : "null")",
                "\"column\": \(l.hasPosition ? String(l.column) : "null")",
                "\"severity\": \(JSONText.string(d.severity.rawValue))",
                "\"message\": \(JSONText.string(d.message))",
            ]
            if let hint = d.hint { fields.append("\"hint\": \(JSONText.string(hint))") }
            items.append("  {" + fields.joined(separator: ", ") + "}")
        }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
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

    private static func escapeData(_ s: String) -> String {
        s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
