import AppCore
import Domain
import Foundation

/// The full-screen view of one idea: fields, description and history.
struct DetailView {
    let timeZone: TimeZone

    func draw(_ detail: DetailState, state: AppState, into grid: inout CellGrid) {
        let strings = state.strings
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, style: Palette.header)
        guard let idea = detail.idea else {
            grid.put(" \(detail.id) · \(strings[.loading])", x: 0, y: 0, style: Palette.header)
            return
        }
        grid.putPadded(" \(idea.id)  \(idea.fields.title)", x: 0, y: 0, width: grid.width, style: Palette.header)
        let lines = contentLines(idea, history: detail.history, strings: strings, width: grid.width - 2)
        let room = grid.height - 2
        let scroll = min(detail.scroll, max(0, lines.count - room))
        for (offset, line) in lines.dropFirst(scroll).prefix(room).enumerated() {
            grid.put(line.text, x: 1, y: 1 + offset, maxWidth: grid.width - 2, style: line.style)
            if let value = line.value {
                grid.put(value, x: 1 + line.valueColumn, y: 1 + offset, maxWidth: grid.width - 2 - line.valueColumn,
                         style: line.valueStyle)
            }
        }
        let y = grid.height - 1
        if let message = state.message {
            grid.putPadded(" " + message.text, x: 0, y: y, width: grid.width, style: message.isError ? Palette.error : Palette.info)
        } else {
            grid.putPadded(" " + strings[.detailHint], x: 0, y: y, width: grid.width, style: Palette.footer)
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

    func contentLines(_ idea: Idea, history: [HistoryEntry], strings: Strings, width: Int) -> [Line] {
        let fields: [(StringKey, String)] = [
            (.detailStage, strings.stage(idea.stage)),
            (.detailTheme, idea.fields.theme.isEmpty ? "—" : idea.fields.theme),
            (.detailTags, idea.fields.tags.isEmpty ? "—" : idea.fields.tags.joined(separator: ", ")),
            (.detailSource, strings.source(idea.fields.source)),
            (.detailSubmitter, idea.fields.submitter ?? "—"),
            (.detailCreated, format(idea.createdAt)),
            (.detailUpdated, format(idea.updatedAt)),
        ]
        let labelWidth = (fields.map { DisplayWidth.of(strings[$0.0]) }.max() ?? 0) + 2
        var lines = fields.map { key, value in
            Line(text: strings[key], style: Palette.label, value: value, valueColumn: labelWidth)
        }
        lines.append(Line(text: ""))
        lines.append(Line(text: strings[.detailDescription], style: Palette.label))
        if idea.fields.description.isEmpty {
            lines.append(Line(text: strings[.detailNoDescription], style: Palette.badge))
        } else {
            lines += DisplayWidth.wrap(TextSanitizer.multiLine(idea.fields.description), to: max(1, width)).map { Line(text: $0) }
        }
        lines.append(Line(text: ""))
        lines.append(Line(text: strings[.detailHistory], style: Palette.label))
        for entry in history.reversed() {
            let text = "\(format(entry.at))  \(entry.actor)  \(strings.event(entry.kind))\(describe(entry, strings: strings))"
            lines += DisplayWidth.wrap(TextSanitizer.singleLine(text), to: max(1, width)).enumerated().map { index, part in
                Line(text: index == 0 ? part : "    " + part, style: index == 0 ? .plain : Palette.badge)
            }
        }
        return lines
    }

    /// What an event changed, in words: "Proposed → Experimenting: reason" or the edited fields.
    private func describe(_ entry: HistoryEntry, strings: Strings) -> String {
        switch entry.kind {
        case .moved:
            let from = entry.stageBefore.map(strings.stage) ?? "?"
            let to = entry.stageAfter.map(strings.stage) ?? "?"
            let reason = entry.reason.map { ": \($0)" } ?? ""
            return " \(from) → \(to)\(reason)"
        case .edited:
            guard let before = decode(IdeaFields.self, entry.before), let after = decode(IdeaFields.self, entry.after) else {
                return ""
            }
            var changed: [String] = []
            if before.title != after.title { changed.append(strings[.fieldTitle]) }
            if before.description != after.description { changed.append(strings[.fieldDescription]) }
            if before.theme != after.theme { changed.append(strings[.fieldTheme]) }
            if before.tags != after.tags { changed.append(strings[.detailTags]) }
            if before.source != after.source { changed.append(strings[.fieldSource]) }
            if before.submitter != after.submitter { changed.append(strings[.fieldSubmitter]) }
            return changed.isEmpty ? "" : ": " + changed.joined(separator: ", ").lowercased()
        default:
            return entry.reason.map { ": \($0)" } ?? ""
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ json: String?) -> T? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(type, from: Data(json.utf8))
    }

    private func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
