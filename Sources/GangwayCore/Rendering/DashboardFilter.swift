/// One of the dashboard's filters: a static page of the team site (`by/<dimension>/<value>/index.html`)
/// that lists only the clinics of one guide, one region, or one party acting next. Static pages
/// filter without JavaScript, print as they look, and each has its own address to bookmark or send.
struct DashboardFilter: Sendable, Equatable {
    enum Dimension: String, Sendable, CaseIterable {
        case guide
        case region
        case actsNext = "acts-next"

        /// How the filter group is named on the dashboard.
        var label: String {
            switch self {
            case .guide: return "Guide"
            case .region: return "Region"
            case .actsNext: return "Who acts next"
            }
        }
    }

    var dimension: Dimension
    /// The folder below `by/<dimension>/`: made of `[a-z0-9-]`, unique within its dimension.
    var value: String
    /// How the value reads: a guide's title, a region as written (redacted), who acts.
    var label: String
    /// The clinics it keeps, as positions in the dashboard's list of every clinic, in its order.
    var members: [Int]

    /// The page's path in the team site.
    var path: String { "by/\(dimension.rawValue)/\(value)/index.html" }

    /// How many folders below the team site's root a filter page sits (`by/<dimension>/<value>/`).
    static let depth = 3

    /// The heading and title of the dashboard page showing `filter`, or of the whole dashboard.
    static func heading(_ filter: DashboardFilter?) -> String {
        filter.map { "\($0.dimension.label): \($0.label)" } ?? "Dashboard"
    }

    /// Every filter with at least one clinic, per dimension in a stable order: guides by title,
    /// regions by label (clinics without one last, as "Region not recorded"), and who acts next
    /// as clinic, vendor, Ocean, then nobody (complete clinics).
    static func all(_ views: [ClinicView], guides: [Guide]) -> [DashboardFilter] {
        var out: [DashboardFilter] = []
        var used = Set<String>()
        func add(_ dimension: Dimension, _ key: String, _ label: String, _ members: [Int]) {
            guard !members.isEmpty else { return }
            let base = slug(key)
            var value = base
            var n = 2
            while used.contains("\(dimension.rawValue)/\(value)") {
                value = "\(base)-\(n)"
                n += 1
            }
            used.insert("\(dimension.rawValue)/\(value)")
            out.append(DashboardFilter(dimension: dimension, value: value, label: label, members: members))
        }
        // By position, so that no view is copied out of the array to be tested.
        func positions(where keep: (Int) -> Bool) -> [Int] {
            views.indices.filter(keep)
        }
        for guide in guides.sorted(by: { ($0.title, $0.name) < ($1.title, $1.name) }) {
            add(.guide, guide.name, guide.title, positions { views[$0].guide == guide.name })
        }
        var byRegion: [String: [Int]] = [:]
        var noRegion: [Int] = []
        for i in views.indices {
            if let region = views[i].region { byRegion[region, default: []].append(i) } else { noRegion.append(i) }
        }
        for region in byRegion.keys.sorted() {
            add(.region, region, region, byRegion[region]!)
        }
        add(.region, "not-recorded", "Region not recorded", noRegion)
        for actor in [Owner.clinic, .vendor, .ocean] {
            let members = positions { views[$0].next.actor == actor }
            let names = Array(Set(members.map { views[$0].next.actorName })).sorted()
            let label = actor == .vendor && !names.isEmpty ? names.joined(separator: ", ") : (names.first ?? actor.rawValue)
            add(.actsNext, actor.rawValue, label, members)
        }
        add(.actsNext, "nobody", "Nobody (complete)", positions { views[$0].next.actor == nil })
        return out
    }

    /// Lower-case ASCII letters and digits, everything else one `-`; `other` when nothing is left.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        out = String(out.prefix(60))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "other" : out
    }
}
