/// Dates after today, which are usually typos.
enum FutureDateRule {
    static func check(_ c: CaseFile, today: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (id, r) in c.steps {
            for (key, day) in [("started", r.started), ("done", r.done), ("since", r.since)] {
                if let day, day > today {
                    out.append(.warning(.afterToday(id, key, day, today: today), at: r.fieldLocations[key] ?? r.location,
                                        hint: "check the month and the year"))
                }
            }
        }
        return out
    }
}

extension String {
    fileprivate static func afterToday(_ id: String, _ key: String, _ day: Day, today: Day) -> String {
        "step '\(id)' has a '\(key)' date after today: \(day.iso) (today is \(today.iso))"
    }
}
