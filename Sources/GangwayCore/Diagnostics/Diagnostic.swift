/// Where a problem sits: a path relative to the source folder, 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A problem that belongs to no line of any file (no gangway.yml, a refused output folder),
    /// printed as a plain `error: message`.
    public static let nowhere = SourceLocation(file: "", line: 0, column: 0)

    /// A problem with a whole file, at no line of it, printed as `path: error: message`.
    public static func whole(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// Whether the location names a line and column (the `nowhere` and `whole` forms do not).
    public var hasPosition: Bool { line > 0 }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in a site, in the form compilers use.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// A short suggestion, shown on its own line in text output.
    public var hint: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, hint: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public static func error(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    public static func warning(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }
}

extension Diagnostic: Comparable {
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity == .error }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { self.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { self.lazy.filter { $0.severity == .warning }.count }

    /// Under `--strict` warnings are errors, and are reported as errors in every format.
    public func promotingWarnings() -> [Diagnostic] {
        map { d in
            var d = d
            d.severity = .error
            return d
        }
    }

    /// Whether these diagnostics fail a run: any error, or any warning under `strict`.
    public func fails(strict: Bool) -> Bool {
        errorCount > 0 || (strict && warningCount > 0)
    }
}

/// An error that knows its diagnostic (a template that recursed too deep while rendering, at its
/// file, line and column); a build reports it as it is instead of as a bare message.
public protocol DiagnosedError: Error {
    var diagnostic: Diagnostic { get }
}

extension Diagnostic {
    /// What a failed step reports: the error's own diagnostic when it has one, else its description.
    public static func of(_ error: Error) -> Diagnostic {
        (error as? DiagnosedError)?.diagnostic ?? .error("\(error)", at: .nowhere)
    }
}
