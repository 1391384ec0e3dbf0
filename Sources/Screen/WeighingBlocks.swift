import AppCore
import Domain

/// The text blocks beside or below the weighing grid: progress while blind; after the reveal the ranking, agreement,
/// sensitivity, the cells to discuss and the re-vote's shifts; the what-if view while it is open.
enum WeighingBlocks {
    typealias Line = PaneFlow.Line
    typealias Block = PaneFlow.Block

    static func blocks(_ weighing: WeighingState, strings: Strings, projector: Bool, bars: Bool) -> [Block] {
        if weighing.whatIf != nil { return [whatIf(weighing, strings: strings)] }
        guard weighing.revealed else {
            var blocks = [progress(weighing, strings: strings, projector: projector)]
            if projector {
                blocks.append(now(weighing, strings: strings))
                blocks.append(ideaLegend(weighing, strings: strings))
            } else if let note = weighing.currentCell.flatMap({ weighing.session.notes[$0] }) {
                blocks.append(Block([Line("✎ " + note, Palette.badge, indent: 2)]))
            }
            return blocks
        }
        var blocks = weighing.withholdsGroup ? [Block([Line(strings[.weighingTooFewToShow], Palette.warning, indent: 2)])] : []
        blocks += [ranking(weighing, strings: strings, bars: bars),
                      Block([Line(strings.agreement(weighing.results), .plain, indent: 2)]),
                      Block([Line(strings.sensitivity(weighing.results.sensitivity, criteria: weighing.session.criteria),
                                  weighing.results.sensitivity.stable ? Palette.info : Palette.warning, indent: 2)])]
        if let shifts = shifts(weighing, strings: strings) { blocks.append(shifts) }
        if let discuss = discuss(weighing, strings: strings) { blocks.append(discuss) }
        if !projector, let cell = cellInfo(weighing, strings: strings) { blocks.append(cell) }
        return blocks
    }

    /// Who has finished and how far each participant is; never a score.
    static func progress(_ weighing: WeighingState, strings: Strings, projector: Bool) -> Block {
        let session = weighing.session
        let total = weighing.cellsThisRound
        var lines = [Line(session.revote == nil ? strings[.weighingProgress] : strings.format(.weighingProgressRevote, strings.cells(total)), Palette.label)]
        let nameWidth = min(18, session.participants.map { DisplayWidth.of($0) }.max() ?? 0)
        for (index, name) in session.participants.enumerated() {
            let padded = name + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name)))
            let style = index == weighing.participant ? Palette.focusedColumnTitle : Style.plain
            if let reason = session.excluded[index] {
                lines.append(Line("\(padded)  \(strings[.weighingExcluded]): \(reason)", Palette.badge, indent: nameWidth + 2))
                continue
            }
            let done = weighing.progress(of: index)
            let mark = (done == total ? " ✓" : "") + ProgressLabel.via(session, participant: index, strings: strings)
            if projector {
                let filled = total > 0 ? done * 10 / total : 0
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
                lines.append(Line("\(padded)  \(bar) \(done)/\(total)\(mark)", style, indent: nameWidth + 2))
            } else {
                lines.append(Line("\(padded)  \(done)/\(total)\(mark)", style, indent: nameWidth + 2))
            }
        }
        return Block(lines)
    }

    /// The cell being scored, with the idea's full title (the projector's grid shows only ids).
    static func now(_ weighing: WeighingState, strings: Strings) -> Block {
        guard let cell = weighing.currentCell else { return Block([]) }
        let criterion = weighing.session.criteria[cell.criterion].name
        return Block([Line(strings.format(.weighingNow, cell.idea, criterion), Palette.label, indent: 2),
                      Line("\(cell.idea) \(weighing.titles[cell.idea] ?? "")", .plain, indent: 2)])
    }

    /// Every idea's full title (the projector's grid shows only ids); left out when there is no room.
    static func ideaLegend(_ weighing: WeighingState, strings: Strings) -> Block {
        let width = weighing.session.ideas.map { DisplayWidth.of($0.description) }.max() ?? 2
        var lines = [Line(strings[.weighingIdeas], Palette.label)]
        for idea in weighing.session.ideas {
            let id = idea.description + String(repeating: " ", count: width - DisplayWidth.of(idea.description))
            lines.append(Line("\(id) \(weighing.titles[idea] ?? "")", .plain, indent: width + 1))
        }
        return Block(lines, optional: true)
    }

    /// The ranking with full titles: shared ranks as `5=`, vetoes with their criterion, and in round 2 each idea's move.
    static func ranking(_ weighing: WeighingState, strings: Strings, bars: Bool) -> Block {
        let result = weighing.results
        var lines = [Line("\(strings[.weighingRanking]) · \(strings.methodLine(result.method, result.normalization, result.aggregate))",
                          Palette.label, indent: 2)]
        if !result.complete {
            lines.append(Line(strings.format(strings.counted(result.participantsComplete, .weighingIncompleteOf, one: .weighingIncompleteOfOne), result.participantsComplete, result.participantsTotal), Palette.badge,
                              indent: 2))
        }
        let rankWidth = result.ranking.map { $0.rankLabel.count }.max() ?? 1
        // Bars only where they leave the full titles room (never on the projector).
        let barWidth = bars ? 6 : 0
        for ranked in result.ranking {
            let label = ranked.rankLabel + (ranked.tied || ranked.unscored ? "" : ".")
            let rank = String(repeating: " ", count: max(0, rankWidth + 1 - label.count)) + label
            if ranked.unscored {
                // No score at all: no rank, no bar, no number that could be read as one.
                lines.append(Line("\(rank) \(ranked.idea) \(weighing.titles[ranked.idea] ?? "") (\(strings[.noScores]))", Palette.label,
                                  indent: rankWidth + 2))
                continue
            }
            let filled = max(0, min(barWidth, Int((ranked.score * Double(barWidth)).rounded())))
            let bar = barWidth == 0 ? "" : String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + " "
            var text = "\(rank) \(bar)\(strings.decimal(ranked.score, 2)) \(ranked.idea) \(weighing.titles[ranked.idea] ?? "")"
            if ranked.vetoed {
                let reasons = vetoReasons(ranked.idea, weighing)
                text += " ✗ " + strings.format(.weighingVetoBy, reasons.joined(separator: ", "))
            }
            if let before = weighing.firstRoundResults?.ranked(ranked.idea), !before.unscored, before.rank != ranked.rank {
                text += before.rank > ranked.rank ? " ↑\(before.rank - ranked.rank)" : " ↓\(ranked.rank - before.rank)"
            }
            let style = ranked.vetoed ? Palette.error : (ranked.rank == 1 ? Palette.info : Style.plain)
            lines.append(Line(text, style, indent: rankWidth + 2 + (barWidth == 0 ? 0 : barWidth + 1) + 5))
        }
        return Block(lines)
    }

    /// The criteria whose veto an idea hit, as `risico ≥ 4`.
    static func vetoReasons(_ idea: IdeaID, _ weighing: WeighingState) -> [String] {
        let session = weighing.session
        return session.criteria.indices.compactMap { index in
            guard let veto = session.criteria[index].veto,
                  let cell = weighing.results.cells.first(where: { $0.idea == idea && $0.criterion == index }), cell.count > 0 else { return nil }
            let value = session.aggregate == .mean ? cell.mean : cell.median
            return veto.vetoes(value) ? "\(session.criteria[index].name) \(veto.label)" : nil
        }
    }

    /// The cells of largest disagreement, largest first, each with the idea's full title, the criterion, the scores'
    /// distribution and the note written on it.
    static func discuss(_ weighing: WeighingState, strings: Strings) -> Block? {
        let list = weighing.results.discussList
        guard !list.isEmpty else { return nil }
        var lines = [Line(strings[.weighingDiscuss], Palette.label, indent: 2)]
        for cell in list {
            lines.append(Line("\(cell.idea) \(weighing.titles[cell.idea] ?? "")", Palette.warning, indent: 2))
            lines.append(Line("  " + distribution(cell, weighing: weighing, strings: strings), .plain, indent: 4))
            if let note = weighing.session.notes[cell.cell] { lines.append(Line("  ✎ " + note, Palette.badge, indent: 4)) }
        }
        return Block(lines)
    }

    /// `impact: 1 1 1 1 5 5 5 5 · sd 2,1 · 1 abstained`.
    static func distribution(_ cell: CellSpread, weighing: WeighingState, strings: Strings) -> String {
        var text = strings.format(.weighingDiscussCell, weighing.session.criteria[cell.criterion].name,
                                  cell.values.map(String.init).joined(separator: " "), strings.decimal(cell.sd, 1))
        if cell.abstained > 0 { text += " · " + strings.format(.weighingAbstainedCount, cell.abstained) }
        return text
    }

    /// Round 2: how each re-voted cell moved.
    static func shifts(_ weighing: WeighingState, strings: Strings) -> Block? {
        guard let first = weighing.firstRoundResults else { return nil }
        let shifts = weighing.session.revoteShifts(current: weighing.results, firstRound: first)
        guard !shifts.isEmpty else { return nil }
        let mean = weighing.session.aggregate == .mean
        var lines = [Line(strings[.weighingShifts], Palette.label, indent: 2)]
        for shift in shifts {
            let before = mean ? shift.before.mean : shift.before.median
            let after = mean ? shift.after.mean : shift.after.median
            lines.append(Line(strings.format(.weighingShiftLine, shift.cell.idea, weighing.session.criteria[shift.cell.criterion].name,
                                             strings.decimal(before, 1), strings.decimal(after, 1), strings.decimal(shift.before.sd, 1),
                                             strings.decimal(shift.after.sd, 1)), .plain, indent: 4))
            if let note = weighing.session.notes[shift.cell] { lines.append(Line("  ✎ " + note, Palette.badge, indent: 4)) }
        }
        return Block(lines)
    }

    /// The cell under the cursor: its aggregate, spread, distribution and note.
    static func cellInfo(_ weighing: WeighingState, strings: Strings) -> Block? {
        guard let cell = weighing.currentCell, let spread = weighing.results.cells.first(where: { $0.cell == cell }) else { return nil }
        var lines = [Line("\(cell.idea) × " + distribution(spread, weighing: weighing, strings: strings), Palette.label, indent: 2)]
        if let note = weighing.session.notes[cell] { lines.append(Line("✎ " + note, Palette.badge, indent: 2)) }
        return Block(lines, optional: true)
    }

    /// Other weights tried for the room, never stored: each weight saved → tried, and the ranking beside the saved one.
    static func whatIf(_ weighing: WeighingState, strings: Strings) -> Block {
        guard let weights = weighing.whatIf, let result = weighing.whatIfResults else { return Block([]) }
        let session = weighing.session
        let tried = Weights.normalized(weights)
        let saved = Weights.normalized(session.criteria.map(\.weight))
        var lines = [Line(strings[.weighingWhatIf], Palette.warning, indent: 2), Line(strings[.weighingWhatIfHint], Palette.badge, indent: 2)]
        for (index, criterion) in session.criteria.enumerated() {
            lines.append(Line(strings.format(.weighingWhatIfWeight, criterion.name, strings.decimal(saved[index] * 100, 0),
                                             strings.decimal(tried[index] * 100, 0)),
                              index == weighing.column ? Palette.focusedColumnTitle : .plain, indent: 4))
        }
        lines.append(Line(""))
        let rankWidth = result.ranking.map { $0.rankLabel.count }.max() ?? 1
        for ranked in result.ranking {
            let label = ranked.rankLabel + (ranked.tied || ranked.unscored ? "" : ".")
            let rank = String(repeating: " ", count: max(0, rankWidth + 1 - label.count)) + label
            let before = weighing.results.ranked(ranked.idea)?.rankLabel ?? "–"
            let score = ranked.unscored ? strings[.noScores] : strings.decimal(ranked.score, 2)
            let text = "\(rank) \(score) \(ranked.idea) \(weighing.titles[ranked.idea] ?? "") "
                + strings.format(.weighingWhatIfSaved, before)
            let moved = weighing.results.ranked(ranked.idea)?.rank != ranked.rank
            lines.append(Line(text, ranked.vetoed ? Palette.error : (moved ? Palette.warning : .plain), indent: rankWidth + 7))
        }
        return Block(lines)
    }
}
