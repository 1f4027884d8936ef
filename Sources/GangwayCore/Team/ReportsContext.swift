/// The context `templates/reports.mustache` reads, from the guides' reports: figures, the two
/// charts as SVG (escaped by TeamCharts, so the template inserts them raw) and the clinics
/// still waiting, linked through `clinicURL` (the team site links to clinic pages by absolute URL).
public enum ReportsContext {
    public static func guides(_ reports: [GuideReport], clinicURL: (String) -> String) -> [[String: Any]] {
        reports.map { r in
            [
                "name": r.guide,
                "title": r.title,
                "clinics": r.clinics,
                "complete": r.complete,
                "has_completion_time": r.medianDaysToComplete != nil,
                "has_waits": !r.turnaround.isEmpty,
                "median_days_to_complete": r.medianDaysToComplete ?? 0,
                "turnaround_svg": TeamCharts.turnaround(r, id: "chart-waits-\(r.guide)"),
                "funnel_svg": TeamCharts.funnel(r, id: "chart-funnel-\(r.guide)"),
                "steps": r.turnaround.map { t -> [String: Any] in
                    [
                        "id": t.step, "title": t.title, "wait_days": t.waitDays, "measured": t.measured,
                        "measured_any": t.measured > 0, "median": t.median ?? 0, "p90": t.p90 ?? 0, "longest": t.longest ?? 0,
                        "over_wait_percent": t.overWaitHundredths ?? 0,
                        "still_waiting_count": t.stillWaiting.count, "has_still_waiting": !t.stillWaiting.isEmpty,
                        "still_waiting": t.stillWaiting.map { w -> [String: Any] in
                            var entry: [String: Any] = ["clinic": ContactText.redact(w.clinic), "url": clinicURL(w.slug),
                                                        "days_known": w.days != nil, "days": w.days ?? 0,
                                                        "days_text": w.days.map { $0 == 1 ? "1 day" : "\($0) days" } ?? ""]
                            if let since = w.since { entry["since"] = ["iso": since.iso, "display": since.display] }
                            return entry
                        },
                    ]
                },
                "funnel": r.funnel.map { ["id": $0.step, "title": $0.title, "clinics": $0.clinics] as [String: Any] },
            ]
        }
    }
}
