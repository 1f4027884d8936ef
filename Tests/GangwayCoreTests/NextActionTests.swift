import Testing
@testable import GangwayCore

/// Who acts next (SPEC.md), for every state of the step it is about × its owner × its `wait_on`,
/// through the derive step, so the page's words, status.json's `acts_next` and the listings agree.
@Suite struct NextActionTests {
    static let config = SiteConfig(title: "T")

    static func guide(owner: Owner, waitOn: Owner?, waitFor: String? = nil) -> Guide {
        Guide(name: "g", title: "G", emr: "Accuro", vendor: "QHR", summary: nil, introHTML: "",
              steps: [step("a", owner, waitOn: waitOn, waitFor: waitFor), step("b", .ocean)], file: "g/guide.md")
    }

    static func step(_ id: String, _ owner: Owner, waitOn: Owner? = nil, waitFor: String? = nil) -> Step {
        Step(id: id, title: id.uppercased(), owner: owner, waitOn: waitOn, waitDays: 7, waitFor: waitFor, requires: [],
             skipIfExistingLink: false, bodyHTML: "", file: "", idLocation: GangwayCore.SourceLocation(file: ""))
    }

    static func caseFile(_ steps: [(String, StepRecord)]) -> CaseFile {
        CaseFile(slug: "c", file: "content/clinics/c.yml", clinic: "C", guide: "g", guideLocation: GangwayCore.SourceLocation(file: "c.yml"),
                 officeName: nil, region: nil, oceanContact: nil, signatory: nil, providers: [], providersLocation: nil,
                 existingCDSLink: false, existingCDSLinkLocation: nil, notes: nil, steps: steps.map { (id: $0.0, record: $0.1) })
    }

    static func record(_ status: StepStatus) -> StepRecord {
        switch status {
        case .done: return StepRecord(status: .done, done: Day(iso: "2026-11-01")!)
        case .blocked, .skipped: return StepRecord(status: status, note: "held up")
        case .waiting: return StepRecord(status: .waiting, since: Day(iso: "2026-11-01")!)
        default: return StepRecord(status: status, started: status == .inProgress ? Day(iso: "2026-11-01")! : nil)
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let status: StepStatus
        let owner: Owner
        let waitOn: Owner?
        let actsNext: Owner
        var testDescription: String { "\(status.rawValue) step owned by \(owner.rawValue), wait_on \(waitOn?.rawValue ?? "unset")" }
    }

    /// Waiting: the step's `wait_on`; unset, its owner, or the vendor when the clinic owns it.
    static let waiting: [Case] = [
        Case(status: .waiting, owner: .clinic, waitOn: nil, actsNext: .vendor),
        Case(status: .waiting, owner: .clinic, waitOn: .clinic, actsNext: .clinic),
        Case(status: .waiting, owner: .clinic, waitOn: .vendor, actsNext: .vendor),
        Case(status: .waiting, owner: .clinic, waitOn: .ocean, actsNext: .ocean),
        // The bug of issue 11: these two said "Clinic" next to their own "QHR acts" badge.
        Case(status: .waiting, owner: .vendor, waitOn: nil, actsNext: .vendor),
        Case(status: .waiting, owner: .ocean, waitOn: nil, actsNext: .ocean),
        Case(status: .waiting, owner: .vendor, waitOn: .clinic, actsNext: .clinic),
        Case(status: .waiting, owner: .vendor, waitOn: .vendor, actsNext: .vendor),
        Case(status: .waiting, owner: .vendor, waitOn: .ocean, actsNext: .ocean),
        Case(status: .waiting, owner: .ocean, waitOn: .clinic, actsNext: .clinic),
        Case(status: .waiting, owner: .ocean, waitOn: .vendor, actsNext: .vendor),
        Case(status: .waiting, owner: .ocean, waitOn: .ocean, actsNext: .ocean),
    ]

    /// Not waiting: the owner acts, whatever `wait_on` says.
    static let others: [Case] = [StepStatus.todo, .inProgress, .blocked].flatMap { status in
        [(Owner.clinic, Owner.clinic), (.vendor, .vendor), (.ocean, .ocean)].flatMap { owner, expected in
            [nil, Owner.clinic, .vendor, .ocean].map { Case(status: status, owner: owner, waitOn: $0, actsNext: expected) }
        }
    }

    @Test(arguments: waiting + others)
    func whoActsNext(_ c: Case) {
        let view = ClinicView.derive(guide: Self.guide(owner: c.owner, waitOn: c.waitOn), caseFile: Self.caseFile([("a", Self.record(c.status))]),
                                     today: Day(iso: "2026-11-03")!, config: Self.config)
        #expect(view.status.actsNext == c.actsNext)
        #expect(view.next.actor == c.actsNext)
        #expect(view.next.actorName == ["clinic": "Clinic", "vendor": "QHR", "ocean": "Ocean"][c.actsNext.rawValue])
        #expect(view.next.step == "a")
        #expect(JSONText.encode(view.status.json).contains("\"current_step\": \"a\", \"acts_next\": \"\(c.actsNext.rawValue)\""))
    }

    @Test func aVendorStepWaitingSaysTheVendorActs() {
        let view = ClinicView.derive(guide: Self.guide(owner: .vendor, waitOn: nil), caseFile: Self.caseFile([("a", Self.record(.waiting))]),
                                     today: Day(iso: "2026-11-03")!, config: Self.config)
        #expect(view.next.text == "Waiting on QHR. Expected by 8 Nov 2026.")
        #expect(view.rows[0].ownerName == "QHR")
    }

    @Test func theFirstBlockedStepsOwnerWinsOverAWaitingCurrentStep() {
        let view = ClinicView.derive(guide: Self.guide(owner: .clinic, waitOn: .vendor),
                                     caseFile: Self.caseFile([("a", Self.record(.waiting)), ("b", Self.record(.blocked))]),
                                     today: Day(iso: "2026-11-03")!, config: Self.config)
        #expect(view.status.actsNext == .ocean)
        #expect(view.next == NextAction(actor: .ocean, actorName: "Ocean", text: "Blocked at \u{201C}B\u{201D}: held up", step: "b",
                                        expectedBy: nil, overdue: false))
    }

    @Test func aCompleteClinicHasNobodyActing() {
        let view = ClinicView.derive(guide: Self.guide(owner: .vendor, waitOn: nil),
                                     caseFile: Self.caseFile([("a", Self.record(.done)), ("b", Self.record(.skipped))]),
                                     today: Day(iso: "2026-11-03")!, config: Self.config)
        #expect(view.status.actsNext == nil)
        #expect(view.next.actor == nil && view.next.step == nil && view.next.actorName == "Nobody")
        #expect(JSONText.encode(view.status.json).contains("\"current_step\": null, \"acts_next\": null"))
    }

    @Test func everyPersonFieldIsRedactedUnlessContactsArePublished() {
        var clinic = Self.caseFile([])
        let loc = GangwayCore.SourceLocation(file: "c.yml")
        clinic.signatory = Person(name: "Dr. A 416-555-0101", title: "Direct line 416-555-0199", email: "asingh@lakeshore.example",
                                  phone: "416-555-0100", role: nil, location: loc)
        clinic.providers = [Person(name: "Dr. B b@lakeshore.example", title: nil, email: "b@lakeshore.example", phone: nil,
                                   role: "physician, pager 416 555 0142", location: loc)]
        let hidden = ClinicView.derive(guide: Self.guide(owner: .clinic, waitOn: nil), caseFile: clinic, today: Day(iso: "2026-11-03")!, config: Self.config)
        #expect(hidden.contacts == [PersonView(role: "Contract signatory", name: "Dr. A •••-•••-••••", title: "Direct line •••-•••-••••",
                                               email: "a•••@lakeshore.example", emailLink: nil, phone: nil)])
        #expect(hidden.providers == [PersonView(role: "physician, pager ••• ••• ••••", name: "Dr. B b•••@lakeshore.example", title: nil,
                                                email: "b•••@lakeshore.example", emailLink: nil, phone: nil)])
        var open = Self.config
        open.publishEmails = true
        let shown = ClinicView.derive(guide: Self.guide(owner: .clinic, waitOn: nil), caseFile: clinic, today: Day(iso: "2026-11-03")!, config: open)
        #expect(shown.contacts[0] == PersonView(role: "Contract signatory", name: "Dr. A 416-555-0101", title: "Direct line 416-555-0199",
                                                email: "asingh@lakeshore.example", emailLink: "mailto:asingh@lakeshore.example", phone: "416-555-0100"))
    }
}
