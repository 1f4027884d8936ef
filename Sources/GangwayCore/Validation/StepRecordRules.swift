/// The rules on one step record by itself: `done` needs a `done` date, `blocked` and `skipped`
/// need a note, and a step is not done before it started.
enum StepRecordRules {
    static func check(_ c: CaseFile) -> [(step: String, diagnostic: Diagnostic)] {
        var out: [(String, Diagnostic)] = []
        for (id, r) in c.steps {
            // A value with an error of its own (a bad date, a list for a note) is not reported again as missing.
            if r.status == .done && r.done == nil && !r.invalidFields.contains("done") {
                out.append((id, .error(.doneWithoutDate(id), at: r.statusLocation, hint: r.isShorthand ? .writeDone(id) : .addDone)))
            }
            if (r.status == .blocked || r.status == .skipped) && !r.invalidFields.contains("note") && (r.note ?? "").allSatisfy(\.isWhitespace) {
                out.append((id, .error(.withoutNote(id, r.status), at: r.statusLocation,
                                       hint: r.isShorthand ? .writeNote(id, r.status) : .addNote)))
            }
            if let started = r.started, let done = r.done, done < started {
                out.append((id, .error(.doneBeforeStarted(id, done: done, started: started), at: r.fieldLocations["done"] ?? r.location,
                                       hint: "check both dates")))
            }
        }
        return out
    }
}

extension String {
    fileprivate static func doneWithoutDate(_ id: String) -> String { "step '\(id)' is done but has no 'done' date" }
    fileprivate static func writeDone(_ id: String) -> String { "write it like \(id): {status: done, done: YYYY-MM-DD}" }
    fileprivate static let addDone = "add done: YYYY-MM-DD"

    fileprivate static func withoutNote(_ id: String, _ status: StepStatus) -> String {
        "step '\(id)' is \(status.rawValue) but has no 'note' saying why"
    }

    fileprivate static func writeNote(_ id: String, _ status: StepStatus) -> String { "write it like \(id): {status: \(status.rawValue), note: …}" }
    fileprivate static let addNote = "add note: … (what it waits on, or why the step does not apply)"

    fileprivate static func doneBeforeStarted(_ id: String, done: Day, started: Day) -> String {
        "step '\(id)' is done on \(done.iso), before it started on \(started.iso)"
    }
}
