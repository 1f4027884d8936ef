import Foundation

/// Two steps of one guide with the same id: the second is reported, naming the first.
enum DuplicateStepIDRule {
    static func check(_ guide: Guide) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: String] = [:]
        for step in guide.steps {
            if let first = seen[step.id] {
                out.append(.error(.usedTwice(step.id, guide: guide.name, first: first), at: step.idLocation,
                                  hint: .ownID(step.id, first: first)))
            } else {
                seen[step.id] = step.file
            }
        }
        return out
    }
}

extension String {
    fileprivate static func usedTwice(_ id: String, guide: String, first: String) -> String {
        "step id '\(id)' is used twice in guide '\(guide)' (first in \(first))"
    }

    fileprivate static func ownID(_ id: String, first: String) -> String {
        "give this step its own id: '\(id)' already names the step in \((first as NSString).lastPathComponent)"
    }
}
