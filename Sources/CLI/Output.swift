import Domain
import Foundation
import AppCore
import Screen

/// An idea as the CLI prints it in JSON.
struct IdeaJSON: Encodable {
    var id: Int64
    var title: String
    var description: String
    var stage: String
    var theme: String
    var tags: [String]
    var source: String?
    var submitter: String?
    var position: Int64
    var createdAt: Date
    var updatedAt: Date

    /// `includePersonal` adds the submitter (personal data).
    init(_ idea: Idea, includePersonal: Bool) {
        id = idea.id.rawValue
        title = idea.fields.title
        description = idea.fields.description
        stage = idea.stage.rawValue
        theme = idea.fields.theme
        tags = idea.fields.tags
        source = idea.fields.source?.rawValue
        submitter = includePersonal ? idea.fields.submitter : nil
        position = idea.position
        createdAt = idea.createdAt
        updatedAt = idea.updatedAt
    }
}

/// One idea with its cycles and decisions, as `show --format json` prints it.
struct IdeaDetailJSON: Encodable {
    struct CycleJSON: Encodable {
        var number: Int
        var owner: String
        var reviewDate: String
        var testCard: TestCard
        var measurements: [MeasurementJSON]
        var learningCard: LearningCard?
    }

    struct MeasurementJSON: Encodable {
        var date: String
        var value: Double
        var note: String
    }

    var idea: IdeaJSON
    var reviewDate: String?
    var stopCategory: String?
    var stopLearned: String?
    var cycles: [CycleJSON]
    var decisions: [DecisionJSON]

    init(_ detail: IdeaDetail, includePersonal: Bool) {
        idea = IdeaJSON(detail.idea, includePersonal: includePersonal)
        reviewDate = detail.idea.reviewDate?.description
        stopCategory = detail.idea.stopCategory?.rawValue
        stopLearned = detail.idea.stopLearned
        cycles = detail.cycles.map { cycle in
            CycleJSON(
                number: cycle.number, owner: cycle.owner, reviewDate: cycle.reviewDate.description, testCard: cycle.testCard,
                measurements: cycle.measurements.map { MeasurementJSON(date: $0.date.description, value: $0.value, note: $0.note) },
                learningCard: cycle.learningCard)
        }
        decisions = detail.decisions.map(DecisionJSON.init)
    }

    func encode(to encoder: any Encoder) throws {
        try idea.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(reviewDate, forKey: .reviewDate)
        try container.encodeIfPresent(stopCategory, forKey: .stopCategory)
        try container.encodeIfPresent(stopLearned, forKey: .stopLearned)
        try container.encode(cycles, forKey: .cycles)
        try container.encode(decisions, forKey: .decisions)
    }

    enum Keys: String, CodingKey {
        case reviewDate, stopCategory, stopLearned, cycles, decisions
    }
}

/// Event-log rows as the CLI prints them in JSON.
struct HistoryJSON: Encodable {
    var at: Date
    var actor: String
    var kind: String
    var reason: String?
    var before: String?
    var after: String?
    var program: String?

    init(_ entry: HistoryEntry) {
        at = entry.at
        actor = entry.actor
        program = entry.program
        kind = entry.kind.rawValue
        reason = entry.reason
        before = entry.before
        after = entry.after
    }
}

/// Printing helpers shared by the commands.
enum Output {
    /// Writes text to standard output. A reader that stopped reading (`proeftuin export | head`) ends the program quietly
    /// with the status a broken pipe gives (128 + SIGPIPE), as the shell expects, never with a crash; any other failure
    /// (a full disk) is an error naming standard output.
    static func write(_ text: String) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch let error as NSError {
            let posix = (error.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
            if posix == Int(EPIPE) || (error.domain == NSPOSIXErrorDomain && error.code == Int(EPIPE)) { exit(128 + SIGPIPE) }
            throw CLIError.cannotWrite("standard output", error.localizedDescription)
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return JSONText.escapingInvisibleControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// One RFC 4180 CSV line: cells cleaned for the terminal, formulas neutralised, quoted where needed (`CSVWriter`).
    static func csvRow(_ fields: [String], separator: Character = ",") -> String {
        CSVWriter.row(fields, separator: separator)
    }

    /// Columns padded by display width, so Dutch and CJK titles line up; every cell is cleaned for the terminal.
    static func table(_ rows: [[String]]) -> String {
        let rows = rows.map { $0.map(safe) }
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// A number without a needless `.0`.
    static func number(_ value: Double) -> String { NumberParsing.text(value) }

    /// Text safe for a terminal: escape sequences and control characters removed.
    static func safe(_ text: String) -> String { TextSanitizer.singleLine(text) }

    /// Made once: `history` and `show` format a date per row. The CLI is single-threaded.
    private static let minuteFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    static func date(_ date: Date) -> String { minuteFormatter.string(from: date) }
}
