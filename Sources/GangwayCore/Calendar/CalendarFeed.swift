import Foundation

/// Calendar feeds (RFC 5545) of clinics' dates: one all-day event for each expected-by date of a
/// waiting step and one for each done step's date. Pure: the same statuses and today give the same
/// bytes (stable UIDs, DTSTAMP from today). Free text passes through `ContactText.redact`, so no
/// email address or phone number is ever in a feed.
public enum CalendarFeed {
    /// One clinic's part of a feed: its derived status, and the absolute URL of its own page.
    public struct Clinic: Sendable {
        public var status: ClinicStatus
        public var pageURL: String

        public init(status: ClinicStatus, pageURL: String) {
            self.status = status
            self.pageURL = pageURL
        }
    }

    /// What every event of a build's feeds carries alike: the UID's host (from `base_url`) and
    /// DTSTAMP (from today). Made once per render, not per clinic.
    public struct Stamp: Sendable {
        let host: String
        let stamp: String

        public init(baseURL: String, today: Day) {
            host = URL(string: baseURL)?.host?.lowercased() ?? "gangway.invalid"
            stamp = today.basic + "T000000Z"
        }
    }

    /// `clinics/<slug>/calendar.ics`: the clinic's own dates, named "<site title>: <clinic>", as
    /// UTF-8 bytes, as the build writes them.
    public static func clinic(_ clinic: Clinic, siteTitle: String, baseURL: String, today: Day) -> [UInt8] {
        feed(named: clinicName(siteTitle: siteTitle, clinic: clinic.status.clinic), events: [events(clinic, stamp: Stamp(baseURL: baseURL, today: today))])
    }

    /// `team/calendar.ics`: every clinic's dates in one feed, in the order given.
    public static func allClinics(_ clinics: [Clinic], siteTitle: String, baseURL: String, today: Day) -> [UInt8] {
        let stamp = Stamp(baseURL: baseURL, today: today)
        return feed(named: allClinicsName(siteTitle: siteTitle), events: clinics.map { events($0, stamp: stamp) })
    }

    /// The feeds' names: "<site title>: <clinic>" and "<site title>: all clinics".
    static func clinicName(siteTitle: String, clinic: String) -> String { "\(siteTitle): \(clinic)" }
    static func allClinicsName(siteTitle: String) -> String { "\(siteTitle): all clinics" }

    /// What one event marks.
    enum Kind: String {
        case expected
        case done
    }

    /// A clinic's events, as content lines: the part of its own feed that the all-clinics feed
    /// repeats, so the build makes them once and puts both feeds together from them.
    public static func events(_ clinic: Clinic, stamp: Stamp) -> [UInt8] {
        var out = ContentLines(capacity: 1024)
        for step in clinic.status.steps {
            if step.status == .waiting, let expected = step.expectedBy {
                event(.expected, on: expected, step: step, clinic: clinic, host: stamp.host, stamp: stamp.stamp, into: &out)
            }
            if step.status == .done, let done = step.done {
                event(.done, on: done, step: step, clinic: clinic, host: stamp.host, stamp: stamp.stamp, into: &out)
            }
        }
        return out.bytes
    }

    /// A whole feed named `name`, of clinics' `events` in the order given.
    public static func feed(named name: String, events: [[UInt8]]) -> [UInt8] {
        var out = ContentLines(capacity: 512 + events.reduce(0) { $0 + $1.count })
        out.add("BEGIN", "VCALENDAR")
        out.add("VERSION", "2.0")
        out.add("PRODID", "-//Gangway//Clinic onboarding portal//EN")
        out.add("CALSCALE", "GREGORIAN")
        out.add("METHOD", "PUBLISH")
        out.add("X-WR-CALNAME", text(name))
        for part in events { out.append(lines: part) }
        out.add("END", "VCALENDAR")
        return out.bytes
    }

    static func event(_ kind: Kind, on day: Day, step: StepStatusView, clinic: Clinic, host: String, stamp: String,
                      into out: inout ContentLines) {
        let status = clinic.status
        var summary: String
        var description: String
        switch kind {
        case .expected:
            summary = "\(status.clinic): \(step.title) expected"
            description = "\(step.title): waiting"
            if let since = step.since { description += " since \(since.display)" }
            description += ", expected by \(day.display)."
        case .done:
            summary = "\(status.clinic): \(step.title) done"
            description = "\(step.title): done on \(day.display)."
        }
        if let note = step.note, !note.isEmpty { description += "\n" + note }
        out.add("BEGIN", "VEVENT")
        out.add("UID", "\(status.slug)-\(step.id)-\(kind.rawValue)@\(host)")
        out.add("DTSTAMP", stamp)
        out.add("DTSTART;VALUE=DATE", day.basic)
        out.add("DTEND;VALUE=DATE", day.adding(days: 1).basic)
        out.add("SUMMARY", text(summary))
        out.add("DESCRIPTION", text(description))
        out.add("URL", clinic.pageURL)
        out.add("TRANSP", "TRANSPARENT")
        out.add("END", "VEVENT")
    }

    /// Free text, with contacts hidden, escaped.
    static func text(_ s: String) -> String {
        ICalendarText.escape(ContactText.redact(s))
    }
}
