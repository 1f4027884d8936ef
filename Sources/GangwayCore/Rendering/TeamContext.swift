/// The team site's page contexts (the dashboard, its filtered pages, the reports), from the clinics'
/// views and figures. Like `TemplateContext`, the one place these pages' typed values become
/// template values: every free-text value arrives redacted and goes in as plain text.
enum TeamContext {
    /// One clinic as the team site lists it: its view, its dashboard figures, and its page's URL.
    struct Row {
        var view: ClinicView
        var figures: ClinicFigures
        var url: String
    }

    /// A clinic's dashboard row: state, progress, current step, who acts next (from the view's next
    /// action), days overdue, days in the current step, last activity, earliest finish and region.
    static func row(_ r: Row) -> [String: Any] {
        let v = r.view, f = r.figures
        var row: [String: Any] = [
            "name": v.name, "slug": v.slug, "url": r.url,
            "state": v.status.state.rawValue, "state_label": v.status.state.label, "done": v.status.done, "total": v.status.total,
            "percent": v.percent, "progress_text": ProgressText.of(v.status.steps), "guide": v.guide, "guide_title": v.guideTitle, "next": v.next.text,
            "acts_next": v.next.actorName, "acts_next_key": v.next.actor?.rawValue ?? "none",
            "days_overdue_sort": f.daysOverdue ?? -1, "days_in_step_sort": f.daysInStep ?? -1,
            "last_activity_sort": sortKey(f.lastActivity), "earliest_finish_sort": sortKey(f.earliestFinish),
        ]
        row.put("current_step", v.status.current?.title)
        row["overdue"] = v.status.overdue
        row.put("days_overdue", f.daysOverdue.map(days))
        row.put("days_in_step", f.daysInStep.map(days))
        row.put("last_activity", f.lastActivity.map(TemplateContext.day))
        row.put("earliest_finish", f.earliestFinish.map(TemplateContext.day))
        row.put("region", v.region)
        return row
    }

    /// The dashboard, or one of its filtered pages when `filter` is given: the clinics grouped by
    /// state, most urgent first, and the filter links (`root` leads to the team site's root).
    static func dashboard(_ rows: [Row], filters: [DashboardFilter], filter: DashboardFilter?, root: String) -> [String: Any] {
        let shown = filter.map { f in rows.filter { f.members.contains($0.view.slug) } } ?? rows
        let contexts = shown.map(row)
        var groups: [[String: Any]] = []
        for state in ClinicState.byUrgency {
            let members = zip(shown, contexts).filter { $0.0.view.status.state == state }.map(\.1)
            groups.append(["state": state.rawValue, "label": state.label, "count": members.count, "clinics": members, "has_clinics": !members.isEmpty])
        }
        let filterGroups = DashboardFilter.Dimension.allCases.compactMap { dimension -> [String: Any]? in
            let entries = filters.filter { $0.dimension == dimension }
            guard !entries.isEmpty else { return nil }
            return ["name": dimension.rawValue, "label": dimension.label, "filters": entries.map { e -> [String: Any] in
                ["label": e.label, "url": root + e.path, "count": e.members.count, "current": e == filter]
            }]
        }
        var c: [String: Any] = ["clinics": contexts, "groups": groups, "clinic_count": shown.count,
                                "overdue_count": shown.filter { $0.view.status.overdue }.count,
                                "filter_groups": filterGroups, "all_url": root + "index.html",
                                "heading": filter.map { "\($0.dimension.label): \($0.label)" } ?? "Dashboard"]
        if let filter {
            c["filter"] = ["label": filter.label, "dimension": filter.dimension.label]
        }
        return c
    }

    /// The reports page: per guide its turnaround, funnel and time to complete.
    static func reports(_ reports: [GuideReport], clinicURL: (String) -> String) -> [String: Any] {
        ["guides": ReportsContext.guides(reports, clinicURL: clinicURL)]
    }

    static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// A date as text that sorts as the date does (ISO 8601); before every date for none.
    static func sortKey(_ day: Day?) -> String {
        day?.iso ?? "0000-00-00"
    }
}
