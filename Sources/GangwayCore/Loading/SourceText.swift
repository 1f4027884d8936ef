import Foundation

/// Reads a source file as UTF-8 text; a file that is not UTF-8 is a diagnostic at its first bad byte.
enum SourceText {
    static func read(_ url: URL, relativePath: String, into diagnostics: inout [Diagnostic]) -> String? {
        read(path: url.path, relativePath: relativePath, into: &diagnostics)
    }

    static func read(path: String, relativePath: String, into diagnostics: inout [Diagnostic]) -> String? {
        let bytes: [UInt8]
        switch FileProblem.bytes(path) {
        case .success(let read): bytes = read
        case .failure(let problem):
            diagnostics.append(.error("cannot read this file: \(problem.reason)", at: SourceLocation(file: relativePath)))
            return nil
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        var line = 1, column = 1
        var index = 0
        while index < bytes.count {
            let width = utf8SequenceLength(bytes, at: index)
            if width == 0 { break }
            if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index += width
        }
        diagnostics.append(.error("file is not UTF-8 text (bad byte 0x\(String(bytes[min(index, bytes.count - 1)], radix: 16, uppercase: true)))",
                                  at: SourceLocation(file: relativePath, line: line, column: column),
                                  hint: "save the file as UTF-8 in your editor"))
        return nil
    }

    /// The length of a valid UTF-8 sequence at `i`, or 0 when the bytes there are not valid UTF-8.
    private static func utf8SequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        let width: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: width = 2
        case 0xE0...0xEF: width = 3
        case 0xF0...0xF4: width = 4
        default: return 0
        }
        guard i + width <= b.count else { return 0 }
        let chunk = Array(b[i..<(i + width)])
        return String(validating: chunk, as: UTF8.self) == nil ? 0 : width
    }
}
