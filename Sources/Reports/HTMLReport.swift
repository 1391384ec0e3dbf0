import AppCore
import Domain
import Foundation

/// The portfolio report as one self-contained HTML5 document: inline CSS, inline SVG charts, no scripts,
/// no external resources, every user text escaped, laid out for A4 paper.
public enum HTMLReport {
    public static func render(_ data: ReportData, strings: Strings) -> String {
        let text = ReportText(strings)
        let metrics = data.metrics
        var body: [String] = []
        body.append("<h1>\(text.title)\(data.theme.map { " — \(HTML.escape($0))" } ?? "")</h1>")
        var header = "\(text.t("Date", "Datum")): \(data.today)"
        if let since = data.since { header += " · \(text.t("activity since", "activiteit sinds")) \(since)" }
        body.append("<p class=\"meta\">\(header)</p>")
        body.append("<h2>\(text.summary)</h2>")
        body.append("<table class=\"figures\"><tbody>")
        body.append("<tr><th>\(text.t("Ideas", "Ideeën"))</th><td>\(data.ideas.count)</td></tr>")
        for stage in Stage.boardOrder {
            body.append("<tr><th>\(HTML.escape(strings.stage(stage)))</th><td>\(metrics.stageCounts[stage] ?? 0)</td></tr>")
        }
        body.append("<tr><th>\(text.t("Reviews overdue", "Evaluaties verlopen"))</th><td>\(metrics.overdue.count)</td></tr>")
        body.append("</tbody></table>")
        body.append("<h3>\(text.funnel)</h3>")
        body.append(SVGChart.funnel(Stage.boardOrder.map { (strings.stage($0), metrics.stageCounts[$0] ?? 0) }))
        body.append("<h3>\(text.throughput)</h3>")
        body.append(SVGChart.throughput(metrics.throughput.map { ($0.month, $0.scaled, $0.stopped) }))
        body.append("<h3>\(text.leadTime)</h3><table><thead><tr><th>\(text.t("stage", "fase"))</th><th>\(text.t("days", "dagen"))</th></tr></thead><tbody>")
        for stage in Stage.boardOrder {
            body.append("<tr><td>\(HTML.escape(strings.stage(stage)))</td><td class=\"num\">\(metrics.medianLeadTime[stage].map { text.number($0, decimals: 1) } ?? "—")</td></tr>")
        }
        body.append("</tbody></table>")
        body.append("<h2>\(text.perStage)</h2>")
        for stage in Stage.boardOrder {
            let ideas = data.ideas.filter { $0.idea.stage == stage }
            body.append("<h3>\(HTML.escape(strings.stage(stage))) (\(ideas.count))</h3>")
            guard !ideas.isEmpty else {
                body.append("<p>\(text.none)</p>")
                continue
            }
            var head = "<th>#</th><th>\(text.t("idea", "idee"))</th><th>\(text.t("theme", "thema"))</th><th>\(text.t("source", "bron"))</th>"
            if data.includePersonal { head += "<th>\(text.t("submitter", "indiener"))</th>" }
            body.append("<table><thead><tr>\(head)</tr></thead><tbody>")
            for detail in ideas {
                var row = "<td>\(detail.idea.id.rawValue)</td><td>\(HTML.escape(detail.idea.fields.title))</td><td>\(HTML.escape(detail.idea.fields.theme))</td><td>\(HTML.escape(strings.source(detail.idea.fields.source)))</td>"
                if data.includePersonal { row += "<td>\(HTML.escape(detail.idea.fields.submitter ?? ""))</td>" }
                body.append("<tr>\(row)</tr>")
            }
            body.append("</tbody></table>")
        }
        body.append("<h2>\(text.running)</h2>")
        if data.running.isEmpty { body.append("<p>\(text.none)</p>") }
        for detail in data.running {
            guard let cycle = detail.currentCycle else { continue }
            let review = detail.idea.reviewDate ?? cycle.reviewDate
            let overdue = review < data.today ? " <span class=\"overdue\">\(text.overdue)</span>" : ""
            body.append("<section class=\"experiment\"><h3>\(detail.idea.id) \(HTML.escape(detail.idea.fields.title))</h3>")
            body.append("<p class=\"meta\">\(HTML.escape(strings.format(.detailCycle, cycle.number))) · \(HTML.escape(strings[.fieldOwner])): \(HTML.escape(cycle.owner)) · \(HTML.escape(strings[.fieldReviewDate])): \(review)\(overdue)</p>")
            body.append("<dl>")
            for (label, value) in [(strings[.fieldHypothesis], cycle.testCard.hypothesis), (strings[.fieldAction], cycle.testCard.action),
                                   (strings[.fieldMetric], cycle.testCard.metric), (strings[.fieldSuccess], cycle.testCard.successCriterion)]
                + BoundsText.lines(cycle.testCard.bounds, cycle: cycle, strings: strings) {
                body.append("<dt>\(HTML.escape(label))</dt><dd>\(HTML.escape(value))</dd>")
            }
            body.append("</dl>")
            if detail.isPastMaxDuration(today: data.today) {
                body.append("<p class=\"overdue\">⧗ \(HTML.escape(strings[.detailPastMaxDuration]))</p>")
            }
            let measurements = cycle.measurements.filter { data.inPeriod($0.date) }
            if !measurements.isEmpty {
                body.append(SVGChart.measurements(measurements.map(\.value), target: cycle.testCard.numericTarget))
                body.append("<table><thead><tr><th>\(HTML.escape(strings[.fieldDate]))</th><th>\(HTML.escape(strings[.fieldValue]))</th><th>\(HTML.escape(strings[.fieldNote]))</th></tr></thead><tbody>")
                for measurement in measurements {
                    body.append("<tr><td>\(measurement.date)</td><td class=\"num\">\(text.number(measurement.value))</td><td>\(HTML.escape(measurement.note))</td></tr>")
                }
                body.append("</tbody></table>")
            }
            body.append("</section>")
        }
        // Each list made once: each is a pass over every idea (and a sort) at every mention.
        let learnings = data.learnings, decisions = data.decisions, moves = data.moves, stopped = data.stopped
        body.append("<h2>\(text.learnings)</h2>")
        if learnings.isEmpty { body.append("<p>\(text.none)</p>") } else { body.append("<ul>") }
        for (detail, cycle) in learnings {
            guard let card = cycle.learningCard else { continue }
            body.append("<li><strong>\(detail.idea.id) \(HTML.escape(detail.idea.fields.title))</strong>, \(HTML.escape(strings.format(.detailCycle, cycle.number).lowercased())): \(HTML.escape(card.observed)); \(HTML.escape(card.learned)); \(HTML.escape(strings[.fieldTherefore].lowercased())) \(HTML.escape(card.therefore))</li>")
        }
        if !learnings.isEmpty { body.append("</ul>") }
        body.append("<h2>\(text.decisions)</h2>")
        if decisions.isEmpty { body.append("<p>\(text.none)</p>") }
        for (detail, decision) in decisions {
            let outcome = decision.outcome == .consented ? "consent" : text.t("open", "open")
            body.append("<section class=\"decision\"><h3>\(decision.id.map(\.description) ?? "") \(HTML.escape(strings.decisionKind(decision.kind))) — \(detail.idea.id) \(HTML.escape(detail.idea.fields.title)) (\(outcome))</h3><ul>")
            body.append("<li>\(HTML.escape(strings[.fieldProposal])): \(HTML.escape(decision.proposal))</li>")
            body.append("<li>\(HTML.escape(strings[.fieldResponsible])): \(HTML.escape(decision.responsible)); \(HTML.escape(strings[.fieldReviewDate].lowercased())): \(decision.reviewDate)</li>")
            if !decision.evaluationCriteria.isEmpty {
                body.append("<li>\(HTML.escape(strings[.fieldEvaluation])): \(HTML.escape(decision.evaluationCriteria))</li>")
            }
            for objection in decision.objections {
                body.append("<li>\(HTML.escape(strings[.objectionTitle])) (\(HTML.escape(objection.who))): \(HTML.escape(objection.text)) [\(HTML.escape(ObjectionWords.status(objection, text)))]</li>")
            }
            for concern in decision.concerns {
                body.append("<li>\(HTML.escape(strings[.concernTitle])) (\(HTML.escape(concern.who))): \(HTML.escape(concern.text))</li>")
            }
            body.append("</ul></section>")
        }
        body.append("<h2>\(text.moves)</h2>")
        if moves.isEmpty { body.append("<p>\(text.none)</p>") } else { body.append("<ul>") }
        for (detail, entry) in moves {
            let from = entry.stageBefore.map(strings.stage) ?? "?"
            let to = entry.stageAfter.map(strings.stage) ?? "?"
            body.append("<li>\(data.calendarDay(entry.at)) \(detail.idea.id) \(HTML.escape(detail.idea.fields.title)): \(HTML.escape(from)) → \(HTML.escape(to)) — \(HTML.escape(entry.reason ?? ""))\(HTML.escape(text.override(entry)))</li>")
        }
        if !moves.isEmpty { body.append("</ul>") }
        body.append("<h2>\(text.stopped)</h2>")
        if stopped.isEmpty { body.append("<p>\(text.none)</p>") } else { body.append("<ul>") }
        for detail in stopped {
            let category = detail.idea.stopCategory.map(strings.stopCategory) ?? "—"
            body.append("<li><strong>\(detail.idea.id) \(HTML.escape(detail.idea.fields.title))</strong>: \(HTML.escape(category)); \(HTML.escape(detail.idea.stopLearned ?? ""))</li>")
        }
        if !stopped.isEmpty { body.append("</ul>") }
        let cases = data.publishableCases
        if !cases.isEmpty {
            body.append("<h2>\(HTML.escape(strings[.reportCases]))</h2><ul>")
            for (detail, note) in cases {
                body.append("<li><strong>\(detail.idea.id) \(HTML.escape(detail.idea.fields.title))</strong> — "
                            + CaseNoteText.line(note, strings: strings, withIdea: false).map(HTML.escape).joined(separator: " — ") + "</li>")
            }
            body.append("</ul>")
        }
        if let values = data.values {
            body.append("<h2>\(text.values)</h2>")
            body.append("<p>\(HTML.escape(text.valuesIntro(values)))</p>")
            if values.lines.isEmpty {
                body.append("<p>\(text.valuesNone)</p>")
            } else {
                body.append("<table><thead><tr>" + text.valuesColumns.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>")
                for line in values.lines {
                    let score = text.number(line.score * 100, decimals: 0) + (line.vetoed ? " (veto)" : "")
                    body.append("<tr><td>\(line.idea) \(HTML.escape(line.title))</td><td>\(HTML.escape(strings.stage(line.stage)))</td><td class=\"num\">\(score)</td><td class=\"num\">\(line.rankLabel)</td><td>\(line.session)</td></tr>")
                }
                body.append("</tbody></table>")
            }
        }
        return HTMLDocument.page(language: strings.language.rawValue, title: "\(text.title) \(data.today)", style: css, body: body)
    }

    static let css = """
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; max-width: 180mm; margin: auto; }
        h1 { font-size: 20pt; margin-bottom: 0; }
        h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.6em; break-after: avoid; }
        h3 { font-size: 11.5pt; margin-bottom: 0.3em; break-after: avoid; }
        .meta { color: #444; margin-top: 0.2em; }
        table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; break-inside: auto; }
        th, td { border-bottom: 1px solid #ccc; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        tr { break-inside: avoid; }
        table.figures { width: auto; }
        td.num { text-align: right; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 8pt; margin: 0.3em 0; }
        dt { font-style: italic; }
        dd { margin: 0; }
        section { break-inside: avoid; }
        .overdue { color: #a00; font-weight: bold; }
        svg { display: block; margin: 0.3em 0 0.8em; }
        """
}

/// HTML escaping of user text.
enum HTML {
    static func escape(_ text: String) -> String {
        let clean = TextSanitizer.singleLine(text)
        guard clean.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return clean }
        var result = ""
        for character in clean {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Small inline SVG charts.
enum SVGChart {
    /// Horizontal bars per stage.
    static func funnel(_ rows: [(String, Int)]) -> String {
        let widest = max(1, rows.map(\.1).max() ?? 1)
        let height = rows.count * 22 + 4
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" height=\"\(height)\" role=\"img\" aria-label=\"funnel\">"]
        for (index, row) in rows.enumerated() {
            let y = 2 + index * 22
            let width = row.1 * 340 / widest
            parts.append("<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(HTML.escape(row.0))</text>")
            parts.append("<rect x=\"120\" y=\"\(y + 3)\" width=\"\(width)\" height=\"16\" fill=\"#3a6ea5\"/>")
            parts.append("<text x=\"\(126 + width)\" y=\"\(y + 15)\" font-size=\"12\">\(row.1)</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// Paired bars per month: scaled and stopped.
    static func throughput(_ months: [(String, Int, Int)]) -> String {
        let highest = max(1, months.map { max($0.1, $0.2) }.max() ?? 1)
        let width = months.count * 70 + 10
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"130\" role=\"img\" aria-label=\"throughput\">"]
        for (index, month) in months.enumerated() {
            let x = 10 + index * 70
            let scaled = month.1 * 90 / highest
            let stopped = month.2 * 90 / highest
            parts.append("<rect x=\"\(x)\" y=\"\(100 - scaled)\" width=\"22\" height=\"\(scaled)\" fill=\"#2e7d32\"/>")
            parts.append("<rect x=\"\(x + 26)\" y=\"\(100 - stopped)\" width=\"22\" height=\"\(stopped)\" fill=\"#9e9e9e\"/>")
            parts.append("<text x=\"\(x)\" y=\"118\" font-size=\"11\">\(HTML.escape(month.0))</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// A line of measurements with the target as a dashed line.
    static func measurements(_ values: [Double], target: Double?) -> String {
        let values = values.filter(\.isFinite)
        let target = target.flatMap { $0.isFinite ? $0 : nil }
        let all = values + (target.map { [$0] } ?? [])
        let low = all.min() ?? 0
        let high = all.max() ?? 1
        // A flat series sits on the bottom line, as before; any other is placed without overflow (values near ±1e308).
        func y(_ value: Double) -> Int { high > low ? 70 - ChartScale.step(value, low: low, high: high, steps: 60) : 70 }
        let step = values.count > 1 ? 300 / (values.count - 1) : 0
        let points = values.enumerated().map { "\(10 + $0.offset * step),\(y($0.element))" }.joined(separator: " ")
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"330\" height=\"80\" role=\"img\" aria-label=\"measurements\">"]
        if let target {
            parts.append("<line x1=\"10\" x2=\"310\" y1=\"\(y(target))\" y2=\"\(y(target))\" stroke=\"#a00\" stroke-dasharray=\"4 3\"/>")
        }
        parts.append("<polyline points=\"\(points)\" fill=\"none\" stroke=\"#3a6ea5\" stroke-width=\"2\"/>")
        for (index, value) in values.enumerated() {
            parts.append("<circle cx=\"\(10 + index * step)\" cy=\"\(y(value))\" r=\"3\" fill=\"#3a6ea5\"/>")
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
