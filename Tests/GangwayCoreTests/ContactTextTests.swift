import Foundation
import Testing
import GangwayTestSupport
@testable import GangwayCore

/// `ContactText.redact`: every separator a phone number is written with, every encoding an email
/// reaches a page in, and the numbers it must leave alone (dates, short numbers).
@Suite struct ContactTextTests {
    static let b = "\u{2022}"
    static let masked = "\u{2022}\u{2022}\u{2022}"

    /// 416 555 0112 with each separator: all ten digits hidden, the separators kept.
    @Test(arguments: [
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}", "\u{FF0D}", "\u{2E3A}",
        ".", "\u{FF0E}", " ", "\u{A0}", "\u{2007}", "\u{2009}", "\u{202F}", "\u{3000}", "\t", "/", "\u{FF0F}", "_", ",",
        "%20", "%2D", "%E2%80%93", "%C2%A0", " - ", " / ", ". ", "\u{200B}", "-\u{200B}",
    ])
    func aPhoneNumberLosesItsDigitsWhateverTheSeparator(_ sep: String) {
        let input = "call 416\(sep)555\(sep)0112 today"
        let output = ContactText.redact(input)
        let expected = "call \(Self.b)\(Self.b)\(Self.b)\(sep)\(Self.b)\(Self.b)\(Self.b)\(sep)\(Self.b)\(Self.b)\(Self.b)\(Self.b) today"
        // `. ` ends a sentence, so "416. 555. 0112" is three short numbers: the one separator that may not join.
        if sep == ". " {
            #expect(output == input)
        } else {
            #expect(output == expected, "\(input.debugDescription) → \(output.debugDescription)")
        }
    }

    @Test(arguments: [
        ("+1 (416) 555-0112", "+\(b) (\(b)\(b)\(b)) \(b)\(b)\(b)-\(b)\(b)\(b)\(b)"),
        ("(416)555-0112", "(\(b)\(b)\(b))\(b)\(b)\(b)-\(b)\(b)\(b)\(b)"),
        ("+44 20 7946 0958", "+\(b)\(b) \(b)\(b) \(b)\(b)\(b)\(b) \(b)\(b)\(b)\(b)"),
        ("01 23 45 67 89", "\(b)\(b) \(b)\(b) \(b)\(b) \(b)\(b) \(b)\(b)"),
        ("416,555,0112", "\(b)\(b)\(b),\(b)\(b)\(b),\(b)\(b)\(b)\(b)"),
        ("4165550112", String(repeating: b, count: 10)),
        ("\u{FF14}\u{FF11}\u{FF16}\u{FF0D}\u{FF15}\u{FF15}\u{FF15}\u{FF0D}\u{FF10}\u{FF11}\u{FF11}\u{FF12}",
         "\(b)\(b)\(b)\u{FF0D}\(b)\(b)\(b)\u{FF0D}\(b)\(b)\(b)\(b)"),
        ("\u{0664}\u{0661}\u{0666}-\u{0665}\u{0665}\u{0665}-\u{0660}\u{0661}\u{0661}\u{0662}", "\(b)\(b)\(b)-\(b)\(b)\(b)-\(b)\(b)\(b)\(b)"),
        ("4\u{20E3}1\u{20E3}6\u{20E3}5550100", "\(b)\u{20E3}\(b)\u{20E3}\(b)\u{20E3}\(b)\(b)\(b)\(b)\(b)\(b)\(b)"),
        ("tel:%2B1%20416%20555%200112", "tel:%2B\(b)%20\(b)\(b)\(b)%20\(b)\(b)\(b)%20\(b)\(b)\(b)\(b)"),
        ("tel:%34%31%36%35%35%35%30%31%31%32", "tel:" + String(repeating: b, count: 10)),
        // An extension is not part of the number: its digits alone reach nobody.
        ("416-555-0112 ext. 12", "\(b)\(b)\(b)-\(b)\(b)\(b)-\(b)\(b)\(b)\(b) ext. 12"),
        ("416-555-0112x12", "\(b)\(b)\(b)-\(b)\(b)\(b)-\(b)\(b)\(b)\(b)x12"),
        // Two numbers in a list are each hidden.
        ("416-555-0112, 647 555 0199", "\(b)\(b)\(b)-\(b)\(b)\(b)-\(b)\(b)\(b)\(b), \(b)\(b)\(b) \(b)\(b)\(b) \(b)\(b)\(b)\(b)"),
        // A date beside a number: the date stays, the number goes.
        ("2026-11-29 416-555-0112", "2026-11-29 \(b)\(b)\(b)-\(b)\(b)\(b)-\(b)\(b)\(b)\(b)"),
        ("invoice 12345678", "invoice " + String(repeating: b, count: 8)),
    ])
    func phoneNumbersInTheirUsualShapes(_ input: String, _ expected: String) {
        #expect(ContactText.redact(input) == expected, "\(input.debugDescription) → \(ContactText.redact(input).debugDescription)")
    }

    @Test(arguments: [
        ("mail a@b.example now", "mail a\(masked)@b.example now"),
        ("end with x.y@clinic.example.", "end with x\(masked)@clinic.example."),
        ("<a href=\"mailto:asingh@lakeshore.example\">", "<a href=\"mailto:a\(masked)@lakeshore.example\">"),
        ("<a href=\"mailto:asingh%40lakeshore.example\">", "<a href=\"mailto:a\(masked)%40lakeshore.example\">"),
        ("mailto:asingh%40lakeshore%2Eexample", "mailto:a\(masked)%40lakeshore%2Eexample"),
        ("asingh\u{FF20}lakeshore.example", "a\(masked)\u{FF20}lakeshore.example"),
        ("asingh\u{FE6B}lakeshore.example", "a\(masked)\u{FE6B}lakeshore.example"),
        ("\u{FF41}\u{FF53}\u{FF49}\u{FF20}\u{FF4C}\u{FF41}\u{FF4B}\u{FF45}\u{FF0E}\u{FF45}\u{FF58}", "\u{FF41}\(masked)\u{FF20}\u{FF4C}\u{FF41}\u{FF4B}\u{FF45}\u{FF0E}\u{FF45}\u{FF58}"),
        ("mailto:asingh%EF%BC%A0lakeshore.example", "mailto:a\(masked)%EF%BC%A0lakeshore.example"),
        ("asingh&#64;lakeshore.example", "a\(masked)&#64;lakeshore.example"),
        ("asingh&#x40;lakeshore.example", "a\(masked)&#x40;lakeshore.example"),
        ("asingh&commat;lakeshore.example", "a\(masked)&commat;lakeshore.example"),
        ("asingh(at)lakeshore.example", "a\(masked)(at)lakeshore.example"),
        ("asingh [AT] lakeshore.example", "a\(masked) [AT] lakeshore.example"),
        ("asingh {at} lakeshore.example", "a\(masked) {at} lakeshore.example"),
        ("a@b@c.example", "a@b\(masked)@c.example"),
        ("a.b+tag@sub.clinic.example", "a\(masked)@sub.clinic.example"),
    ])
    func emailsAreMaskedWhateverTheirEncoding(_ input: String, _ expected: String) {
        #expect(ContactText.redact(input) == expected, "\(input.debugDescription) → \(ContactText.redact(input).debugDescription)")
    }

    /// Text that holds no contact comes back unchanged.
    @Test(arguments: [
        "not an address: a@b, @home, x@localhost, me (at) noon",
        "on 2026-10-03 and 2026-11-01", "(2026-10-03)", "2026-10-03 2026-11-01", "2026-10-03\u{2013}2026-11-01",
        "2026/11/29", "29/11/2026", "29.11.2026", "11/29/2026", "2026.11.29", "\u{FF12}\u{FF10}\u{FF12}\u{FF16}-\u{FF11}\u{FF11}-\u{FF12}\u{FF19}",
        "room 12, floor 3", "steps 1, 2, 3, 4, 5, 6, 7 and 8", "rooms 12, 34, 56, 78", "at 10:30, 11:45 or 14:00",
        "in 2025 and 2026", "1. 2. 3. 4. 5. 6. 7.", "12 345", "version 1.2.3", "call ext. 1234",
        "Waiting for 3 to 4 weeks, since 2026-11-01.",
    ])
    func datesAndOrdinaryNumbersAreLeftAlone(_ input: String) {
        #expect(ContactText.redact(input) == input, "\(input.debugDescription) → \(ContactText.redact(input).debugDescription)")
        #expect(!ContactText.holdsContact(input))
    }

    /// A second pass changes nothing, and the result holds no contact by the audit's own patterns.
    @Test func redactionIsIdempotentAndLeavesNothingTheAuditFinds() {
        for input in MaskingCorpus.lines + MaskingCorpus.lines.map({ $0.uppercased() }) {
            let once = ContactText.redact(input)
            #expect(ContactText.redact(once) == once, "\(input.debugDescription)")
            #expect(SiteAudit.contacts(in: once).isEmpty, "\(input.debugDescription) → \(once.debugDescription)")
            for needle in MaskingCorpus.needles(in: input) {
                #expect(!once.contains(needle), "\(needle) survives in \(once.debugDescription)")
            }
        }
    }

    /// Long text of many addresses and numbers redacts completely (the speed is in scripts/bench-redact).
    @Test func longTextIsRedactedWhole() {
        let unit = "Write to zq\(0)x@clinic.example or call 416\u{2013}555\u{2013}0199; seen 2026-11-29. "
        let text = String(repeating: unit, count: 2_000)
        let out = ContactText.redact(text)
        #expect(!out.contains("0199") && !out.contains("zq0x@"))
        #expect(out.components(separatedBy: "2026-11-29").count == 2_001)
    }
}
