import Foundation
import GangwayMustache
import GangwayMustacheTestSupport

// The theme's clinic page (templates/, with the context in Tests/GangwayMustacheTests/Fixtures)
// rendered through GangwayMustache and through swift-mustache 2.x: the median time per render
// over several rounds, and the ratio. Run from the repository root, by scripts/bench-mustache.
//
//   GangwayMustacheBench [renders-per-round] [rounds] [tags-for-the-parse-test] [ours]
//
// With `ours`, only GangwayMustache renders (to profile it: perf record -g …).

let arguments = Array(CommandLine.arguments.dropFirst())
let renders = arguments.count > 0 ? Int(arguments[0]) ?? 500 : 500
let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 7 : 7
let tags = arguments.count > 2 ? Int(arguments[2]) ?? 15_000 : 15_000
let oursOnly = arguments.count > 3 && arguments[3] == "ours"
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let sources = themeSources(root: root)
let context = try JSONValue.context(at: root.appendingPathComponent("Tests/GangwayMustacheTests/Fixtures/clinic-context.json"))
guard case .success(let ours) = TemplateLibrary.compile(sources), let theirs = SwiftMustacheBridge.library(sources) else {
    print("the theme in \(root.path)/templates does not compile")
    exit(1)
}
// swift-mustache gets its untyped context built once, as Gangway built it: conversion is not timed.
let untyped = SwiftMustacheBridge.any(context)

/// Median over `rounds` of the mean time of one call, in microseconds.
func median(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for _ in 0..<renders { try body() }
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.attoseconds) / 1e12 / Double(renders) + Double(elapsed.components.seconds) * 1e6 / Double(renders))
    }
    return times.sorted()[times.count / 2]
}

var sink = 0
let oursOutput = try ours.render("clinic", context)
let theirsOutput = theirs.render(untyped, withTemplate: "clinic") ?? ""
let theirsTime = oursOnly ? .nan : median { sink &+= theirs.render(untyped, withTemplate: "clinic")?.utf8.count ?? 0 }
let oursTime = try median {
    var buffer: [UInt8] = []
    try ours.render("clinic", context, into: &buffer)
    sink &+= buffer.count
}
print("clinic page (\(oursOutput.utf8.count) bytes), \(renders) renders × \(rounds) rounds, median per render:")
print(String(format: "  swift-mustache   %9.1f µs", theirsTime))
print(String(format: "  GangwayMustache  %9.1f µs", oursTime))
print(String(format: "  ratio            %9.1f× faster", theirsTime / oursTime))
print("  output identical: \(oursOutput == theirsOutput ? "yes" : "NO")")

// Parsing: one template of `tags` tags (swift-mustache took 18 s for 15,000 when measured).
let big = String(repeating: "<li>{{#a}}{{b}}{{/a}}</li>\n", count: tags / 3)
let parseStart = ContinuousClock.now
guard case .success = TemplateLibrary.compile([TemplateSource(name: "big", text: big, file: "big.mustache")]) else { exit(1) }
print("compile one template of \(tags / 3 * 3) tags: \(ContinuousClock.now - parseStart)")
if sink == 42 { print("") }  // keeps the renders from being optimised away
