/// Finds partial cycles that nothing guards: `{{>loop}}` inside loop.mustache, or a → b → a,
/// would recurse until the stack overflows, whatever the data. A cycle through a section
/// (`{{#nodes}}{{>node}}{{/nodes}}`) can end with the data, and one through a block can end
/// when an override replaces the block (the spec's inheritance "Recursion" case), so those are
/// left to the render-time depth limit.
enum PartialCycles {
    /// One error per cycle, at the tag that closes it. Iterative, so a long chain of partials
    /// cannot overflow the stack here either.
    static func find(in templates: [CompiledTemplate], references: [[PartialReference]]) -> [TemplateError] {
        let calls = references.map { $0.filter { !$0.guarded } }
        var state = [Visit](repeating: .new, count: templates.count)
        var errors: [TemplateError] = []
        for start in templates.indices.sorted(by: { templates[$0].name < templates[$1].name }) where state[start] == .new {
            var path: [(template: Int, next: Int)] = [(start, 0)]
            state[start] = .onPath
            while let (template, next) = path.last {
                guard next < calls[template].count else {
                    state[template] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let call = calls[template][next]
                switch state[call.target] {
                case .new:
                    state[call.target] = .onPath
                    path.append((call.target, 0))
                case .onPath:
                    let from = path.firstIndex { $0.template == call.target } ?? 0
                    let cycle = path[from...].map { templates[$0.template].name } + [templates[call.target].name]
                    errors.append(TemplateError(kind: .recursion(cycle), file: templates[template].file,
                                                line: call.at.line, column: call.at.column))
                case .done:
                    break
                }
            }
        }
        return errors
    }

    private enum Visit { case new, onPath, done }
}
