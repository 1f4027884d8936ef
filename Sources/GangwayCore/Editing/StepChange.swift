/// What `gangway mark` is asked to record for one step, and the record that results.
public struct StepChange: Sendable, Equatable {
    public var status: StepStatus
    /// `--date`: the day the status took effect (done's date, waiting's since, in-progress's start).
    public var date: Day?
    public var started: Day?
    public var since: Day?
    /// `--note`; an empty note removes the record's note.
    public var note: String?

    public init(status: StepStatus, date: Day? = nil, started: Day? = nil, since: Day? = nil, note: String? = nil) {
        self.status = status
        self.date = date
        self.started = started
        self.since = since
        self.note = note
    }

    /// The record's fields, by key, after the change: `old` as the case file has it, `today` for defaults.
    ///
    /// - done: `done` is the date (default today); `started` and `since` stay, so the wait stays measured.
    /// - waiting: `since` is `--since`, else the date, else today; `done` goes.
    /// - in-progress: `started` is `--started`, else the date, else the one recorded, else today; `done` goes.
    /// - todo: the dates go, unless given. blocked, skipped: dates stay but `done`; the note is `--note`
    ///   (kept only when the step already had that status); without one the checks refuse the change.
    func fields(old: RecordFields, today: Day) -> RecordFields {
        var f = old
        f.status = status.rawValue
        switch status {
        case .done:
            f.done = (date ?? today).iso
        case .waiting:
            f.done = nil
            f.since = (since ?? date ?? today).iso
        case .inProgress:
            f.done = nil
            f.started = (started ?? date ?? old.started.flatMap(Day.init(iso:)) ?? today).iso
        case .todo:
            f.done = nil
            f.started = nil
            f.since = nil
        case .blocked, .skipped:
            f.done = nil
            // The note says why it is blocked or skipped: an older note (of a wait, say) does not;
            // without --note the checks refuse the change.
            if old.status != status.rawValue { f.note = nil }
        }
        if let started { f.started = started.iso }
        if let since { f.since = since.iso }
        if let note { f.note = note.isEmpty ? nil : note }
        return f
    }
}

/// A step record's values as text, by key (`status`, `started`, `done`, `since`, `note`), and the
/// order its keys were written in, so that a re-written record keeps it.
struct RecordFields: Equatable {
    var status: String?
    var started: String?
    var done: String?
    var since: String?
    var note: String?
    /// Keys in the order the file had them; keys new to the record follow in `canonical` order.
    var order: [String] = []

    static let canonical = ["status", "started", "done", "since", "note"]

    subscript(key: String) -> String? {
        switch key {
        case "status": return status
        case "started": return started
        case "done": return done
        case "since": return since
        case "note": return note
        default: return nil
        }
    }

    /// The keys to write, in order, with their values. A key new to the record goes where
    /// `canonical` puts it among the keys already there.
    var pairs: [(String, String)] {
        var keys: [String] = []
        for key in order where RecordFields.canonical.contains(key) && !keys.contains(key) { keys.append(key) }
        for key in RecordFields.canonical where !keys.contains(key) {
            let rank = RecordFields.rank(key)
            if let at = keys.lastIndex(where: { RecordFields.rank($0) < rank }) { keys.insert(key, at: at + 1) } else { keys.insert(key, at: 0) }
        }
        return keys.compactMap { key in self[key].map { (key, $0) } }
    }

    static func rank(_ key: String) -> Int { canonical.firstIndex(of: key) ?? canonical.count }

    /// A value as YAML: dates and status words as they are, anything else quoted when it must be.
    static func scalar(_ key: String, _ value: String, flow: Bool) -> String {
        if key != "note", Day(iso: value) != nil || StepStatus(rawValue: value) != nil { return value }
        return YAMLQuote.scalar(value, flow: flow)
    }

    /// Whether the record is only a status, so that `step: done` shorthand can hold it.
    var isStatusOnly: Bool { started == nil && done == nil && since == nil && note == nil }
}
