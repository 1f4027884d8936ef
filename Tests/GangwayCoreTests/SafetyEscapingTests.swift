import Foundation
import GangwayTestSupport
import Testing
@testable import GangwayCore

/// Escaped: an injection corpus goes into every value a site can hold, through the real
/// pipeline; then every page is parsed and compared with a clean build of the same site, to
/// prove that no element, attribute, script or link scheme came from the input.
@Suite struct SafetyEscapingTests {
    /// Text that tries to become markup, script or a template tag wherever it lands.
    static let payloads = [
        "<script>alert('p0')</script>",
        "\"><img src=x onerror=alert('p1')>",
        "' onmouseover='alert(\"p2\")' x='",
        "\" onmouseover=\"alert('p3')\" x=\"",
        "</script><script>alert('p4')</script><!--",
        "<svg/onload=alert('p5')><iframe src=javascript:alert('p5')></iframe>",
        "{{site.title}} {{{status_json}}} {{#clinic}}p6{{/clinic}} {{> layout}}",
        "line\u{2028}separator\u{2029}p7 </SCRIPT > <!-- <script>",
        "&lt;b&gt;p8&lt;/b&gt; &amp;amp; &#60;i&#62;",
        "javascript:alert('p9')",
        "<style>body{display:none}</style><meta http-equiv=refresh content='0;url=https://evil.example/p10'>",
        "<base href=https://evil.example/p11/><form action=https://evil.example><input name=p11></form>",
    ]

    /// Markdown that tries raw HTML and dangerous link schemes.
    static let markdown = """
        Raw: <script>alert('m0')</script> <img src=x onerror=alert('m1')> <iframe src="https://evil.example/m2"></iframe>
        <div onclick="alert('m3')">div</div> <style>*{color:red}</style> <a href="javascript:alert('m4')">a</a>

        [js](javascript:alert('m5')) [case](JaVaScRiPt:alert('m6')) [vb](vbscript:msgbox('m7')) [file](file:///etc/passwd)
        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [spaced](  javascript:alert('m8'))
        [entity](java&#x73;cript:alert('m9')) [entity2](&#106;avascript:alert('m10')) [tab](java\tscript:alert('m11'))
        ![img](javascript:alert('m12')) ![svg](data:image/svg+xml;base64,PHN2Zz4=) <javascript:alert('m13')>
        [ok](https://ocean.example/) ![ok](data:image/png;base64,iVBORw0KGgo=) [rel](../guides/demo/index.html)

        <!-- a comment --> </script> \u{2028} {{site.title}}

        """

    /// The corpus as a site: payload `i` (or, for the clean build, plain text) in every value.
    static func files(clean: Bool, unsafeHTML: Bool = false, publishEmails: Bool = false) throws -> [String: String] {
        var n = 0
        func p() -> String {
            defer { n += 1 }
            return clean ? "plain value \(n)" : payloads[n % payloads.count]
        }
        func q() -> String { JSONText.string(p()) }  // a YAML double-quoted scalar
        /// A payload named for the tests that look for it.
        func named(_ i: Int) -> String { JSONText.string(clean ? "plain named \(i)" : payloads[i]) }
        let md = clean ? "Plain Markdown body." : markdown
        var files = try SafetySite.basicFiles()
        files["gangway.yml"] = "title: \(named(6))\ndashboard: true\nunsafe_html: \(unsafeHTML)\npublish_emails: \(publishEmails)\n"
        files["content/guides/demo/guide.md"] = "---\ntitle: \(q())\nemr: \(q())\nvendor: \(q())\nsummary: \(q())\n---\n\(md)"
        files["content/guides/demo/01-request.md"] = """
            ---
            title: \(q())
            owner: clinic
            requires: [signatory, providers, office_name]
            ---
            \(md)
            """
        files["content/guides/demo/02-sign.md"] = """
            ---
            id: sign-contract
            title: \(q())
            owner: clinic
            wait_days: 7
            wait_for: \(q())
            ---
            \(md)
            """
        files["content/pages/faq.md"] = "---\ntitle: \(q())\n---\n\(md)"
        files["content/clinics/inject.yml"] = """
            clinic: \(named(1))
            guide: demo
            office_name: \(q())
            region: \(q())
            signatory: {name: \(q()), title: \(q()), email: \(q()), phone: \(q())}
            ocean_contact: {name: \(q()), email: \(q())}
            providers:
              - {name: \(q()), email: \(q()), role: \(q())}
            notes: \(JSONText.string(md + (clean ? "" : payloads.joined(separator: "\n\n"))))
            steps:
              request: {status: blocked, note: \(named(7))}
              sign-contract: {status: waiting, since: 2026-11-01, note: \(named(4))}
              finish: {status: skipped, note: \(named(0))}

            """
        return files
    }

    static func build(_ files: [String: String]) throws -> [String: Data] {
        let source = try SafetySite.make(files, label: "inject")
        let output = try Fixtures.temporaryFolder().appendingPathComponent("public")
        let report = SafetySite.build(source, into: output)
        #expect(report.succeeded, "\(SafetySite.text(report))")
        return SafetySite.bothSites(output)
    }

    static func html(_ tree: [String: Data], _ path: String) -> String {
        String(decoding: tree[path] ?? Data(), as: UTF8.self)
    }

    @Test(arguments: [false, true])
    func noElementAttributeOrSchemeComesFromInput(publishEmails: Bool) throws {
        let dirty = try Self.build(try Self.files(clean: false, publishEmails: publishEmails))
        let clean = try Self.build(try Self.files(clean: true, publishEmails: publishEmails))
        // A region's filter page is named after the region, so the two builds name it apart.
        let region = try Regex(#"^team/by/region/[a-z0-9-]+/"#)
        func shape(_ path: String) -> String { path.replacing(region, with: "team/by/region/*/") }
        #expect(Set(dirty.keys.map(shape)) == Set(clean.keys.map(shape)))
        let cleanByShape = Dictionary(clean.keys.map { (shape($0), $0) }, uniquingKeysWith: min)
        let pages = dirty.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count >= 8)
        for path in pages {
            let allowed = MarkupAudit.Allowed(page: Self.html(clean, cleanByShape[shape(path)] ?? path)).withMarkdown
            let problems = MarkupAudit.problems(in: Self.html(dirty, path), allowed: allowed)
            #expect(problems.isEmpty, "\(path): \(problems.joined(separator: "; "))")
        }
        let site = SiteAudit.problems(files: dirty, allowed: { _ in nil })
        #expect(site.isEmpty, "\(site)")
    }

    /// The payloads come out as the very text that went in: escaped, not dropped, not interpreted.
    @Test func valuesComeOutAsTheirOwnText() throws {
        let dirty = try Self.build(try Self.files(clean: false))
        let page = Self.html(dirty, "clinics/inject/index.html")
        let texts = MarkupAudit.texts(in: page).joined(separator: "\n")
        #expect(texts.contains(Self.payloads[1]), "the clinic's name is not shown as its own text")
        #expect(texts.contains(Self.payloads[4]), "a step note is not shown as its own text")
        let mustache = Self.payloads[6]
        #expect(MarkupAudit.texts(in: Self.html(dirty, "index.html")).joined().contains(mustache), "a {{tag}} in a value was interpreted")
        let handlers = MarkupAudit.attributeValues(in: page).filter { $0.attribute.hasPrefix("on") }
        #expect(handlers.isEmpty, "\(handlers)")
        // The U+2028 payload (the clinic's step note) is kept in text, escaped in JSON.
        #expect(texts.contains("line\u{2028}separator\u{2029}p7"))
    }

    /// The embedded status cannot close its script element and reads back as the status.json object,
    /// with the hostile clinic name intact.
    @Test func theEmbeddedStatusRoundTrips() throws {
        let dirty = try Self.build(try Self.files(clean: false))
        let page = Self.html(dirty, "clinics/inject/index.html")
        let embedded = try #require(MarkupAudit.jsonScript(id: "gangway-status", in: page))
        #expect(!embedded.contains("<"))
        #expect(!embedded.contains("\u{2028}") && !embedded.contains("\u{2029}"))
        let fromPage = try #require(try JSONSerialization.jsonObject(with: Data(embedded.utf8)) as? [String: Any])
        let fromFile = try #require(try JSONSerialization.jsonObject(with: dirty["clinics/inject/status.json"]!) as? [String: Any])
        #expect(try JSONSerialization.data(withJSONObject: fromPage, options: .sortedKeys)
                == JSONSerialization.data(withJSONObject: fromFile, options: .sortedKeys))
        #expect(fromPage["clinic"] as? String == Self.payloads[1])
        let notes = (fromPage["steps"] as? [[String: Any]])?.compactMap { $0["note"] as? String } ?? []
        #expect(notes.contains("line\u{2028}separator\u{2029}p7 </SCRIPT > <!-- <script>"))
    }

    @Test func jsonForHTMLEscapesWhatCouldCloseTheScript() {
        let text = JSONText.encode(.object([("a", .string("</script><!--<script>&\u{2028}\u{2029}\"\\\n\u{1}"))]))
        #expect(text == #"{"a": "\u003c/script\u003e\u003c!--\u003cscript\u003e\u0026\u2028\u2029\"\\\n\u0001"}"#)
    }

    /// `unsafe_html: true` is the only way raw HTML gets through, and it lets through only the
    /// Markdown's: values from case files and front matter stay escaped even then.
    @Test func unsafeHTMLLetsMarkdownHTMLThroughAndNothingElse() throws {
        let dirty = try Self.build(try Self.files(clean: false, unsafeHTML: true))
        let page = Self.html(dirty, "clinics/inject/index.html")
        let tokens = HTMLTokenizer.tokenize(page)
        let iframes = tokens.compactMap { token -> String? in
            guard case .start("iframe", let attributes, _) = token else { return nil }
            return attributes.first { $0.name == "src" }?.value
        }
        #expect(iframes.contains("https://evil.example/m2"), "unsafe_html did not let the notes' raw HTML through")
        // A value's <iframe src=javascript:…> (payload 5) never becomes an element.
        #expect(!iframes.contains { $0.hasPrefix("javascript") })
        #expect(MarkupAudit.texts(in: page).joined().contains(Self.payloads[1]))
        let safe = try Self.build(try Self.files(clean: false, unsafeHTML: false))
        let safeIframes = HTMLTokenizer.tokenize(Self.html(safe, "clinics/inject/index.html")).filter {
            if case .start("iframe", _, _) = $0 { return true } else { return false }
        }
        #expect(safeIframes.isEmpty, "raw HTML got through with unsafe_html off")
    }

    @Test func markdownIsSafeByDefault() {
        let html = Markdown.html(Self.markdown)
        let problems = MarkupAudit.problems(in: html, allowed: MarkupAudit.Allowed(elements: [], attributes: []).withMarkdown)
        #expect(problems.isEmpty, "\(problems)")
        #expect(html.contains("href=\"https://ocean.example/\""))
        let unsafe = Markdown.html(Self.markdown, unsafe: true)
        #expect(unsafe.contains("<iframe"))
    }

    /// The tokenizer the audit rests on sees what a browser would see.
    @Test func theTokenizerReadsAttributesAsBrowsersDo() {
        let tokens = HTMLTokenizer.tokenize(#"<p title="a &quot;b&quot;" data-x=y onclick='z'>t &amp; u</p><script>if (a < b) "</p>"</script>"#)
        #expect(tokens == [
            .start(name: "p", attributes: [HTMLAttribute(name: "title", value: "a \"b\""), HTMLAttribute(name: "data-x", value: "y"),
                                          HTMLAttribute(name: "onclick", value: "z")], selfClosing: false),
            .text("t & u"), .end(name: "p"), .start(name: "script", attributes: [], selfClosing: false),
            .rawText(element: "script", text: #"if (a < b) "</p>""#), .end(name: "script"),
        ])
        #expect(MarkupAudit.unsafeScheme(" Java\tScript:alert(1)") == "javascript")
        #expect(MarkupAudit.unsafeScheme("../a:b") == nil)
        #expect(MarkupAudit.unsafeScheme("tel:+14165550100") == nil)
        #expect(MarkupAudit.unsafeScheme("data:image/png;base64,AA") == nil)
        #expect(MarkupAudit.unsafeScheme("data:text/html,x") == "data")
    }
}
