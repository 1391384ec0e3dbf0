import AppCore
import Domain
import Foundation

/// The portfolio report as Markdown: for the council and the executive.
public enum MarkdownReport {
    public static func render(_ data: ReportData, strings: Strings) -> String {
        let text = ReportText(strings)
        func esc(_ value: String) -> String { MarkdownEscape.inline(TextSanitizer.singleLine(value)) }
        var out: [String] = []
        out.append("# \(text.title)\(data.theme.map { " — \(esc($0))" } ?? "")")
        out.append("")
        var header = "\(text.t("Date", "Datum")): \(data.today)"
        if let since = data.since { header += " · \(text.t("activity since", "activiteit sinds")) \(since)" }
        out.append(header)
        out += ["", "## \(text.summary)", ""]
        let metrics = data.metrics
        out.append("- \(text.t("Ideas", "Ideeën")): \(data.ideas.count)")
        for stage in Stage.boardOrder {
            out.append("- \(strings.stage(stage)): \(metrics.stageCounts[stage] ?? 0)")
        }
        out.append("- \(text.t("Reviews overdue", "Evaluaties verlopen")): \(metrics.overdue.count)")
        out.append("- \(text.t("Untouched for more than \(data.staleDays) days", "Meer dan \(data.staleDays) dagen onaangeroerd")): \(metrics.stale.count)")
        out += ["", "### \(text.funnel)", "", "```"]
        let widest = max(1, Stage.boardOrder.map { metrics.stageCounts[$0] ?? 0 }.max() ?? 1)
        for stage in Stage.boardOrder {
            let count = metrics.stageCounts[stage] ?? 0
            let name = strings.stage(stage).padding(toLength: 14, withPad: " ", startingAt: 0)
            out.append("\(name) \(String(repeating: "█", count: count * 40 / widest)) \(count)")
        }
        out += ["```", "", "### \(text.throughput)", "", "| \(text.t("month", "maand")) | \(strings.stage(.scaling)) | \(strings.stage(.stopped)) |",
                "| --- | ---: | ---: |"]
        for month in metrics.throughput { out.append("| \(month.month) | \(month.scaled) | \(month.stopped) |") }
        out += ["", "### \(text.leadTime)", "", "| \(text.t("stage", "fase")) | \(text.t("days", "dagen")) |", "| --- | ---: |"]
        for stage in Stage.boardOrder {
            out.append("| \(strings.stage(stage)) | \(metrics.medianLeadTime[stage].map { text.number($0, decimals: 1) } ?? "—") |")
        }
        out += ["", "## \(text.perStage)", ""]
        for stage in Stage.boardOrder {
            let ideas = data.ideas.filter { $0.idea.stage == stage }
            out.append("### \(strings.stage(stage)) (\(ideas.count))")
            out.append("")
            if ideas.isEmpty {
                out += [text.none, ""]
                continue
            }
            var columns = ["#", text.t("idea", "idee"), text.t("theme", "thema"), text.t("source", "bron")]
            if data.includePersonal { columns.append(text.t("submitter", "indiener")) }
            out.append("| " + columns.joined(separator: " | ") + " |")
            out.append("|" + String(repeating: " --- |", count: columns.count))
            for detail in ideas {
                var cells = ["\(detail.idea.id.rawValue)", esc(detail.idea.fields.title), esc(detail.idea.fields.theme),
                             strings.source(detail.idea.fields.source)]
                if data.includePersonal { cells.append(esc(detail.idea.fields.submitter ?? "")) }
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
            out.append("")
        }
        out += ["## \(text.running)", ""]
        if data.running.isEmpty { out += [text.none, ""] }
        for detail in data.running {
            guard let cycle = detail.currentCycle else { continue }
            let overdue = detail.idea.reviewDate.map { $0 < data.today } == true ? " — **\(text.overdue)**" : ""
            out.append("### \(detail.idea.id) \(esc(detail.idea.fields.title))")
            out.append("")
            out.append("\(strings.format(.detailCycle, cycle.number)) · \(strings[.fieldOwner]): \(esc(cycle.owner)) · \(strings[.fieldReviewDate]): \(detail.idea.reviewDate?.description ?? cycle.reviewDate.description)\(overdue)")
            out.append("")
            for (label, value) in [(strings[.fieldHypothesis], cycle.testCard.hypothesis), (strings[.fieldAction], cycle.testCard.action),
                                   (strings[.fieldMetric], cycle.testCard.metric), (strings[.fieldSuccess], cycle.testCard.successCriterion)]
                + BoundsText.lines(cycle.testCard.bounds, cycle: cycle, strings: strings) {
                out.append("- *\(label)* \(esc(value))")
            }
            if detail.isPastMaxDuration(today: data.today) { out.append("- **⧗ \(strings[.detailPastMaxDuration])**") }
            let measurements = cycle.measurements.filter { data.inPeriod($0.date) }
            if !measurements.isEmpty {
                out += ["", "| \(strings[.fieldDate]) | \(strings[.fieldValue]) | \(strings[.fieldNote]) |", "| --- | ---: | --- |"]
                for measurement in measurements {
                    out.append("| \(measurement.date) | \(text.number(measurement.value)) | \(esc(measurement.note)) |")
                }
            }
            out.append("")
        }
        // Each list made once: each is a pass over every idea (and a sort) at every mention.
        let learnings = data.learnings, decisions = data.decisions, moves = data.moves, stopped = data.stopped
        out += ["## \(text.learnings)", ""]
        if learnings.isEmpty { out += [text.none, ""] }
        for (detail, cycle) in learnings {
            guard let card = cycle.learningCard else { continue }
            out.append("- **\(detail.idea.id) \(esc(detail.idea.fields.title))**, \(strings.format(.detailCycle, cycle.number).lowercased()): "
                       + "\(esc(card.observed)); \(esc(card.learned)); \(strings[.fieldTherefore].lowercased()) \(esc(card.therefore))")
        }
        if !learnings.isEmpty { out.append("") }
        out += ["## \(text.decisions)", ""]
        if decisions.isEmpty { out += [text.none, ""] }
        for (detail, decision) in decisions {
            let outcome = decision.outcome == .consented ? "consent" : text.t("open", "open")
            out.append("- **\(decision.id.map(\.description) ?? "") \(strings.decisionKind(decision.kind))** — \(detail.idea.id) \(esc(detail.idea.fields.title)) (\(outcome))")
            out.append("  - \(strings[.fieldProposal]): \(esc(decision.proposal))")
            out.append("  - \(strings[.fieldResponsible]): \(esc(decision.responsible)); \(strings[.fieldReviewDate].lowercased()): \(decision.reviewDate)")
            if !decision.evaluationCriteria.isEmpty { out.append("  - \(strings[.fieldEvaluation]): \(esc(decision.evaluationCriteria))") }
            for objection in decision.objections {
                out.append("  - \(strings[.objectionTitle]) (\(esc(objection.who))): \(esc(objection.text)) [\(esc(ObjectionWords.status(objection, text)))]")
            }
            for concern in decision.concerns { out.append("  - \(strings[.concernTitle]) (\(esc(concern.who))): \(esc(concern.text))") }
        }
        if !decisions.isEmpty { out.append("") }
        out += ["## \(text.moves)", ""]
        if moves.isEmpty { out += [text.none, ""] }
        for (detail, entry) in moves {
            let from = entry.stageBefore.map(strings.stage) ?? "?"
            let to = entry.stageAfter.map(strings.stage) ?? "?"
            out.append("- \(data.calendarDay(entry.at)) \(detail.idea.id) \(esc(detail.idea.fields.title)): \(from) → \(to) — \(esc(entry.reason ?? ""))\(text.override(entry))")
        }
        if !moves.isEmpty { out.append("") }
        out += ["## \(text.stopped)", ""]
        if stopped.isEmpty { out += [text.none, ""] }
        for detail in stopped {
            let category = detail.idea.stopCategory.map(strings.stopCategory) ?? "—"
            out.append("- **\(detail.idea.id) \(esc(detail.idea.fields.title))**: \(category); \(esc(detail.idea.stopLearned ?? ""))")
        }
        let cases = data.publishableCases
        if !cases.isEmpty {
            out += ["", "## \(strings[.reportCases])", ""]
            for (detail, note) in cases {
                out.append("- **\(detail.idea.id) \(esc(detail.idea.fields.title))** — " + CaseNoteText.line(note, strings: strings, withIdea: false).map(esc).joined(separator: " — "))
            }
        }
        if let values = data.values {
            out += ["", "## \(text.values)", "", MarkdownEscape.inline(TextSanitizer.singleLine(text.valuesIntro(values))), ""]
            if values.lines.isEmpty {
                out.append(text.valuesNone)
            } else {
                out += ["| " + text.valuesColumns.joined(separator: " | ") + " |", "| --- | --- | ---: | ---: | --- |"]
                for line in values.lines {
                    let score = text.number(line.score * 100, decimals: 0) + (line.vetoed ? " (veto)" : "")
                    out.append("| \(line.idea) \(esc(line.title)) | \(strings.stage(line.stage)) | \(score) | \(line.rankLabel) | \(line.session) |")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Escaping text for Markdown tables and inline text.
public enum MarkdownEscape {
    public static func inline(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"):
                true
            default: false
            }
        }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if special(byte) { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Numbers in reports.
enum NumberText {
    static func plain(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.2f", value)
    }
}

/// The status of an objection in report words.
enum ObjectionWords {
    static func status(_ objection: Objection, _ text: ReportText) -> String {
        var words = [objection.qualified.map { $0 ? text.t("qualified", "overwegend") : text.t("not qualified", "niet overwegend") }
            ?? text.t("not judged", "niet gewogen")]
        if let resolution = objection.resolution {
            let word = resolution == .amended ? text.t("amended", "aangepast") : text.t("withdrawn", "ingetrokken")
            words.append(objection.resolutionNote.isEmpty ? word : "\(word): \(objection.resolutionNote)")
        }
        return words.joined(separator: ", ")
    }
}
