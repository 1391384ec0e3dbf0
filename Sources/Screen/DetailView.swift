import AppCore
import Domain
import Foundation

/// The full-screen view of one idea: fields, description and history.
struct DetailView {
    let timeZone: TimeZone

    func draw(_ detail: DetailState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, style: Palette.header)
        guard let loaded = detail.detail else {
            grid.put(" \(detail.id) · \(strings[.loading])", x: 0, y: 0, style: Palette.header)
            return
        }
        let idea = loaded.idea
        grid.putPadded(" \(idea.id)  \(idea.fields.title)", x: 0, y: 0, width: grid.width, style: Palette.header)
        let lines = contentLines(loaded, today: state.today, strings: strings, width: grid.width - 2)
        let room = grid.height - 2
        let scroll = min(detail.scroll, max(0, lines.count - room))
        for (offset, line) in lines.dropFirst(scroll).prefix(room).enumerated() {
            grid.put(line.text, x: 1, y: 1 + offset, maxWidth: grid.width - 2, style: line.style)
            if let value = line.value {
                grid.put(value, x: 1 + line.valueColumn, y: 1 + offset, maxWidth: grid.width - 2 - line.valueColumn,
                         style: line.valueStyle)
            }
        }
    }

    /// One line of the scrollable content: a label or text, and optionally a value in a second column.
    struct Line {
        var text: String
        var style: Style = .plain
        var value: String? = nil
        var valueColumn: Int = 0
        var valueStyle: Style = .plain
    }

    func contentLines(_ detail: IdeaDetail, today: DayDate, strings: Strings, width: Int) -> [Line] {
        let idea = detail.idea
        let history = detail.history
        var fields: [(StringKey, String)] = [
            (.detailStage, strings.stage(idea.stage)),
            (.detailTheme, idea.fields.theme.isEmpty ? "—" : idea.fields.theme),
            (.detailTags, idea.fields.tags.isEmpty ? "—" : idea.fields.tags.joined(separator: ", ")),
            (.detailSource, strings.source(idea.fields.source)),
            (.detailSubmitter, idea.fields.submitter ?? "—"),
            (.detailCreated, format(idea.createdAt)),
            (.detailUpdated, format(idea.updatedAt)),
        ]
        if let review = idea.reviewDate, idea.stage != .stopped {
            let overdue = idea.summary.isOverdue(today: today) ? "  ⚠ " + strings[.detailOverdue] : ""
            fields.append((.detailReviewDate, review.description + overdue))
        }
        if detail.isPastMaxDuration(today: today), let last = detail.currentCycle?.lastAllowedDay {
            fields.append((.detailBounds, "⧗ " + strings[.detailPastMaxDuration] + " (" + strings.format(.detailRunsUntil, last) + ")"))
        }
        if let intake = detail.intake {
            fields.append((.detailIntakeLabel, strings.intakeStatus(intake.status.rawValue) + " · " + strings.format(.detailReceived, intake.receivedOn)))
            let reply = intake.replySentOn.map { strings.format(.detailReplySent, $0) } ?? strings[.detailReplyOwed]
            fields.append((.detailReplyLabel, reply + (intake.replyTo.map { " · " + $0 } ?? "")))
            if let reason = intake.declineReason { fields.append((.detailDeclineReason, reason)) }
        }
        if idea.stage == .stopped, let category = idea.stopCategory {
            fields.append((.detailStopCategory, strings.stopCategory(category)))
            fields.append((.detailStopLearned, idea.stopLearned ?? "—"))
        }
        let labelWidth = (fields.map { DisplayWidth.of(strings[$0.0]) }.max() ?? 0) + 2
        var lines = fields.map { key, value in
            Line(text: strings[key], style: Palette.label, value: value, valueColumn: labelWidth,
                 valueStyle: (key == .detailReviewDate && value.contains("⚠")) || key == .detailBounds ? Palette.error : .plain)
        }
        lines.append(Line(text: ""))
        lines.append(Line(text: strings[.detailDescription], style: Palette.label))
        if idea.fields.description.isEmpty {
            lines.append(Line(text: strings[.detailNoDescription], style: Palette.badge))
        } else {
            let (shown, cut) = Self.excerpt(idea.fields.description)
            lines += DisplayWidth.wrap(TextSanitizer.multiLine(shown), to: max(1, width)).map { Line(text: $0) }
            if cut { lines.append(Line(text: strings.format(.detailTruncated, idea.id), style: Palette.badge)) }
        }
        for cycle in detail.cycles.reversed() {
            lines += cycleLines(cycle, strings: strings, width: width)
        }
        if !detail.cases.isEmpty {
            lines.append(Line(text: ""))
            lines.append(Line(text: strings[.detailCases], style: Palette.label))
            for note in detail.cases.reversed() {
                for (index, text) in CaseNoteText.line(note, strings: strings, withIdea: false).enumerated() {
                    lines += DisplayWidth.wrap("  " + (index == 0 ? "" : "  ") + text, to: max(1, width)).map {
                        Line(text: $0, style: index == 0 ? .plain : Palette.badge)
                    }
                }
            }
        }
        if !detail.decisions.isEmpty {
            lines.append(Line(text: ""))
            lines.append(Line(text: strings[.detailDecisions], style: Palette.label))
            for decision in detail.decisions.reversed() {
                lines += decisionLines(decision, strings: strings, width: width)
            }
        }
        lines.append(Line(text: ""))
        lines.append(Line(text: strings[.detailHistory], style: Palette.label))
        for entry in history.reversed() {
            let who = strings.who(entry.actor, program: entry.program)
            let text = Self.excerpt("\(format(entry.at))  \(who)  \(HistoryWords.kind(entry, strings: strings))\(describe(entry, strings: strings))").text
            lines += DisplayWidth.wrap(TextSanitizer.singleLine(text), to: max(1, width), hanging: 4).enumerated().map { index, part in
                Line(text: index == 0 ? part : "    " + part, style: index == 0 ? .plain : Palette.badge)
            }
        }
        return lines
    }

    /// A cycle: heading, test card, measurements with a sparkline, learning card.
    private func cycleLines(_ cycle: Cycle, strings: Strings, width: Int) -> [Line] {
        var lines = [Line(text: ""), Line(
            text: strings.format(.detailCycle, cycle.number), style: Palette.label,
            value: strings.format(.detailOwner, cycle.owner, cycle.reviewDate), valueColumn: 12, valueStyle: Palette.badge)]
        let card = cycle.testCard
        lines += labelled([
            (strings[.fieldHypothesis], card.hypothesis), (strings[.fieldAction], card.action),
            (strings[.fieldMetric], card.metric), (strings[.fieldSuccess], card.successCriterion),
        ] + BoundsText.lines(card.bounds, cycle: cycle, strings: strings), width: width)
        let target = card.numericTarget
        var heading = Line(text: "  " + strings[.detailMeasurements], style: Palette.label)
        if cycle.measurements.isEmpty {
            heading.value = strings[.detailNoMeasurements]
        } else {
            let values = cycle.measurements.map(\.value)
            heading.value = Sparkline.draw(values, target: target) + (target.map { "  " + strings.format(.detailTarget, strings.number($0)) } ?? "")
        }
        heading.valueColumn = 4 + DisplayWidth.of(strings[.detailMeasurements])
        heading.valueStyle = Palette.info
        lines.append(heading)
        for measurement in cycle.measurements.suffix(12) {
            let note = measurement.note.isEmpty ? "" : "  " + measurement.note
            lines.append(Line(text: "    \(measurement.date)  \(strings.number(measurement.value))\(note)"))
        }
        if let learning = cycle.learningCard {
            lines += labelled([
                (strings[.fieldObserved], learning.observed), (strings[.fieldLearned], learning.learned),
                (strings[.fieldTherefore], learning.therefore),
            ], width: width)
        }
        return lines
    }

    /// A decision: kind, outcome, proposal, responsible and review, objections and concerns.
    private func decisionLines(_ decision: ConsentDecision, strings: Strings, width: Int) -> [Line] {
        let outcome = decision.outcome == .consented ? strings[.detailConsented] : strings[.detailOpen]
        var lines = [Line(
            text: "  \(decision.id.map(\.description) ?? "")  \(strings.decisionKind(decision.kind))", style: Palette.label,
            value: "\(outcome) · \(decision.responsible) · \(decision.reviewDate)", valueColumn: 24,
            valueStyle: decision.outcome == .consented ? Palette.info : Palette.warning)]
        lines += labelled([(strings[.fieldProposal], decision.proposal), (strings[.fieldEvaluation], decision.evaluationCriteria)],
                          width: width)
        for objection in decision.objections {
            lines += labelled([(strings[.objectionTitle], "\(objection.who): \(objection.text) [\(ObjectionText.status(objection, strings))]")],
                              width: width)
        }
        for concern in decision.concerns {
            lines += labelled([(strings[.concernTitle], "\(concern.who): \(concern.text)")], width: width)
        }
        return lines
    }

    /// How many characters of one text the view wraps and shows; a longer one is cut with a note (`proeftuin show`
    /// prints it whole). Keeps every frame fast however long a stored text is.
    static let shownCharacters = 20_000

    /// The part of a text the view shows, and whether it was cut.
    static func excerpt(_ text: String) -> (text: String, cut: Bool) {
        guard text.utf8.count > shownCharacters else { return (text, false) }
        let prefix = text.prefix(shownCharacters)
        return prefix.endIndex == text.endIndex ? (text, false) : (String(prefix) + " …", true)
    }

    /// "  Label: text" lines, wrapped, skipping empty texts.
    private func labelled(_ pairs: [(String, String)], width: Int) -> [Line] {
        pairs.filter { !$0.1.isEmpty }.flatMap { label, text in
            DisplayWidth.wrap(TextSanitizer.singleLine("\(label): \(Self.excerpt(text).text)"), to: max(1, width - 4), hanging: 2).enumerated().map { index, part in
                Line(text: (index == 0 ? "    " : "      ") + part)
            }
        }
    }

    /// What an event changed, in words: "Proposed → Experimenting: reason" or the edited fields.
    private func describe(_ entry: HistoryEntry, strings: Strings) -> String {
        let change = HistoryWords.change(entry, strings: strings)
        guard !change.isEmpty else { return "" }
        switch entry.kind {
        case .moved, .decisionSaved, .scored: return " " + change
        default: return ": " + change
        }
    }

    private func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
