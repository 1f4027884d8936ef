/// The team site's exports as RFC 4180 text (CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break, a header row), written by `CSVText`. Pure encoders: rows in, text
/// out. Free text goes through `ContactText.redact`, so no email address or phone number reaches
/// a spreadsheet; free text that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`) is prefixed with an apostrophe.
public enum TeamCSV {
    /// One clinic for the exports: its status, its figures, and the case file's region.
    public struct Clinic: Sendable {
        public var status: ClinicStatus
        public var figures: ClinicFigures
        public var region: String?
        public init(status: ClinicStatus, figures: ClinicFigures, region: String?) {
            self.status = status
            self.figures = figures
            self.region = region
        }
    }

    /// status.csv, one row per clinic: slug, clinic (name), guide, region, state, progress as
    /// progress_done and progress_total (steps done or skipped, of all), current_step, acts_next
    /// (clinic, vendor, ocean; empty when complete), overdue (true/false), days_overdue,
    /// days_in_step, last_activity, earliest_finish (SPEC.md, Team site; empty when unknown),
    /// and today (the day the figures count to). Dates are ISO 8601.
    public static let statusColumns = ["slug", "clinic", "guide", "region", "state", "progress_done", "progress_total",
                                       "current_step", "acts_next", "overdue", "days_overdue", "days_in_step",
                                       "last_activity", "earliest_finish", "today"]
    /// steps.csv, one row per clinic and guide step, as status.json's steps: slug, step (id),
    /// position (1-based in the guide), title, owner, status, started, done, since (a waiting
    /// step's default since included), expected_by, overdue, note (redacted).
    public static let stepColumns = ["slug", "step", "position", "title", "owner", "status", "started", "done", "since",
                                     "expected_by", "overdue", "note"]
    public static let turnaroundColumns = ["guide", "step", "measured", "median_days", "p90_days", "longest_days",
                                           "over_wait", "still_waiting"]

    /// team/status.csv: one row per clinic, in the order given.
    public static func status(_ clinics: [Clinic]) -> String {
        CSVText.encode(header: statusColumns, rows: clinics.map { c in
            let s = c.status, f = c.figures
            return [s.slug, text(s.clinic), s.guide, text(c.region), s.state.rawValue, "\(s.done)", "\(s.total)",
                    s.currentStep ?? "", f.actsNext?.rawValue ?? "", s.overdue ? "true" : "false",
                    number(f.daysOverdue), number(f.daysInStep), f.lastActivity?.iso ?? "", f.earliestFinish?.iso ?? "", s.today.iso]
        })
    }

    /// team/steps.csv: one row per clinic and guide step, clinics in the order given, steps in the guide's.
    public static func steps(_ statuses: [ClinicStatus]) -> String {
        CSVText.encode(header: stepColumns, rows: statuses.flatMap { s in
            s.steps.enumerated().map { i, v in
                [s.slug, v.id, "\(i + 1)", text(v.title), v.owner.rawValue, v.status.rawValue, v.started?.iso ?? "",
                 v.done?.iso ?? "", v.since?.iso ?? "", v.expectedBy?.iso ?? "", v.overdue ? "true" : "false", text(v.note)]
            }
        })
    }

    /// team/turnaround.csv: one row per guide step with `wait_days`; figures empty when nothing was measured.
    public static func turnaround(_ reports: [GuideReport]) -> String {
        CSVText.encode(header: turnaroundColumns, rows: reports.flatMap { r in
            r.turnaround.map { t in
                [r.guide, t.step, "\(t.measured)", number(t.median), number(t.p90), number(t.longest), t.overWaitText, "\(t.stillWaiting.count)"]
            }
        })
    }

    static func number(_ n: Int?) -> String { n.map(String.init) ?? "" }

    /// Free text as it may appear in an export: contacts hidden, formulas defused.
    static func text(_ s: String?) -> String {
        guard let s else { return "" }
        let redacted = ContactText.redact(s)
        if let first = redacted.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return "'" + redacted }
        return redacted
    }
}
