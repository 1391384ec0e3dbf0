import AppCore
import Domain
import Foundation
import Reports

/// The decision list (besluitenlijst) of a weighing session, in Markdown.
enum Minutes {
    static func markdown(session: WeighingSession, ideas: [Idea], decisions: [ConsentDecision], strings: Strings) -> String {
        let nl = strings.language == .nl
        let titles = Dictionary(uniqueKeysWithValues: ideas.map { ($0.id, $0.fields.title) })
        let result = session.results
        let weights = Weights.normalized(session.criteria.map(\.weight))
        func cell(_ text: String) -> String { MarkdownEscape.inline(TextSanitizer.singleLine(text)) }
        var lines = [
            "# \(nl ? "Besluitenlijst" : "Decision list") — \(nl ? "weging" : "weighing") \(session.id.map(\.description) ?? "")",
            "",
            "- \(nl ? "Datum" : "Date"): \(DayDateFormat.day(session.closedAt ?? session.createdAt))",
            "- \(nl ? "Status" : "Status"): \(session.status.rawValue)",
            "- \(nl ? "Deelnemers" : "Participants") (\(session.participants.count)): \(session.participants.map(cell).joined(separator: ", "))",
            "- \(nl ? "Methode" : "Method"): \(session.method.rawValue), \(session.normalization.rawValue), \(session.aggregate.rawValue)",
            "- Kendall's W: \(result.kendallW.map { String(format: "%.3f", $0) } ?? "—")",
            "- \(nl ? "Gevoeligheid" : "Sensitivity"): \(result.sensitivity.stable ? (nl ? "top 3 blijft gelijk bij ±10 % per gewicht" : "top 3 unchanged when any weight moves ±10 %") : (nl ? "top 3 verandert bij ±10 % van een gewicht" : "top 3 changes when a weight moves ±10 %"))",
            "",
            "## \(nl ? "Criteria" : "Criteria") (\(cell(session.setName)) v\(session.setVersion))",
            "",
            "| \(nl ? "criterium" : "criterion") | \(nl ? "gewicht" : "weight") | \(nl ? "richting" : "direction") | \(nl ? "schaal" : "scale") | veto |",
            "| --- | ---: | --- | --- | --- |",
        ]
        for (index, criterion) in session.criteria.enumerated() {
            lines.append("| \(cell(criterion.name)) | \(String(format: "%.1f", weights[index] * 100)) % | \(criterion.direction.rawValue) | \(criterion.scaleMin)–\(criterion.scaleMax) | \(criterion.veto.map { "≤ \($0)" } ?? "") |")
        }
        lines += ["", "## \(nl ? "Rangschikking" : "Ranking")", "",
                  "| # | \(nl ? "idee" : "idea") | score | veto |", "| ---: | --- | ---: | --- |"]
        for ranked in result.ranking {
            lines.append("| \(ranked.rank) | \(ranked.idea) \(cell(titles[ranked.idea] ?? "")) | \(String(format: "%.3f", ranked.score)) | \(ranked.vetoed ? "✗" : "") |")
        }
        let discussed = result.cells.filter(\.discuss)
        lines += ["", "## \(nl ? "Besproken (grootste verschil van mening)" : "Discussed (largest disagreement)")", ""]
        if discussed.isEmpty { lines.append(nl ? "Geen cellen met groot verschil." : "No cells with large disagreement.") }
        for spread in discussed {
            lines.append("- \(spread.idea) \(cell(titles[spread.idea] ?? "")) × \(cell(session.criteria[spread.criterion].name)): " +
                         String(format: "SD %.2f, IQR %.2f, range %.0f (n = %d)", spread.sd, spread.iqr, spread.range, spread.count))
        }
        lines += MinutesEntry.lines(session: session, strings: strings)
        lines += ["", "## \(nl ? "Besluiten" : "Decisions")", ""]
        let relevant = decisions
        if relevant.isEmpty { lines.append(nl ? "Geen besluiten vastgelegd." : "No decisions recorded.") }
        for decision in relevant {
            lines.append("- **\(decision.id.map(\.description) ?? "") \(strings.decisionKind(decision.kind)) \(decision.ideaID) \(cell(titles[decision.ideaID] ?? ""))** — \(decision.outcome == .consented ? "consent" : (nl ? "open" : "open"))")
            lines.append("  - \(strings[.fieldProposal]): \(cell(decision.proposal))")
            lines.append("  - \(strings[.fieldResponsible]): \(cell(decision.responsible)); \(strings[.fieldReviewDate].lowercased()): \(decision.reviewDate)")
            for objection in decision.objections {
                lines.append("  - \(strings[.objectionTitle]) (\(cell(objection.who))): \(cell(objection.text))")
            }
            for concern in decision.concerns {
                lines.append("  - \(strings[.concernTitle]) (\(cell(concern.who))): \(cell(concern.text))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Dates as days for reports.
enum DayDateFormat {
    static func day(_ date: Date) -> String { DayDate.local(date).description }
}
