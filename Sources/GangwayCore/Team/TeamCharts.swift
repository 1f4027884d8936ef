/// The reports' charts as SVG text, written by Gangway: no script, no outside library. Each chart
/// has `role="img"`, an `aria-label` and a `<title>` and `<desc>` saying what it shows, so a
/// screen reader gets the figures; the page puts the same figures in a table beside it. Colours
/// come from the site's CSS custom properties (`--accent`, `--muted`, `--fg`, `--line`, `--ok`),
/// with fallbacks, so dark mode and print follow the style sheet.
public enum TeamCharts {
    static let width = 640
    static let labelWidth = 220
    static let rowHeight = 40
    static let top = 28

    static let style = """
    <style>.gw-label{fill:var(--fg,#1a1e23);font:13px system-ui,sans-serif}\
    .gw-value{fill:var(--fg,#1a1e23);font:12px system-ui,sans-serif}\
    .gw-median{fill:var(--accent,#0b57b0)}.gw-p90{fill:var(--muted,#4b5561);opacity:.45}\
    .gw-stage{fill:var(--accent,#0b57b0)}.gw-complete{fill:var(--ok,#17692f)}\
    .gw-wait{stroke:var(--fg,#1a1e23);stroke-width:2;stroke-dasharray:4 3}\
    .gw-axis{stroke:var(--line,#d3d8de);stroke-width:1}</style>
    """

    /// Median and 90th-percentile waits per step (bars), against the stated wait (a dashed line).
    /// `id` makes the title's and description's ids unique on the page.
    public static func turnaround(_ report: GuideReport, id: String) -> String {
        let rows = report.turnaround
        let scaleMax = max(1, rows.map { max($0.p90 ?? 0, $0.median ?? 0, $0.waitDays) }.max() ?? 1)
        let plot = width - labelWidth - 60
        func x(_ days: Int) -> Int { labelWidth + days * plot / scaleMax }
        let height = top + max(1, rows.count) * rowHeight + 8
        let title = "Measured waits for \(report.title)"
        let summary = rows.isEmpty ? "No step of this guide states a wait." : rows.map { t in
            t.measured == 0 ? "\(t.title): nothing measured yet, stated wait \(t.waitDays) days"
                : "\(t.title): median \(t.median!) days, 90th percentile \(t.p90!) days, stated wait \(t.waitDays) days, \(t.measured) measured"
        }.joined(separator: "; ") + "."
        var svg = open(id: id, height: height, title: title, desc: summary)
        svg += "<text class=\"gw-value\" x=\"0\" y=\"16\">Days. Dark bar: median; pale bar: 90th percentile; dashed line: stated wait.</text>\n"
        for (i, t) in rows.enumerated() {
            let y = top + i * rowHeight
            svg += "<g data-step=\"\(esc(t.step))\">\n"
            svg += "<text class=\"gw-label\" x=\"0\" y=\"\(y + 22)\">\(esc(clip(t.title)))</text>\n"
            svg += "<line class=\"gw-axis\" x1=\"\(labelWidth)\" y1=\"\(y + 2)\" x2=\"\(labelWidth)\" y2=\"\(y + rowHeight - 2)\"/>\n"
            if let p90 = t.p90, let median = t.median {
                svg += "<rect class=\"gw-p90\" x=\"\(labelWidth)\" y=\"\(y + 6)\" width=\"\(x(p90) - labelWidth)\" height=\"24\" data-days=\"\(p90)\"/>\n"
                svg += "<rect class=\"gw-median\" x=\"\(labelWidth)\" y=\"\(y + 11)\" width=\"\(x(median) - labelWidth)\" height=\"14\" data-days=\"\(median)\"/>\n"
                svg += "<text class=\"gw-value\" x=\"\(max(x(p90), x(t.waitDays)) + 6)\" y=\"\(y + 22)\">\(median) / \(p90)</text>\n"
            } else {
                svg += "<text class=\"gw-value\" x=\"\(x(t.waitDays) + 6)\" y=\"\(y + 22)\">none measured</text>\n"
            }
            svg += "<line class=\"gw-wait\" x1=\"\(x(t.waitDays))\" y1=\"\(y + 2)\" x2=\"\(x(t.waitDays))\" y2=\"\(y + rowHeight - 2)\" data-days=\"\(t.waitDays)\"/>\n"
            svg += "</g>\n"
        }
        return svg + "</svg>\n"
    }

    /// How many clinics stand at each step, and how many are complete.
    public static func funnel(_ report: GuideReport, id: String) -> String {
        let stages = report.funnel.map { ($0.step, $0.title, $0.clinics, "gw-stage") } + [("complete", "Complete", report.complete, "gw-complete")]
        let scaleMax = max(1, stages.map(\.2).max() ?? 1)
        let plot = width - labelWidth - 60
        let height = top + stages.count * rowHeight + 8
        let title = "Where the clinics of \(report.title) stand"
        let summary = stages.map { "\($0.1): \($0.2) \($0.2 == 1 ? "clinic" : "clinics")" }.joined(separator: "; ") + "."
        var svg = open(id: id, height: height, title: title, desc: summary)
        svg += "<text class=\"gw-value\" x=\"0\" y=\"16\">Clinics whose current step this is.</text>\n"
        for (i, s) in stages.enumerated() {
            let y = top + i * rowHeight
            let w = s.2 * plot / scaleMax
            svg += "<g data-step=\"\(esc(s.0))\">\n"
            svg += "<text class=\"gw-label\" x=\"0\" y=\"\(y + 22)\">\(esc(clip(s.1)))</text>\n"
            svg += "<rect class=\"\(s.3)\" x=\"\(labelWidth)\" y=\"\(y + 8)\" width=\"\(w)\" height=\"20\" data-clinics=\"\(s.2)\"/>\n"
            svg += "<text class=\"gw-value\" x=\"\(labelWidth + w + 6)\" y=\"\(y + 22)\">\(s.2)</text>\n"
            svg += "</g>\n"
        }
        return svg + "</svg>\n"
    }

    private static func open(id: String, height: Int, title: String, desc: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="gw-chart" role="img" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
        aria-label="\(esc(title + ". " + desc))" aria-labelledby="\(esc(id))-title \(esc(id))-desc">
        <title id="\(esc(id))-title">\(esc(title))</title>
        <desc id="\(esc(id))-desc">\(esc(desc))</desc>
        \(style)

        """
    }

    private static func esc(_ s: String) -> String { XMLText.escape(ContactText.redact(s)) }

    /// Long step titles are cut to fit the label column; the table beside the chart has them whole.
    private static func clip(_ s: String) -> String {
        s.count <= 30 ? s : String(s.prefix(29)) + "…"
    }
}
