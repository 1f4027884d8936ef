/// A case file names a guide that exists, and only steps that guide has.
enum GuideReferenceRule {
    static func check(_ c: CaseFile, in context: ValidationContext) -> [Diagnostic] {
        guard !c.guide.isEmpty else { return [] }
        guard let guide = context.guides[c.guide] else {
            // A guide folder that exists but failed to load has its own errors; saying it does not exist would mislead.
            guard !context.guideFoldersUnknown, !(Slug.isValid(c.guide) && context.guideFolders.contains(c.guide)) else { return [] }
            let names = context.guides.keys.sorted()
            if let near = Suggest.closest(to: c.guide, among: names) {
                return [.error(.unknownGuide(c.guide, near: near), at: c.guideLocation)]
            }
            return [.error(.unknownGuide(c.guide, near: nil), at: c.guideLocation,
                           hint: names.isEmpty ? .addGuide(c.guide) : .guidesAre(names))]
        }
        var out: [Diagnostic] = []
        let ids = guide.steps.map(\.id)
        for (id, location) in c.stepKeys where guide.step(id: id) == nil && !guide.unreadableStepIDs.contains(id) {
            out.append(.error(.unknownStep(id, guide: guide.name, near: Suggest.closest(to: id, among: ids)), at: location,
                              hint: .stepsOf(guide.name, ids)))
        }
        return out
    }
}

extension String {
    fileprivate static func unknownGuide(_ name: String, near: String?) -> String {
        "guide '\(name)' does not exist" + (near.map { " (did you mean '\($0)'?)" } ?? "")
    }

    fileprivate static func addGuide(_ name: String) -> String { "add the guide in content/guides/\(name)/" }
    fileprivate static func guidesAre(_ names: [String]) -> String { "the guides are: \(names.joined(separator: ", "))" }

    fileprivate static func unknownStep(_ id: String, guide: String, near: String?) -> String {
        "unknown step '\(id)' in guide '\(guide)'" + (near.map { " (did you mean '\($0)'?)" } ?? "")
    }

    fileprivate static func stepsOf(_ guide: String, _ ids: [String]) -> String {
        "steps of '\(guide)': \(ids.joined(separator: ", "))"
    }
}
