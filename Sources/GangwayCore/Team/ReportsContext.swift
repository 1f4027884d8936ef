import GangwayMustache

/// The context `templates/reports.mustache` reads, from the guides' reports: figures, the two
/// charts as SVG (escaped by TeamCharts, so the template inserts them raw) and the clinics
/// still waiting, linked through `clinicURL` (the team site links to clinic pages by absolute URL).
public enum ReportsContext {
    public static func guides(_ reports: [GuideReport], clinicURL: (String) -> String) -> [MustacheValue] {
        reports.map { r in
            [
                "name": .string(r.guide),
                "title": .string(r.title),
                "clinics": .int(r.clinics),
                "complete": .int(r.complete),
                "has_completion_time": .bool(r.medianDaysToComplete != nil),
                "has_waits": .bool(!r.turnaround.isEmpty),
                "median_days_to_complete": .int(r.medianDaysToComplete ?? 0),
                "turnaround_svg": .string(TeamCharts.turnaround(r, id: "chart-waits-\(r.guide)")),
                "funnel_svg": .string(TeamCharts.funnel(r, id: "chart-funnel-\(r.guide)")),
                "steps": .list(r.turnaround.map { step($0, clinicURL: clinicURL) }),
                "funnel": .list(r.funnel.map { ["id": .string($0.step), "title": .string($0.title), "clinics": .int($0.clinics)] }),
            ]
        }
    }

    /// One step's measured waits and the clinics still waiting at it.
    static func step(_ t: StepTurnaround, clinicURL: (String) -> String) -> MustacheValue {
        [
            "id": .string(t.step), "title": .string(t.title), "wait_days": .int(t.waitDays), "measured": .int(t.measured),
            "measured_any": .bool(t.measured > 0), "median": .int(t.median ?? 0), "p90": .int(t.p90 ?? 0), "longest": .int(t.longest ?? 0),
            "over_wait_percent": .int(t.overWaitHundredths ?? 0),
            "still_waiting_count": .int(t.stillWaiting.count), "has_still_waiting": .bool(!t.stillWaiting.isEmpty),
            "still_waiting": .list(t.stillWaiting.map { w in
                var entry: MustacheObject = ["clinic": .string(ContactText.redact(w.clinic)), "url": .string(clinicURL(w.slug)),
                                             "days_known": .bool(w.days != nil), "days": .int(w.days ?? 0),
                                             "days_text": .string(w.days.map { $0 == 1 ? "1 day" : "\($0) days" } ?? "")]
                if let since = w.since { entry["since"] = TemplateContext.day(since) }
                return .object(entry)
            }),
        ]
    }
}
