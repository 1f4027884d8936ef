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

    /// `clinics/<slug>/calendar.ics`: the clinic's own dates, named "<site title>: <clinic>".
    public static func clinic(_ clinic: Clinic, siteTitle: String, baseURL: String, today: Day) -> String {
        calendar(name: "\(siteTitle): \(clinic.status.clinic)", clinics: [clinic], baseURL: baseURL, today: today)
    }

    /// `team/calendar.ics`: every clinic's dates in one feed, in the order given.
    public static func allClinics(_ clinics: [Clinic], siteTitle: String, baseURL: String, today: Day) -> String {
        calendar(name: "\(siteTitle): all clinics", clinics: clinics, baseURL: baseURL, today: today)
    }

    /// What one event marks.
    enum Kind: String {
        case expected
        case done
    }

    static func calendar(name: String, clinics: [Clinic], baseURL: String, today: Day) -> String {
        var out = ""
        out += ICalendarText.property("BEGIN", "VCALENDAR")
        out += ICalendarText.property("VERSION", "2.0")
        out += ICalendarText.property("PRODID", "-//Gangway//Clinic onboarding portal//EN")
        out += ICalendarText.property("CALSCALE", "GREGORIAN")
        out += ICalendarText.property("METHOD", "PUBLISH")
        out += ICalendarText.property("X-WR-CALNAME", text(name))
        let host = URL(string: baseURL)?.host?.lowercased() ?? "gangway.invalid"
        let stamp = basic(today) + "T000000Z"
        for clinic in clinics {
            for step in clinic.status.steps {
                if step.status == .waiting, let expected = step.expectedBy {
                    out += event(.expected, on: expected, step: step, clinic: clinic, host: host, stamp: stamp)
                }
                if step.status == .done, let done = step.done {
                    out += event(.done, on: done, step: step, clinic: clinic, host: host, stamp: stamp)
                }
            }
        }
        out += ICalendarText.property("END", "VCALENDAR")
        return out
    }

    static func event(_ kind: Kind, on day: Day, step: StepStatusView, clinic: Clinic, host: String, stamp: String) -> String {
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
        var out = ICalendarText.property("BEGIN", "VEVENT")
        out += ICalendarText.property("UID", "\(status.slug)-\(step.id)-\(kind.rawValue)@\(host)")
        out += ICalendarText.property("DTSTAMP", stamp)
        out += ICalendarText.property("DTSTART;VALUE=DATE", basic(day))
        out += ICalendarText.property("DTEND;VALUE=DATE", basic(day.adding(days: 1)))
        out += ICalendarText.property("SUMMARY", text(summary))
        out += ICalendarText.property("DESCRIPTION", text(description))
        out += ICalendarText.property("URL", clinic.pageURL)
        out += ICalendarText.property("TRANSP", "TRANSPARENT")
        out += ICalendarText.property("END", "VEVENT")
        return out
    }

    /// Free text, with contacts hidden, escaped.
    static func text(_ s: String) -> String {
        ICalendarText.escape(ContactText.redact(s))
    }

    /// `20261201`: the DATE form.
    static func basic(_ day: Day) -> String {
        day.basic
    }
}
