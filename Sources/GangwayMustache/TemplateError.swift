/// A template that cannot compile, or a render that went too deep, with the place it happened.
public struct TemplateError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A plain-English message: "section 'steps' is opened but never closed", …
        case syntax(String)
        /// `{{>name}}` or `{{<name}}` naming no template.
        case missingPartial(String)
        /// A partial cycle with no section on the way to end it, e.g. `["a", "b", "a"]`.
        case recursion([String])
        /// Sections, parents or blocks nested deeper than the limit.
        case nesting(limit: Int)
        /// At render time only: partials expanded inside each other deeper than the limit, as a
        /// recursive partial inside a section that stays true does.
        case renderDepth(limit: Int)
        /// At render time only: more partial, parent and block expansions in one render than the
        /// limit, as partials that each call the next several times make.
        case expansions(limit: Int)
    }

    public var kind: Kind
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, in Unicode scalars.
    public var column: Int

    public init(kind: Kind, file: String, line: Int, column: Int) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
    }

    /// One line, lower case, no final period, for Gangway's diagnostics.
    public var message: String {
        switch kind {
        case .syntax(let text):
            text
        case .missingPartial(let name):
            "'\(name)' names no template"
        case .recursion(let cycle):
            cycle.count == 2
                ? "partial '\(cycle[0])' includes itself with no section around the call to end it"
                : "partials include each other with no section around a call to end it: \(cycle.joined(separator: " → "))"
        case .nesting(let limit):
            "sections, parents and blocks are nested more than \(limit) deep"
        case .expansions(let limit):
            "partials are expanded more than \(limit) times in one render (partials that call the next one several times multiply)"
        case .renderDepth(let limit):
            "partials are nested more than \(limit) deep while rendering (a partial that includes itself in a section that stays true?)"
        }
    }
}

extension TemplateError: CustomStringConvertible {
    /// `file:line:column: message`, as a compiler prints it.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

extension TemplateError {
    /// Errors in reading order: by file, then line, then column.
    static func inOrder(_ a: TemplateError, _ b: TemplateError) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// `TemplateLibrary.compile` fails with every error at once: `Result<TemplateLibrary, [TemplateError]>`
/// needs the list itself to be an `Error`.
extension Array: @retroactive Error where Element == TemplateError {}
