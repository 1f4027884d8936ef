import Foundation
import Testing
import GangwayMustache

/// Inputs that broke swift-mustache: a quadratic parser, recursion as deep as the input, and
/// partial cycles. These are not timed: a quadratic parse of 120,000 tags would take minutes,
/// and a recursive one would overflow the stack, so finishing at all is the proof.
@Suite struct LimitTests {
    @Test func oneHundredTwentyThousandTagsParseAndRender() throws {
        let text = String(repeating: "<li>{{#a}}{{b}}{{/a}}</li>\n", count: 40_000)
        let library = try TemplateLibrary.compile([TemplateSource(name: "t", text: text, file: "t.mustache")]).get()
        let output = try library.render("t", ["a": true, "b": "x"])
        #expect(output.utf8.count == 40_000 * "<li>x</li>\n".utf8.count)
    }

    @Test func columnsStayRightOnOneVeryLongLine() {
        // 120,000 tags on one line, then an error: its column is counted incrementally, not from
        // the start of the line for every tag.
        let text = String(repeating: "é{{b}}", count: 120_000) + "{{/x}}"
        guard case .failure(let errors) = TemplateLibrary.compile([TemplateSource(name: "t", text: text, file: "t")]) else {
            Issue.record("compiled")
            return
        }
        #expect(errors.map(\.column) == [120_000 * 6 + 1])
    }

    @Test(arguments: [true, false]) func aThirtyThousandDeepNestIsRefused(closed: Bool) {
        let text = String(repeating: "{{#a}}\n", count: 30_000) + (closed ? String(repeating: "{{/a}}\n", count: 30_000) : "")
        guard case .failure(let errors) = TemplateLibrary.compile([TemplateSource(name: "t", text: text, file: "t")]) else {
            Issue.record("compiled")
            return
        }
        #expect(errors == [TemplateError(kind: .nesting(limit: MustacheLimits.nesting), file: "t", line: MustacheLimits.nesting + 1, column: 1)])
    }

    @Test func nestingUpToTheLimitCompilesAndRenders() throws {
        let n = MustacheLimits.nesting
        let text = String(repeating: "{{#a}}", count: n) + "{{.}}" + String(repeating: "{{/a}}", count: n)
        let library = try TemplateLibrary.compile([TemplateSource(name: "t", text: text, file: "t")]).get()
        #expect(try library.render("t", ["a": "x"]) == "x")
    }

    @Test func aLongCycleOfPartialsIsFoundWithoutRecursion() {
        let n = 20_000
        let sources = (0..<n).map { TemplateSource(name: "p\($0)", text: "{{>p\(($0 + 1) % n)}}", file: "p\($0)") }
        guard case .failure(let errors) = TemplateLibrary.compile(sources) else {
            Issue.record("compiled")
            return
        }
        #expect(errors.count == 1)
        if case .recursion(let cycle) = errors.first?.kind { #expect(cycle.count == n + 1) } else { Issue.record("\(errors)") }
    }

    @Test func aLongChainOfPartialsStopsAtTheRenderDepth() throws {
        let n = 1_000
        let sources = (0..<n).map { TemplateSource(name: "p\($0)", text: $0 == n - 1 ? "end" : "{{>p\($0 + 1)}}", file: "p\($0)") }
        let library = try TemplateLibrary.compile(sources).get()
        #expect(throws: TemplateError(kind: .renderDepth(limit: MustacheLimits.renderDepth), file: "p100", line: 1, column: 1)) {
            try library.render("p0", [:])
        }
        #expect(try library.render("p\(n - MustacheLimits.renderDepth - 1)", [:]) == "end")
    }

    /// No call goes deeper than 40, but each partial calls the next twice: 2^40 expansions, which
    /// would never end. The expansion limit ends the render with an error at the call that crossed it.
    @Test func partialsThatMultiplyStopAtTheExpansionLimit() throws {
        let n = 40
        let sources = (0..<n).map { TemplateSource(name: "p\($0)", text: $0 == n - 1 ? "" : "{{>p\($0 + 1)}}{{>p\($0 + 1)}}", file: "p\($0)") }
        let library = try TemplateLibrary.compile(sources).get()
        do {
            _ = try library.render("p0", [:])
            Issue.record("rendered")
        } catch let error as TemplateError {
            #expect(error.kind == .expansions(limit: MustacheLimits.expansions))
            #expect(error.line == 1 && error.file.hasPrefix("p"))
        }
        // Twelve levels (4,095 expansions) are well inside the limit.
        #expect(try library.render("p\(n - 13)", [:]) == "")
    }

    @Test func guardedRecursionRendersAsDeepAsTheData() throws {
        var tree: MustacheValue = ["name": "leaf", "kids": []]
        for i in 0..<50 { tree = ["name": .string("n\(i)"), "kids": [tree]] }
        let library = try TemplateLibrary.compile([TemplateSource(name: "node", text: "({{name}}{{#kids}}{{>node}}{{/kids}})", file: "node")]).get()
        let output = try library.render("node", tree)
        #expect(output.hasPrefix("(n49(n48") && output.hasSuffix("(leaf)" + String(repeating: ")", count: 50)))
    }
}

/// The deepest render the limits allow, 100 partials each inside 99 sections, on worker
/// threads as Gangway renders pages (DispatchQueue.concurrentPerform): it must fit their stacks.
@Suite struct DeepestRenderTests {
    @Test func theDeepestAllowedRenderFitsAWorkerThreadsStack() throws {
        let partials = MustacheLimits.renderDepth, sections = MustacheLimits.nesting - 1
        let sources = (0..<partials).map { i in
            TemplateSource(name: "p\(i)", text: i == partials - 1 ? "end" :
                String(repeating: "{{#a}}", count: sections) + "{{>p\(i + 1)}}" + String(repeating: "{{/a}}", count: sections),
                file: "p\(i)")
        }
        let library = try TemplateLibrary.compile(sources).get()
        let outputs = Outputs()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            outputs.set(i, (try? library.render("p0", ["a": true])) ?? "failed")
        }
        #expect(outputs.all == ["end", "end"])
    }

    final class Outputs: @unchecked Sendable {
        private let lock = NSLock()
        private var values = ["", ""]
        func set(_ i: Int, _ value: String) { lock.lock(); values[i] = value; lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return values }
    }
}
