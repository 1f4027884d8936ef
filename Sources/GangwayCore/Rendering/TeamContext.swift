import GangwayMustache

/// The team site's page contexts (the dashboard, its filtered pages, the reports), from the clinics'
/// views and figures. Like `TemplateContext`, the one place these pages' typed values become
/// template values: every free-text value arrives redacted and goes in as plain text.
enum TeamContext {
    /// One clinic as the team site lists it: its dashboard row's value, made once for every page that
    /// lists the clinic, and what the pages group and count it by.
    struct Row: Sendable {
        var value: MustacheValue
        var state: ClinicState
        var overdue: Bool
    }

    /// A clinic's dashboard row: state, progress, current step, who acts next (from the view's next
    /// action), days overdue, days in the current step, last activity, earliest finish and region.
    static func row(_ v: ClinicView, figures f: ClinicFigures, url: String) -> Row {
        let value: MustacheValue = .object(rowShape.object([
            "name": .string(v.name), "slug": .string(v.slug), "url": .string(url),
            "state": .string(v.status.state.rawValue), "state_label": .string(v.status.state.label),
            "done": .int(v.status.done), "total": .int(v.status.total),
            "percent": .int(v.percent), "progress_text": .string(ProgressText.of(v.status.steps)),
            "guide": .string(v.guide), "guide_title": .string(v.guideTitle), "next": .string(v.next.text),
            "acts_next": .string(v.next.actorName), "acts_next_key": .string(v.next.actor?.rawValue ?? "none"),
            "days_overdue_sort": .int(f.daysOverdue ?? -1), "days_in_step_sort": .int(f.daysInStep ?? -1),
            "last_activity_sort": .string(sortKey(f.lastActivity)), "earliest_finish_sort": .string(sortKey(f.earliestFinish)),
            "current_step": .optional(v.status.current?.title),
            "overdue": .bool(v.status.overdue),
            "days_overdue": .optional(f.daysOverdue.map(days)),
            "days_in_step": .optional(f.daysInStep.map(days)),
            "last_activity": TemplateContext.day(f.lastActivity),
            "earliest_finish": TemplateContext.day(f.earliestFinish),
            "region": .optional(v.region),
        ]))
        return Row(value: value, state: v.status.state, overdue: v.status.overdue)
    }

    /// Every clinic's row has these keys (see `MustacheShape`).
    private static let rowShape = MustacheShape()

    /// The dashboard, or one of its filtered pages when `filter` is given: the clinics grouped by
    /// state, most urgent first, and the filter links (`root` leads to the team site's root).
    /// `rows` are every clinic's, in the dashboard's order; a filter's members index into them.
    static func dashboard(_ rows: [Row], filters: [DashboardFilter], filter: DashboardFilter?, root: String) -> MustacheObject {
        let shown = filter.map { $0.members.map { rows[$0] } } ?? rows
        var byState: [ClinicState: [MustacheValue]] = [:]
        for row in shown { byState[row.state, default: []].append(row.value) }
        var groups: [MustacheValue] = []
        for state in ClinicState.byUrgency {
            let members = byState[state] ?? []
            groups.append(["state": .string(state.rawValue), "label": .string(state.label), "count": .int(members.count),
                           "clinics": .list(members), "has_clinics": .bool(!members.isEmpty)])
        }
        let filterGroups = DashboardFilter.Dimension.allCases.compactMap { dimension -> MustacheValue? in
            let entries = filters.filter { $0.dimension == dimension }
            guard !entries.isEmpty else { return nil }
            return ["name": .string(dimension.rawValue), "label": .string(dimension.label), "filters": .list(entries.map { e in
                ["label": .string(e.label), "url": .string(root + e.path), "count": .int(e.members.count), "current": .bool(e.path == filter?.path)]
            })]
        }
        let overdue = shown.filter(\.overdue).count
        var c: MustacheObject = ["clinics": .list(shown.map(\.value)), "groups": .list(groups), "clinic_count": .int(shown.count),
                                 "clinic_count_text": .string(shown.count == 1 ? "1 clinic" : "\(shown.count) clinics"),
                                 "overdue_count": .int(overdue), "has_overdue": .bool(overdue > 0),
                                 "filter_groups": .list(filterGroups), "all_url": .string(root + "index.html"),
                                 "heading": .string(DashboardFilter.heading(filter))]
        if let filter {
            c["filter"] = ["label": .string(filter.label), "dimension": .string(filter.dimension.label)]
        }
        return c
    }

    /// The reports page: per guide its turnaround, funnel and time to complete.
    static func reports(_ reports: [GuideReport], clinicURL: (String) -> String) -> MustacheObject {
        ["guides": .list(ReportsContext.guides(reports, clinicURL: clinicURL))]
    }

    static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// A date as text that sorts as the date does (ISO 8601); before every date for none.
    static func sortKey(_ day: Day?) -> String {
        day?.iso ?? "0000-00-00"
    }
}
