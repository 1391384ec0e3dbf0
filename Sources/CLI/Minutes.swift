import AppCore
import Domain
import Foundation
import Reports

/// The decision list (besluitenlijst) of a weighing session, in Markdown, entirely in the language of `strings`: who
/// took part, who left and why, how complete it is, abstentions, the method, agreement, sensitivity, criteria, the
/// ranking (shared ranks as `5=`), both rounds of a re-vote, the cells discussed with their notes, and the decisions.
enum Minutes {
    static func markdown(session: WeighingSession, ideas: [Idea], decisions: [ConsentDecision], strings: Strings) -> String {
        let titles = Dictionary(uniqueKeysWithValues: ideas.map { ($0.id, $0.fields.title) })
        let result = session.results
        let weights = Weights.normalized(session.criteria.map(\.weight))
        func cell(_ text: String) -> String { MarkdownEscape.inline(TextSanitizer.singleLine(text)) }
        func idea(_ id: IdeaID) -> String { "\(id) \(cell(titles[id] ?? ""))" }
        func criterion(_ index: Int) -> String { cell(session.criteria[index].name) }
        var lines = [
            "# " + strings.format(.minutesTitle, session.id.map(\.description) ?? ""),
            "",
            "- " + strings.format(.minutesDate, DayDateFormat.day(session.closedAt ?? session.createdAt)),
            "- " + strings.format(.minutesStatus, strings.sessionStatus(session.status)),
            "- " + strings.format(.minutesParticipants, session.activeParticipants.count,
                                  session.activeParticipants.map { cell(session.participants[$0]) }.joined(separator: ", ")),
        ]
        // Who left, why, and which figures count them: someone excluded during the re-vote is in round 1's ranking as recorded.
        if !session.excluded.isEmpty {
            lines.append("- " + strings.format(.minutesExcluded, session.excluded.sorted { $0.key < $1.key }.map {
                let name = cell(session.participants[$0.key])
                return session.revote?.excludedDuringRevote($0.key) == true
                    ? strings.format(.minutesExcludedAfterRound, name, cell($0.value))
                    : strings.format(.minutesExcludedLine, name, cell($0.value))
            }.joined(separator: "; ")))
        }
        if result.complete {
            lines.append("- " + strings[.minutesComplete])
        } else {
            let missing = session.activeParticipants.compactMap { participant -> String? in
                let empty = session.emptyCells(of: participant)
                return empty > 0 ? strings.format(.minutesMissingCells, cell(session.participants[participant]), empty) : nil
            }
            lines.append("- " + strings.format(strings.counted(result.participantsComplete, .minutesIncomplete, one: .minutesIncompleteOne),
                                               result.participantsComplete, result.participantsTotal,
                                               missing.joined(separator: ", ")))
        }
        let abstaining = session.activeParticipants.compactMap { participant -> String? in
            let count = session.abstentions.filter { $0.participant == participant }.count
            return count > 0 ? "\(cell(session.participants[participant])) \(count)" : nil
        }
        lines.append("- " + (abstaining.isEmpty ? strings[.minutesNoAbstentions]
                                                : strings.format(.minutesAbstentions, result.abstentions, abstaining.joined(separator: ", "))))
        lines.append("- " + strings.format(.minutesMethod, strings.methodLine(session.method, session.normalization, session.aggregate)))
        lines.append("- " + strings.agreement(result))
        lines.append("- " + strings.format(.minutesSensitivity, strings.sensitivity(result.sensitivity, criteria: session.criteria)))
        if let revote = session.revote { lines.append("- " + strings.format(.minutesRounds, strings.cells(revote.cells.count))) }

        lines += ["", "## " + strings.format(.minutesCriteria, cell(session.setName), session.setVersion), "",
                  strings[.minutesCriteriaHeader], "| --- | ---: | --- | --- | --- |"]
        for (index, item) in session.criteria.enumerated() {
            lines.append("| \(criterion(index)) | \(strings.decimal(weights[index] * 100, 1)) % | \(strings.direction(item.direction)) | "
                         + "\(item.scaleMin)–\(item.scaleMax) | \(item.veto?.label ?? "") |")
        }
        lines += ["", "## " + strings[.weighingRanking], ""] + ranking(result, idea: idea, strings: strings)
        if let first = session.firstRound?.results {
            lines += ["", "## " + strings[.minutesFirstRound], ""] + ranking(first, idea: idea, strings: strings)
            lines += ["", "## " + strings[.minutesRevote], ""]
            for shift in session.revoteShifts(current: result, firstRound: first) {
                lines.append("- " + strings.format(.minutesRevoteLine, idea(shift.cell.idea), criterion(shift.cell.criterion),
                                                   summary(shift.before, session: session, strings: strings),
                                                   summary(shift.after, session: session, strings: strings)))
            }
        }
        let discussed = result.discussList
        lines += ["", "## " + strings[.minutesDiscussed], ""]
        if discussed.isEmpty { lines.append(strings[.minutesNoDiscussion]) }
        for spread in discussed {
            var line = "- " + strings.format(.minutesDiscussLine, idea(spread.idea), criterion(spread.criterion),
                                             spread.values.map(String.init).joined(separator: " "), strings.decimal(spread.sd, 2),
                                             strings.decimal(spread.iqr, 2), strings.decimal(spread.range, 0), spread.count)
            if spread.abstained > 0 { line += "; " + strings.format(.weighingAbstainedCount, spread.abstained) }
            if let note = session.notes[spread.cell] { line += " — " + strings.format(.minutesNote, cell(note)) }
            lines.append(line)
        }
        let otherNotes = session.notes.filter { note in !discussed.contains { $0.cell == note.key } }
        if !otherNotes.isEmpty {
            lines += ["", "## " + strings[.minutesNotes], ""]
            for (key, note) in otherNotes.sorted(by: { order($0.key, session) < order($1.key, session) }) {
                lines.append("- \(idea(key.idea)) × \(criterion(key.criterion)): \(cell(note))")
            }
        }
        lines += MinutesEntry.lines(session: session, strings: strings)
        lines += ["", "## " + strings[.minutesDecisions], ""]
        if decisions.isEmpty { lines.append(strings[.minutesNoDecisions]) }
        for decision in decisions {
            let outcome = decision.outcome == .consented ? strings[.detailConsented] : strings[.detailOpen]
            lines.append("- **\(decision.id.map(\.description) ?? "") \(strings.decisionKind(decision.kind)) \(idea(decision.ideaID))** — \(outcome)")
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

    /// A ranking table; shared ranks read `5=`.
    private static func ranking(_ result: WeighingResult, idea: (IdeaID) -> String, strings: Strings) -> [String] {
        [strings[.minutesRankingHeader], "| ---: | --- | ---: | --- |"] + result.ranking.map { ranked in
            ranked.unscored ? "| — | \(idea(ranked.idea)) | \(strings[.noScores]) | |"
                : "| \(ranked.rankLabel) | \(idea(ranked.idea)) | \(strings.decimal(ranked.score, 3)) | \(ranked.vetoed ? "✗" : "") |"
        }
    }

    /// `1 1 4 5 (mean 2.8, sd 2.06)`.
    private static func summary(_ spread: CellSpread, session: WeighingSession, strings: Strings) -> String {
        let value = session.aggregate == .mean ? spread.mean : spread.median
        return strings.format(.minutesCellSummary, spread.values.map(String.init).joined(separator: " "), strings.aggregate(session.aggregate),
                              strings.decimal(value, 1), strings.decimal(spread.sd, 2))
    }

    private static func order(_ cell: SessionCell, _ session: WeighingSession) -> Int {
        (session.ideas.firstIndex(of: cell.idea) ?? 0) * max(1, session.criteria.count) + cell.criterion
    }
}

/// Dates as days for reports.
enum DayDateFormat {
    static func day(_ date: Date) -> String { DayDate.local(date).description }
}
