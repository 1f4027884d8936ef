import CSV
import Foundation
import GangwayMustacheTestSupport
import Testing
@testable import GangwayCore

/// The exports' CSV writer: its quoting rules one by one, and the same bytes as CSV.swift's
/// `CSVWriter` (which the exports used before) on thousands of random rows.
@Suite struct CSVTextTests {
    /// CSV.swift's writer, as TeamCSV called it: a header, CRLF rows, and a final CRLF.
    static func reference(_ header: [String], _ rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for row in rows {
            writer.beginNewRow()
            try writer.write(row: row)
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("crlf\r\nhere", "\"crlf\r\nhere\""),
        ("Chloé 🙂", "Chloé 🙂"),
        (" spaced ", " spaced "),
        ("semi;colon\ttab", "semi;colon\ttab"),
    ])
    func fieldQuoting(field: String, written: String) {
        #expect(CSVText.encode(header: ["h"], rows: [[field]]) == "h\r\n\(written)\r\n")
    }

    @Test func rowsAndHeader() {
        #expect(CSVText.encode(header: ["a", "b"], rows: []) == "a,b\r\n")
        #expect(CSVText.encode(header: ["a", "b"], rows: [["1", "2"], ["", ""]]) == "a,b\r\n1,2\r\n,\r\n")
    }

    @Test func sameBytesAsCSVSwift() throws {
        var random = SeededRandom(seed: 4180)
        let pieces = ["a", "Z", "0", " ", ",", "\"", "\"\"", "\r", "\n", "\r\n", "é", "🙂", "'", "=", "\t", ";", "Lakeshore", "416-555-0100"]
        for _ in 0..<300 {
            let columns = 1 + random.below(6)
            let header = (0..<columns).map { "c\($0)" }
            let rows = (0..<random.below(12)).map { _ in
                (0..<columns).map { _ in (0..<random.below(6)).map { _ in random.pick(pieces) }.joined() }
            }
            let ours = CSVText.encode(header: header, rows: rows)
            let theirs = try Self.reference(header, rows)
            #expect(ours == theirs, "\(rows)")
            #expect(Array(ours.utf8) == Array(theirs.utf8))
        }
    }
}
