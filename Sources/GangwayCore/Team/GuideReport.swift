/// One clinic still waiting at a step, with its days so far (none when its wait has no start).
public struct StillWaiting: Sendable, Equatable {
    public var slug: String
    public var clinic: String
    public var since: Day?
    public var days: Int?
}

/// The measured turnaround of one guide step that states a wait (SPEC.md, Team site).
public struct StepTurnaround: Sendable, Equatable {
    public var step: String
    public var title: String
    public var waitDays: Int
    /// Every measured wait, in days, sorted: `done` minus its `since`, else its default `since`.
    public var waits: [Int]
    public var stillWaiting: [StillWaiting]

    public var measured: Int { waits.count }
    public var median: Int? { NearestRank.median(waits) }
    public var p90: Int? { NearestRank.p90(waits) }
    public var longest: Int? { waits.last }
    /// How many waits took longer than `wait_days`.
    public var overWait: Int { waits.filter { $0 > waitDays }.count }
    /// `overWait / measured` in hundredths, rounded half up; nil with nothing measured.
    public var overWaitHundredths: Int? {
        measured == 0 ? nil : (overWait * 200 + measured) / (2 * measured)
    }
    /// The share as text with two decimals (`0.25`), empty with nothing measured.
    public var overWaitText: String {
        guard let h = overWaitHundredths else { return "" }
        return "\(h / 100)." + (h % 100 < 10 ? "0" : "") + "\(h % 100)"
    }
}

/// How many clinics stand at a step (have it as their current step).
public struct FunnelStage: Sendable, Equatable {
    public var step: String
    public var title: String
    public var clinics: Int
}

/// Everything the reports page shows for one guide.
public struct GuideReport: Sendable, Equatable {
    public var guide: String
    public var title: String
    /// One entry per step with `wait_days`, in the guide's order.
    public var turnaround: [StepTurnaround]
    /// One stage per step, in order; then `complete`.
    public var funnel: [FunnelStage]
    public var complete: Int
    /// Days from first activity to complete, per complete clinic with dates, sorted.
    public var completionDays: [Int]
    public var medianDaysToComplete: Int? { NearestRank.median(completionDays) }
    public var clinics: Int
}

/// The reports' figures, as pure functions of a guide and its clinics' statuses.
public enum TeamFigures {
    /// The report of `guide` over `statuses` (those of other guides are left out).
    /// Days so far count to each status's own today.
    public static func report(guide: Guide, statuses: [ClinicStatus]) -> GuideReport {
        let mine = statuses.filter { $0.guide == guide.name }.sorted { $0.slug < $1.slug }
        return GuideReport(
            guide: guide.name, title: guide.title,
            turnaround: turnaround(guide: guide, statuses: mine),
            funnel: guide.steps.map { step in
                FunnelStage(step: step.id, title: step.title, clinics: mine.filter { $0.currentStep == step.id }.count)
            },
            complete: mine.filter { $0.currentStep == nil }.count,
            completionDays: mine.compactMap(daysToComplete).sorted(),
            clinics: mine.count)
    }

    /// One entry per step with `wait_days`.
    public static func turnaround(guide: Guide, statuses: [ClinicStatus]) -> [StepTurnaround] {
        guide.steps.enumerated().compactMap { index, step -> StepTurnaround? in
            guard let wait = step.waitDays else { return nil }
            var waits: [Int] = []
            var still: [StillWaiting] = []
            for status in statuses where status.guide == guide.name && index < status.steps.count {
                let view = status.steps[index]
                if view.status == .done, let done = view.done {
                    let defaultSince = status.steps[..<index].last { $0.status == .done && $0.done != nil }?.done
                    if let start = view.since ?? defaultSince { waits.append(done.days(since: start)) }
                } else if view.status == .waiting {
                    // The status's since already falls back on the previous step's done.
                    still.append(StillWaiting(slug: status.slug, clinic: status.clinic, since: view.since,
                                              days: view.since.map { status.today.days(since: $0) }))
                }
            }
            still.sort { ($0.days ?? -1, $1.slug) > ($1.days ?? -1, $0.slug) }
            return StepTurnaround(step: step.id, title: step.title, waitDays: wait, waits: waits.sorted(), stillWaiting: still)
        }
    }

    /// Latest `done` minus the earliest `started`, `since` or `done`, for a complete clinic; nil otherwise.
    public static func daysToComplete(_ status: ClinicStatus) -> Int? {
        guard status.currentStep == nil else { return nil }
        let dates = status.steps.flatMap { [$0.started, $0.since, $0.done] }.compactMap { $0 }
        guard let last = status.steps.compactMap(\.done).max(), let first = dates.min() else { return nil }
        return last.days(since: first)
    }
}
