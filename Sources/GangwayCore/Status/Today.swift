import Foundation

/// How "today" is decided: `--today`, else `SOURCE_DATE_EPOCH`, else the current date,
/// the last two read in the site's time zone (which only the loaded config knows).
public enum TodaySource: Sendable {
    case fixed(Day)
    case epoch(Int)
    case now

    public enum Failure: Error, CustomStringConvertible {
        case badOption(String)
        case badEpoch(String)
        public var description: String {
            switch self {
            case .badOption(let s): return "--today must be a real date like 2026-11-29, not '\(s)'"
            case .badEpoch(let s): return "SOURCE_DATE_EPOCH must be a whole number of seconds, not '\(s)'"
            }
        }
    }

    public static func from(option: String?, environment: [String: String]) throws -> TodaySource {
        if let option {
            guard let day = Day(iso: option) else { throw Failure.badOption(option) }
            return .fixed(day)
        }
        // reproducible-builds.org: an empty SOURCE_DATE_EPOCH means it is not set.
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)) else { throw Failure.badEpoch(epoch) }
            return .epoch(seconds)
        }
        return .now
    }

    public func day(in timeZone: String) -> Day {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        switch self {
        case .fixed(let day): return day
        case .epoch(let seconds): return Day(instant: Date(timeIntervalSince1970: TimeInterval(seconds)), timeZone: zone)
        case .now: return Day(instant: Date(), timeZone: zone)
        }
    }
}
