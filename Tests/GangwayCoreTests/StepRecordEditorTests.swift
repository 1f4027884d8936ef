import Testing
@testable import GangwayCore

/// `gangway mark`'s text surgery: each case is a case file, a change, and the exact text that
/// must result. Every line outside the step's record stays byte for byte.
@Suite struct StepRecordEditorTests {
    static let order = ["check", "request", "sign", "password", "finish"]
    static let today = Day(iso: "2026-11-29")!
    static func d(_ s: String) -> Day { Day(iso: s)! }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let step: String
        let change: StepChange
        let output: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "flow record to done keeps since, note and the comment after it",
             input: "# a comment\nclinic: \"Lakeshore\"   # trailing\nguide: demo\nsteps:\n  check: {status: done, done: 2026-10-01}\n  sign: {status: waiting, since: 2026-10-03, note: Sent}   # keep me\n  finish: {status: todo}\n",
             step: "sign", change: StepChange(status: .done, date: d("2026-10-09")),
             output: "# a comment\nclinic: \"Lakeshore\"   # trailing\nguide: demo\nsteps:\n  check: {status: done, done: 2026-10-01}\n  sign: {status: done, done: 2026-10-09, since: 2026-10-03, note: Sent}   # keep me\n  finish: {status: todo}\n"),
        Case(name: "block record to waiting, since defaults to --since; the comment after it stays",
             input: "guide: demo\nsteps:\n  sign:\n    status: todo\n  # comment between\n\n  finish: {status: todo}\n",
             step: "sign", change: StepChange(status: .waiting, since: d("2026-11-20")),
             output: "guide: demo\nsteps:\n  sign:\n    status: waiting\n    since: 2026-11-20\n  # comment between\n\n  finish: {status: todo}\n"),
        Case(name: "block record with a block scalar note, to done today",
             input: "guide: demo\nsteps:\n  sign:   # QHR\n    status: waiting\n    note: |\n      line one\n      line two\n  finish: todo\n",
             step: "sign", change: StepChange(status: .done),
             output: "guide: demo\nsteps:\n  sign:   # QHR\n    status: done\n    done: 2026-11-29\n    note: |\n      line one\n      line two\n  finish: todo\n"),
        Case(name: "block record: unchanged fields keep their lines and comments, a changed one keeps its comment",
             input: "guide: demo\nsteps:\n  sign:\n    status: waiting   # asked QHR\n    # the day we sent it\n    since: '2026-10-03'\n    note: Sent\n  finish: todo\n",
             step: "sign", change: StepChange(status: .done, date: d("2026-10-09"), note: ""),
             output: "guide: demo\nsteps:\n  sign:\n    status: done   # asked QHR\n    done: 2026-10-09\n    # the day we sent it\n    since: '2026-10-03'\n  finish: todo\n"),
        Case(name: "shorthand stays shorthand when only the status changes",
             input: "guide: demo\nsteps:\n  check: todo  # x\n  request: todo\n",
             step: "request", change: StepChange(status: .todo),
             output: "guide: demo\nsteps:\n  check: todo  # x\n  request: todo\n"),
        Case(name: "shorthand becomes flow when it needs dates",
             input: "guide: demo\nsteps:\n  check: todo  # x\n",
             step: "check", change: StepChange(status: .inProgress),
             output: "guide: demo\nsteps:\n  check: {status: in-progress, started: 2026-11-29}  # x\n"),
        Case(name: "a note that needs quotes",
             input: "guide: demo\nsteps:\n  check: {status: todo}\n",
             step: "check", change: StepChange(status: .skipped, note: "  Not needed: has a link, #1 \"old\"\nsee 'x'"),
             output: "guide: demo\nsteps:\n  check: {status: skipped, note: \"  Not needed: has a link, #1 \\\"old\\\"\\nsee 'x'\"}\n"),
        Case(name: "a step not listed goes after the step before it in the guide, in its neighbour's style",
             input: "guide: demo\nsteps:\n  check: {status: done, done: 2026-10-01}\n  sign: {status: done, done: 2026-10-09}\n  finish: {status: todo}\n",
             step: "password", change: StepChange(status: .waiting, since: d("2026-10-10")),
             output: "guide: demo\nsteps:\n  check: {status: done, done: 2026-10-01}\n  sign: {status: done, done: 2026-10-09}\n  password: {status: waiting, since: 2026-10-10}\n  finish: {status: todo}\n"),
        Case(name: "a step not listed goes after a block neighbour, in block style",
             input: "guide: demo\nsteps:\n  check:\n      status: done\n      done: 2026-10-01\n\n  finish: todo\n",
             step: "request", change: StepChange(status: .inProgress, started: d("2026-10-02")),
             output: "guide: demo\nsteps:\n  check:\n      status: done\n      done: 2026-10-01\n  request:\n      status: in-progress\n      started: 2026-10-02\n\n  finish: todo\n"),
        Case(name: "a first step not listed goes before the first record",
             input: "guide: demo\nsteps:\n    request: {status: todo}\n",
             step: "check", change: StepChange(status: .done, date: d("2026-10-01")),
             output: "guide: demo\nsteps:\n    check: {status: done, done: 2026-10-01}\n    request: {status: todo}\n"),
        Case(name: "no steps key: one is added at the end",
             input: "clinic: A\nguide: demo",
             step: "check", change: StepChange(status: .done, date: d("2026-10-01")),
             output: "clinic: A\nguide: demo\nsteps:\n  check: {status: done, done: 2026-10-01}\n"),
        Case(name: "steps with nothing under it",
             input: "guide: demo\nsteps:   # none yet\nnotes: hi\n",
             step: "sign", change: StepChange(status: .waiting, date: d("2026-11-01")),
             output: "guide: demo\nsteps:   # none yet\n  sign: {status: waiting, since: 2026-11-01}\nnotes: hi\n"),
        Case(name: "CRLF line endings are kept, on new lines too",
             input: "guide: demo\r\nsteps:\r\n  check: {status: done, done: 2026-10-01}\r\n  finish: {status: todo}\r\n",
             step: "sign", change: StepChange(status: .blocked, note: "Signatory away"),
             output: "guide: demo\r\nsteps:\r\n  check: {status: done, done: 2026-10-01}\r\n  sign: {status: blocked, note: Signatory away}\r\n  finish: {status: todo}\r\n"),
        Case(name: "CRLF block record",
             input: "guide: demo\r\nsteps:\r\n  sign:\r\n    status: waiting\r\n    since: 2026-10-03\r\n  finish: todo\r\n",
             step: "sign", change: StepChange(status: .done, date: d("2026-10-08")),
             output: "guide: demo\r\nsteps:\r\n  sign:\r\n    status: done\r\n    done: 2026-10-08\r\n    since: 2026-10-03\r\n  finish: todo\r\n"),
        Case(name: "a flow record over two lines, with text after it that is not Latin",
             input: "guide: demo\nsteps:\n  sign: {status: waiting, note: \"Café ☕, }\",\n         since: 2026-10-03}  # é\n  finish: todo\n",
             step: "sign", change: StepChange(status: .done, date: d("2026-10-05")),
             output: "guide: demo\nsteps:\n  sign: {status: done, done: 2026-10-05, note: \"Café ☕, }\", since: 2026-10-03}  # é\n  finish: todo\n"),
        Case(name: "an empty note removes the note; todo clears the dates",
             input: "guide: demo\nsteps:\n  sign: {status: waiting, since: 2026-10-03, note: Sent}\n",
             step: "sign", change: StepChange(status: .todo, note: ""),
             output: "guide: demo\nsteps:\n  sign: {status: todo}\n"),
        Case(name: "blocked drops the note of the wait before it; --note gives the reason",
             input: "guide: demo\nsteps:\n  sign: {status: waiting, since: 2026-10-03, note: Sent}\n  password: {status: blocked, note: Old reason}\n",
             step: "sign", change: StepChange(status: .blocked),
             output: "guide: demo\nsteps:\n  sign: {status: blocked, since: 2026-10-03}\n  password: {status: blocked, note: Old reason}\n"),
        Case(name: "blocked again keeps its reason",
             input: "guide: demo\nsteps:\n  password: {status: blocked, note: Old reason}\n",
             step: "password", change: StepChange(status: .blocked, started: d("2026-10-04")),
             output: "guide: demo\nsteps:\n  password: {status: blocked, started: 2026-10-04, note: Old reason}\n"),
        Case(name: "quoted shorthand",
             input: "guide: demo\nsteps:\n  check: \"todo\" # q\n",
             step: "check", change: StepChange(status: .waiting),
             output: "guide: demo\nsteps:\n  check: {status: waiting, since: 2026-11-29} # q\n"),
    ]

    @Test(arguments: cases)
    func edits(_ c: Case) throws {
        let out = try StepRecordEditor(text: c.input).applying(c.change, to: c.step, order: Self.order, today: Self.today)
        #expect(out == c.output)
    }

    @Test func flowStepsAreRefused() {
        #expect(throws: StepRecordEditor.Failure.stepsNotBlock) {
            try StepRecordEditor(text: "guide: demo\nsteps: {check: todo}\n").applying(StepChange(status: .done), to: "check", order: Self.order, today: Self.today)
        }
    }

    @Test func brokenYAMLIsRefused() {
        #expect(throws: StepRecordEditor.Failure.unreadable) {
            try StepRecordEditor(text: "guide: [demo\n").applying(StepChange(status: .done), to: "check", order: Self.order, today: Self.today)
        }
    }

    @Test(arguments: [
        ("plain", "plain"), ("Sent to Dr. Singh", "Sent to Dr. Singh"), ("a: b", "\"a: b\""), ("a #b", "\"a #b\""),
        ("yes", "\"yes\""), ("2026-10-03", "\"2026-10-03\""), ("12", "\"12\""), ("", "\"\""), (" x", "\" x\""),
        ("- x", "\"- x\""), ("tab\there", "\"tab\\there\""), ("a,b", "\"a,b\""), ("*alias", "\"*alias\""), ("null", "\"null\""),
    ])
    func quoting(_ pair: (String, String)) {
        // Block context: commas are fine plain; flow context quotes them.
        let block = YAMLQuote.scalar(pair.0, flow: false)
        if pair.0 == "a,b" { #expect(block == "a,b") } else { #expect(block == pair.1) }
        #expect(YAMLQuote.scalar(pair.0, flow: true) == pair.1)
    }
}
