import Foundation

/// A calendar date with no time or zone: what case files record and what "today" is.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A real date of the proleptic Gregorian calendar, or nil (2026-02-30 is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO 8601 calendar form `YYYY-MM-DD`, nothing else.
    public init?(iso text: String) {
        // `yyyy-mm-dd` of ASCII digits is ten bytes: read as bytes, not split into Characters
        // (every date of every case file is read; splitting was 1 % of a 10,000-clinic build).
        var text = text
        guard let (y, m, d) = text.withUTF8({ b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            var fields = (0, 0, 0)
            for i in [0, 1, 2, 3, 5, 6, 8, 9] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else { return nil }
                let digit = Int(b[i] - UInt8(ascii: "0"))
                switch i {
                case 0...3: fields.0 = fields.0 * 10 + digit
                case 5...6: fields.1 = fields.1 * 10 + digit
                default: fields.2 = fields.2 * 10 + digit
                }
            }
            return fields
        }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date it is at `instant` in `timeZone`.
    public init(instant: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: c.year!, month: c.month!, day: c.day!)!
    }

    public var iso: String { digits(separator: UInt8(ascii: "-")) }

    /// `20261006`: the form of RFC 5545's DATE values.
    var basic: String { digits(separator: nil) }

    /// The year, month and day as 4, 2 and 2 digits, with `separator` between them: written straight
    /// into the string's storage, since pages, exports and feeds print dates many times over.
    private func digits(separator: UInt8?) -> String {
        let count = separator == nil ? 8 : 10
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            func put(_ value: Int, _ width: Int) {
                var divisor = width == 4 ? 1000 : 10
                while divisor > 0 {
                    buffer[i] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    i += 1
                    divisor /= 10
                }
            }
            put(year, 4)
            if let separator { buffer[i] = separator; i += 1 }
            put(month, 2)
            if let separator { buffer[i] = separator; i += 1 }
            put(day, 2)
            return i
        }
    }

    public var description: String { iso }

    /// How people read it on a page: `6 Oct 2026`.
    public var display: String {
        "\(day) \(Day.monthNames[month - 1]) \(year)"
    }

    public func adding(days: Int) -> Day {
        Day(julianDay: julianDay + days)
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Fliegel–Van Flandern conversion; exact for every date Day accepts.
    private var julianDay: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    private init(julianDay jd: Int) {
        let a = jd + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        self.day = e - (153 * m + 2) / 5 + 1
        self.month = m + 3 - 12 * (m / 10)
        self.year = 100 * b + d - 4800 + m / 10
    }
}
