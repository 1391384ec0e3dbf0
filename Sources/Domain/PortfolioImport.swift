import Foundation

/// The checks every record of a JSON export passes before any of it is imported: each field's type, range and
/// allowed values, dates and times in their stored form, ids unique, references pointing at records of the file;
/// idea records go through `IdeaImport.check`, the rule a CSV import uses. A JSON import goes into an empty data
/// directory, so every reference must be found in the file itself.
public enum PortfolioImport {
    /// The tables of an export, in an order that respects references, each with its fields.
    public static var tables: [(name: String, fields: [String])] { specs.map { ($0.name, $0.fields.map(\.name)) } }

    /// Checks every record of every table: the idea drafts (cleaned fields and stage, in file order) when all are
    /// valid, else every problem, in file order.
    public static func check(_ tables: [String: [[String: JSONValue]]]) -> Result<[IdeaDraft], ImportFailure> {
        var problems: [ImportProblem] = []
        for name in tables.keys.sorted() where !specs.contains(where: { $0.name == name }) {
            problems.append(ImportProblem(.table(name), .unknownTable))
        }
        var ids: [String: Set<Int64>] = [:]
        for spec in specs where spec.fields.contains(where: { $0.kind == .id }) {
            ids[spec.name] = Set((tables[spec.name] ?? []).compactMap { if case .int(let id)? = $0["id"] { id } else { nil } })
        }
        var drafts: [IdeaDraft] = []
        for spec in specs {
            var checker = TableChecker(spec: spec, ids: ids)
            for (offset, record) in (tables[spec.name] ?? []).enumerated() {
                if let draft = checker.check(record, number: offset + 1) { drafts.append(draft) }
            }
            problems += checker.problems
        }
        problems += personalDataInCaseNotes(tables)
        guard problems.isEmpty else { return .failure(ImportFailure(problems)) }
        return .success(drafts)
    }

    /// Case notes hold no personal data, from a file as from a form: each note's text and what it shows are scanned
    /// (`PersonalDataScan`) against the file's own submitters, and a finding refuses the whole import.
    static func personalDataInCaseNotes(_ tables: [String: [[String: JSONValue]]]) -> [ImportProblem] {
        let names = (tables["idea"] ?? []).compactMap { $0["submitter"]?.string }.filter { !$0.isEmpty }
        var problems: [ImportProblem] = []
        for (offset, record) in (tables["caseNote"] ?? []).enumerated() {
            let id: Int64? = if case .int(let id)? = record["id"] { id } else { nil }
            for field in ["text", "shows"] {
                guard let text = record[field]?.string else { continue }
                let kinds = PersonalDataScan.kinds(PersonalDataScan.findings(in: text, names: names))
                if !kinds.isEmpty {
                    problems.append(ImportProblem(.record(table: "caseNote", number: offset + 1, id: id), field: field,
                                                  .rule(.personalDataInCase(kinds))))
                }
            }
        }
        return problems
    }

    // MARK: - What each table holds

    fileprivate enum Kind: Equatable {
        /// A whole number of 1 or more, unique in its table.
        case id
        case text
        case whole(min: Int64?)
        /// A finite number.
        case number
        /// true/false, or 1/0 as SQLite stores it.
        case flag
        /// `YYYY-MM-DD HH:MM:SS.SSS`, as stored.
        case timestamp
        /// `YYYY-MM-DD`.
        case day
        case choice([String])
        case stage
        case stopCategory
        case wipLimit
        /// The id of a record of the named table in the same file.
        case reference(String)
        case json(JSONText)
        /// A field of an idea row, checked as text here and by `IdeaImport.check`.
        case ideaText
        /// A list of texts.
        case tags
    }

    fileprivate enum JSONText: Equatable {
        case criteria, objections, concerns, ideaList, names, object, list

        var what: String {
            switch self {
            case .criteria: "a list of criteria"
            case .objections: "a list of objections"
            case .concerns: "a list of concerns"
            case .ideaList: "a list of idea ids"
            case .names: "a list of names"
            case .object: "an object"
            case .list: "a list"
            }
        }
    }

    fileprivate struct Field {
        let name: String
        let kind: Kind
        let optional: Bool

        init(_ name: String, _ kind: Kind, optional: Bool = false) {
            self.name = name
            self.kind = kind
            self.optional = optional
        }
    }

    fileprivate struct Spec {
        let name: String
        let fields: [Field]
        /// Fields whose values together must be unique, and how to name them.
        var uniqueKey: (fields: [String], what: String)? = nil
        /// Compare the unique key without case (criteria set names).
        var caseInsensitiveKey = false
    }

    fileprivate static let specs: [Spec] = [
        Spec(name: "idea", fields: [
            Field("id", .id), Field("title", .ideaText), Field("description", .ideaText), Field("source", .ideaText, optional: true),
            Field("submitter", .ideaText, optional: true), Field("theme", .ideaText), Field("tags", .tags), Field("stage", .ideaText),
            Field("position", .whole(min: nil)), Field("createdAt", .timestamp), Field("updatedAt", .timestamp),
            Field("reviewDate", .day, optional: true), Field("stopCategory", .stopCategory, optional: true),
            Field("stopLearned", .text, optional: true), Field("cycleCount", .whole(min: 0)), Field("weighScore", .number, optional: true),
            Field("weighRank", .whole(min: 1), optional: true), Field("weighSession", .reference("session"), optional: true),
            Field("mergedInto", .reference("idea"), optional: true),
        ]),
        Spec(name: "cycle", fields: [
            Field("id", .id), Field("ideaId", .reference("idea")), Field("number", .whole(min: 1)), Field("hypothesis", .text),
            Field("action", .text), Field("metric", .text), Field("success", .text), Field("owner", .text), Field("reviewDate", .day),
            Field("startedAt", .timestamp), Field("observed", .text, optional: true), Field("learned", .text, optional: true),
            Field("therefore", .text, optional: true), Field("budgetCap", .number, optional: true),
            Field("maxDuration", .text, optional: true), Field("harm", .text, optional: true), Field("safeguard", .text, optional: true),
            Field("stopRule", .text, optional: true),
        ], uniqueKey: (["ideaId", "number"], "idea and cycle number")),
        Spec(name: "caseNote", fields: [
            Field("id", .id), Field("ideaId", .reference("idea")), Field("cycle", .whole(min: 1), optional: true), Field("date", .day),
            Field("text", .text), Field("shows", .text), Field("publishable", .flag), Field("createdAt", .timestamp),
        ]),
        Spec(name: "measurement", fields: [
            Field("id", .id), Field("cycleId", .reference("cycle")), Field("date", .day), Field("value", .number), Field("note", .text),
        ]),
        Spec(name: "decision", fields: [
            Field("id", .id), Field("ideaId", .reference("idea")), Field("kind", .choice(DecisionKind.allCases.map(\.rawValue))),
            Field("proposal", .text), Field("responsible", .text), Field("reviewDate", .day), Field("evaluation", .text),
            Field("objections", .json(.objections)), Field("concerns", .json(.concerns)),
            Field("outcome", .choice(DecisionOutcome.allCases.map(\.rawValue))), Field("createdAt", .timestamp), Field("updatedAt", .timestamp),
        ]),
        Spec(name: "criteriaSet", fields: [
            Field("name", .text), Field("version", .whole(min: 1)), Field("criteria", .json(.criteria)), Field("updatedAt", .timestamp),
        ], uniqueKey: (["name"], "name"), caseInsensitiveKey: true),
        Spec(name: "session", fields: [
            Field("id", .id), Field("setName", .text), Field("setVersion", .whole(min: 1)), Field("criteria", .json(.criteria)),
            Field("ideas", .json(.ideaList)), Field("participants", .json(.names)),
            Field("status", .choice(SessionStatus.allCases.map(\.rawValue))), Field("method", .choice(WeighingMethod.allCases.map(\.rawValue))),
            Field("normalization", .choice(Normalization.allCases.map(\.rawValue))),
            Field("aggregate", .choice(Aggregate.allCases.map(\.rawValue))), Field("createdAt", .timestamp),
            Field("closedAt", .timestamp, optional: true), Field("results", .json(.object), optional: true),
            Field("excluded", .json(.list), optional: true), Field("revote", .json(.object), optional: true),
        ]),
        Spec(name: "abstention", fields: [
            Field("sessionId", .reference("session")), Field("participant", .whole(min: 0)), Field("ideaId", .reference("idea")),
            Field("criterion", .whole(min: 0)), Field("channel", .choice(ScoreChannel.allCases.map(\.rawValue)), optional: true),
        ], uniqueKey: (["sessionId", "participant", "ideaId", "criterion"], "session, participant, idea and criterion")),
        Spec(name: "cellNote", fields: [
            Field("sessionId", .reference("session")), Field("ideaId", .reference("idea")), Field("criterion", .whole(min: 0)),
            Field("text", .text),
        ], uniqueKey: (["sessionId", "ideaId", "criterion"], "session, idea and criterion")),
        Spec(name: "score", fields: [
            Field("sessionId", .reference("session")), Field("participant", .whole(min: 0)), Field("ideaId", .reference("idea")),
            Field("criterion", .whole(min: 0)), Field("value", .whole(min: nil)),
            Field("channel", .choice(ScoreChannel.allCases.map(\.rawValue)), optional: true),
        ], uniqueKey: (["sessionId", "participant", "ideaId", "criterion"], "session, participant, idea and criterion")),
        Spec(name: "wipLimit", fields: [Field("stage", .stage), Field("limit", .wipLimit), Field("hard", .flag)],
             uniqueKey: (["stage"], "stage")),
        Spec(name: "event", fields: [
            Field("id", .id), Field("at", .timestamp), Field("actor", .text), Field("ideaId", .whole(min: 1), optional: true),
            Field("kind", .choice(EventKind.allCases.map(\.rawValue))), Field("reason", .text, optional: true),
            Field("before", .text, optional: true), Field("after", .text, optional: true), Field("program", .text, optional: true),
        ]),
        Spec(name: "intake", fields: [
            Field("ideaId", .reference("idea")), Field("receivedOn", .day), Field("status", .choice(IntakeStatus.allCases.map(\.rawValue))),
            Field("triagedOn", .day, optional: true), Field("declineReason", .text, optional: true), Field("replyTo", .text, optional: true),
            Field("replySentOn", .day, optional: true),
        ], uniqueKey: (["ideaId"], "idea")),
        Spec(name: "challenge", fields: [
            Field("name", .text), Field("summary", .text), Field("dataSource", .text, optional: true), Field("position", .whole(min: nil)),
        ], uniqueKey: (["name"], "name"), caseInsensitiveKey: true),
        Spec(name: "councilValues", fields: [Field("id", .id), Field("setName", .text)]),
    ]

    // MARK: - Checking one table

    /// Checks the records of one table in order, remembering ids and unique keys already seen.
    private struct TableChecker {
        let spec: Spec
        let ids: [String: Set<Int64>]
        var problems: [ImportProblem] = []
        var seenIDs = Set<Int64>()
        var seenKeys = Set<[String]>()

        init(spec: Spec, ids: [String: Set<Int64>]) {
            self.spec = spec
            self.ids = ids
        }

        /// Checks one record; for an idea record without problems, its draft.
        mutating func check(_ record: [String: JSONValue], number: Int) -> IdeaDraft? {
            var id: Int64? = nil
            if case .int(let value)? = record["id"] { id = value }
            let location = ImportLocation.record(table: spec.name, number: number, id: id)
            let before = problems.count
            for key in record.keys.sorted() where !spec.fields.contains(where: { $0.name == key }) {
                problems.append(ImportProblem(location, field: key, .unknownField))
            }
            for field in spec.fields {
                guard let value = record[field.name], value != .null else {
                    if !field.optional { problems.append(ImportProblem(location, field: field.name, .missing)) }
                    continue
                }
                if let reason = check(value, as: field.kind) { problems.append(ImportProblem(location, field: field.name, reason)) }
            }
            if let key = spec.uniqueKey {
                let values = key.fields.map { name in
                    let text = PortfolioImport.describe(record[name] ?? .null)
                    return spec.caseInsensitiveKey ? text.lowercased() : text
                }
                if !seenKeys.insert(values).inserted {
                    problems.append(ImportProblem(location, .duplicateKey(key.what)))
                }
            }
            guard spec.name == "idea" else { return nil }
            func text(_ name: String) -> String? { record[name]?.string }
            let row = IdeaRow(
                location: location, title: text("title") ?? "", description: text("description") ?? "", theme: text("theme") ?? "",
                tags: PortfolioImport.strings(record["tags"]) ?? [], source: text("source"), submitter: text("submitter"),
                stage: text("stage"))
            switch IdeaImport.check(row) {
            case .success(let draft): return problems.count == before ? draft : nil
            case .failure(let failure):
                // A field that is not text was named above; its empty stand-in must not be named again.
                problems += failure.problems.filter { problem in
                    !problems[before...].contains { $0.field == problem.field }
                }
                return nil
            }
        }

        /// What is wrong with a value of a field, if anything.
        mutating func check(_ value: JSONValue, as kind: Kind) -> ImportProblem.Reason? {
            switch kind {
            case .id:
                if let reason = PortfolioImport.whole(value, min: 1) { return reason }
                guard case .int(let id) = value else { return nil }
                return seenIDs.insert(id).inserted ? nil : .duplicateID("id \(id)")
            case .text, .ideaText:
                return value.string == nil ? .expected("text", found: PortfolioImport.describe(value)) : nil
            case .whole(let min):
                return PortfolioImport.whole(value, min: min)
            case .number:
                switch value {
                case .int: return nil
                case .double(let number): return number.isFinite ? nil : .notFinite
                case .unrepresentableNumber: return .notFinite
                default: return .expected("a number", found: PortfolioImport.describe(value))
                }
            case .flag:
                switch value {
                case .bool, .int(0), .int(1): return nil
                default: return .expected("true or false", found: PortfolioImport.describe(value))
                }
            case .timestamp:
                guard let text = value.string else { return .expected("a time", found: PortfolioImport.describe(value)) }
                return PortfolioImport.isTimestamp(text) ? nil : .notTimestamp(ImportProblem.echo(text))
            case .day:
                guard let text = value.string else { return .expected("a date", found: PortfolioImport.describe(value)) }
                return DayDate(parsing: text)?.description == text ? nil : .notDay(ImportProblem.echo(text))
            case .choice(let allowed):
                guard let text = value.string else { return .expected("text", found: PortfolioImport.describe(value)) }
                return allowed.contains(text) ? nil : .unknownValue(ImportProblem.echo(text), allowed: allowed)
            case .stage:
                guard let text = value.string else { return .expected("text", found: PortfolioImport.describe(value)) }
                return Stage(rawValue: text) != nil ? nil : .rule(.unknownStage(ImportProblem.echo(text)))
            case .stopCategory:
                guard let text = value.string else { return .expected("text", found: PortfolioImport.describe(value)) }
                return StopCategory(rawValue: text) != nil ? nil : .rule(.unknownStopCategory(ImportProblem.echo(text)))
            case .wipLimit:
                if let reason = PortfolioImport.whole(value, min: nil) { return reason }
                guard case .int(let limit) = value, limit < 1 else { return nil }
                return .rule(.invalidLimit(Int(limit)))
            case .reference(let table):
                if let reason = PortfolioImport.whole(value, min: 1) { return reason }
                guard case .int(let id) = value, ids[table]?.contains(id) != true else { return nil }
                return .missingReference(table: table, id: "\(id)")
            case .json(let shape):
                guard let text = value.string else { return .expected("text", found: PortfolioImport.describe(value)) }
                return checkJSON(text, shape)
            case .tags:
                return PortfolioImport.strings(value) == nil ? .expected("a list of texts", found: PortfolioImport.describe(value)) : nil
            }
        }

        /// Whether stored JSON text decodes as what the field holds; idea lists must name ideas of the file.
        func checkJSON(_ text: String, _ shape: JSONText) -> ImportProblem.Reason? {
            let data = Data(text.utf8)
            let decoder = JSONDecoder()
            switch shape {
            case .criteria: if (try? decoder.decode([Criterion].self, from: data)) != nil { return nil }
            case .objections: if (try? decoder.decode([Objection].self, from: data)) != nil { return nil }
            case .concerns: if (try? decoder.decode([Concern].self, from: data)) != nil { return nil }
            case .names: if (try? decoder.decode([String].self, from: data)) != nil { return nil }
            case .object: if (try? decoder.decode([String: JSONValue].self, from: data)) != nil { return nil }
            case .list: if (try? decoder.decode([JSONValue].self, from: data)) != nil { return nil }
            case .ideaList:
                if let list = try? decoder.decode([Int64].self, from: data) {
                    guard let missing = list.first(where: { ids["idea"]?.contains($0) != true }) else { return nil }
                    return .missingReference(table: "idea", id: "\(missing)")
                }
            }
            return .notJSON(shape.what)
        }
    }

    // MARK: - Reading values

    /// Why a value is not a whole number of at least `min`, if it is not.
    fileprivate static func whole(_ value: JSONValue, min: Int64?) -> ImportProblem.Reason? {
        switch value {
        case .int(let number):
            guard let min, number < min else { return nil }
            return .outOfRange("\(number)", allowed: "\(min) or more")
        case .double(let number): return number.isFinite ? .notWholeNumber("\(number)") : .notFinite
        case .unrepresentableNumber: return .notFinite
        default: return .expected("a whole number", found: describe(value))
        }
    }

    /// A list of texts, or nil when the value is something else.
    fileprivate static func strings(_ value: JSONValue?) -> [String]? {
        guard case .array(let items)? = value else { return nil }
        let texts = items.compactMap(\.string)
        return texts.count == items.count ? texts : nil
    }

    /// A value as a message names it; text is echoed safely.
    fileprivate static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .int(let number): "\(number)"
        case .double(let number): "\(number)"
        case .string(let text): "'\(ImportProblem.echo(text))'"
        case .array: "a list"
        case .object: "an object"
        case .unrepresentableNumber: "a number out of range"
        }
    }

    /// Whether a text is a time as stored: `YYYY-MM-DD HH:MM:SS`, optionally with a fraction of a second.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, DayDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self))?.description.utf8
            .elementsEqual(bytes[0..<10]) == true, bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let hours = number(11..<13), hours < 24, let minutes = number(14..<16), minutes < 60,
              let seconds = number(17..<19), seconds < 60 else { return false }
        if bytes.count == 19 { return true }
        return bytes[19] == UInt8(ascii: ".") && (21...29).contains(bytes.count) && number(20..<bytes.count) != nil
    }
}
