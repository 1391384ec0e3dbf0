import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// Parses a session id (`3` or `S3`).
struct SessionIDArgument: ExpressibleByArgument {
    let id: SessionID

    init?(argument: String) {
        guard let id = SessionID(parsing: argument) else { return nil }
        self.id = id
    }
}

extension WeighingMethod: ExpressibleByArgument {}
extension Normalization: ExpressibleByArgument {}
extension Aggregate: ExpressibleByArgument {}

/// `proeftuin session …`: weighing sessions from the command line.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: HelpLanguage.text(.cliHelpSessionAbstract),
        subcommands: [
            SessionNewCommand.self, SessionScoreCommand.self, SessionImportCommand.self, SessionParticipantCommand.self,
            SessionNoteCommand.self, SessionRevoteCommand.self,
            SessionResultsCommand.self, SessionCloseCommand.self, SessionMinutesCommand.self, SessionListCommand.self,
            SessionJoinCommand.self, SessionServeCommand.self,
        ])
}

struct SessionNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: HelpLanguage.text(.cliHelpSessionNewAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpSessionNewSet)) var set: String
    @Option(help: HelpLanguage.help(.cliHelpSessionNewIdeas)) var ideas: String
    @Option(help: HelpLanguage.help(.cliHelpSessionNewParticipants)) var participants: String = "1"

    func run() throws {
        let ids = try ideas.split(separator: ",").map { text in
            guard let id = IdeaID(parsing: String(text)) else { throw CLIError.usage(.cliUsageNotIdeaID, [String(text)]) }
            return id
        }
        let workspace = try global.openWorkspace()
        let session = WeighingSession(set: try workspace.reader.criteriaSet(set), ideas: ids,
                                      participants: WeighingSession.participants(from: participants), createdAt: Date())
        let created = try workspace.createSession(session)
        let strings = Strings(try global.language())
        Warnings.print(Warnings.bsn(inTexts: session.participants, strings: strings), strings: strings)
        print(created.id!.rawValue)
    }
}

/// `proeftuin session score`: one score entered (or cleared) from a script, checked like the board checks it.
struct SessionScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: HelpLanguage.text(.cliHelpSessionScoreAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Option(help: HelpLanguage.help(.cliHelpSessionScoreParticipant)) var participant: String
    @Option(help: HelpLanguage.help(.cliHelpCommonIdea)) var idea: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpCommonCriterion)) var criterion: String
    @Option(parsing: .unconditional, help: HelpLanguage.help(.cliHelpSessionScoreScore)) var score: Int?
    @Flag(help: HelpLanguage.help(.cliHelpSessionScoreClear)) var clear = false
    @Flag(help: HelpLanguage.help(.cliHelpSessionScoreAbstain)) var abstain = false

    func run() throws {
        guard [score != nil, clear, abstain].filter({ $0 }).count == 1 else { throw CLIError.usage(.cliUsageScoreAbstainClear, []) }
        let entry: CellEntry? = abstain ? .abstain : score.map(CellEntry.score)
        let (current, key) = try global.openWorkspace().enter(
            session.id, participant: participant, idea: idea.id, criterion: criterion, entry: entry, channel: .commandLine)
        let who = Output.safe(current.participants[key.participant])
        let what = Output.safe(current.criteria[key.criterion].name)
        let strings = Strings(try global.language())
        if let score {
            print(strings.format(.cliScored, score, idea.id, what, who, session.id))
        } else if abstain {
            print(strings.format(.cliAbstained, who, idea.id, what, session.id))
        } else {
            print(strings.format(.cliScoreRemoved, idea.id, what, who, session.id))
        }
    }
}

struct SessionImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: HelpLanguage.text(.cliHelpSessionImportAbstract),
        discussion: HelpLanguage.text(.cliHelpSessionImportDiscussion))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Argument(help: HelpLanguage.help(.cliHelpCommonFile)) var file: String
    @Flag(help: HelpLanguage.help(.cliHelpSessionImportAddParticipants)) var addParticipants = false

    func run() throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        let current = try workspace.reader.session(session.id)
        let text = try InputFile.readText(file)
        let records: [CSVRecord]
        do { records = try CSV.parse(text) } catch { throw CLIError.badFile(file, ["\(error)"]) }
        guard let header = records.first else { throw CLIError.badFile(file, [strings[.cliLineEmpty]]) }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let p = columns.firstIndex(of: "participant"), let i = columns.firstIndex(of: "idea"),
              let c = columns.firstIndex(of: "criterion"), let s = columns.firstIndex(of: "score") else {
            throw CLIError.badFile(file, [strings.format(.cliLineHeader, header.line)])
        }
        var errors: [String] = []
        var inputs: [ScoreInput] = []
        var participants = current.participants.map { $0.lowercased() }
        var joining: [String] = []
        var lineOf: [ScoreKey: Int] = [:]  // a second row for the same cell is refused, not silently replacing the first
        for record in records.dropFirst() {
            let fields = record.fields
            guard fields.count > max(p, i, c, s) else {
                errors.append(strings.format(.cliLineFields, record.line, columns.count, fields.count))
                continue
            }
            let who = TextSanitizer.singleLine(fields[p]).trimmingCharacters(in: .whitespaces)
            var participant = participants.firstIndex(of: who.lowercased())
            if participant == nil, addParticipants, !who.isEmpty {
                joining.append(who)
                participants.append(who.lowercased())
                participant = participants.count - 1
            }
            guard let participant else {
                errors.append(strings.format(.cliLineNotParticipant, record.line, who, session.id, current.participants.joined(separator: ", ")))
                continue
            }
            if let reason = current.excluded[participant] {
                errors.append(strings.format(.cliLineExcluded, record.line, who, session.id, reason))
                continue
            }
            guard let idea = IdeaID(parsing: fields[i]), current.ideas.contains(idea) else {
                errors.append(strings.format(.cliLineIdeaNotInSession, record.line, fields[i], session.id))
                continue
            }
            guard let criterion = CriteriaSet(name: "", criteria: current.criteria).index(of: fields[c]) else {
                errors.append(strings.format(.cliLineNoCriterion, record.line, fields[c], session.id))
                continue
            }
            let key = ScoreKey(participant: participant, idea: idea, criterion: criterion)
            let entry: CellEntry
            if ["abstain", "onthouden", "onthouding", "-", "x"].contains(fields[s].trimmingCharacters(in: .whitespaces).lowercased()) {
                entry = .abstain
            } else {
                guard let number = NumberParsing.number(fields[s]), number == number.rounded(), abs(number) < 1e6 else {
                    errors.append(strings.format(.cliLineNotWhole, record.line, fields[s]))
                    continue
                }
                let scale = current.criteria[criterion]
                guard scale.accepts(Int(number)) else {
                    errors.append(strings.format(.cliLineOutsideScale, record.line, Int(number), scale.scaleMin, scale.scaleMax, scale.name))
                    continue
                }
                entry = .score(Int(number))
            }
            // A second row for the same cell is refused, not silently replacing the first.
            if let first = lineOf[key] {
                let name = current.participants.indices.contains(participant) ? current.participants[participant] : who
                errors.append(strings.format(.cliLineSecondScore, record.line, name, idea, current.criteria[criterion].name, first))
                continue
            }
            lineOf[key] = record.line
            inputs.append(ScoreInput(key, entry, channel: .commandLine))
        }
        guard errors.isEmpty else { throw CLIError.badFile(file, errors) }
        try workspace.changeSession(session.id, joining.map(SessionChange.addParticipant) + [.enter(inputs)])
        print(strings.format(.cliScoresImported, strings.scores(inputs.count), session.id))
        if !joining.isEmpty {
            print(strings.format(.cliParticipantsJoined, joining.map(Output.safe).joined(separator: ", ")))
        }
    }
}

/// `proeftuin session participant …`: people who join late or leave.
struct SessionParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant", abstract: HelpLanguage.text(.cliHelpSessionParticipantAbstract),
        subcommands: [SessionParticipantAddCommand.self, SessionParticipantExcludeCommand.self])
}

struct SessionParticipantAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: HelpLanguage.text(.cliHelpSessionParticipantAddAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Argument(help: HelpLanguage.help(.cliHelpSessionParticipantAddName)) var name: String

    func run() throws {
        let updated = try global.openWorkspace().addParticipant(session.id, name)
        print(Strings(try global.language()).format(.cliParticipantAdded, Output.safe(updated.participants.last ?? name), session.id,
                                                    updated.participants.count))
    }
}

struct SessionParticipantExcludeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exclude", abstract: HelpLanguage.text(.cliHelpSessionParticipantExcludeAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Argument(help: HelpLanguage.help(.cliHelpSessionParticipantExcludeName)) var name: String
    @Option(help: HelpLanguage.help(.cliHelpSessionParticipantExcludeReason)) var reason: String

    func run() throws {
        let updated = try global.openWorkspace().excludeParticipant(session.id, name, reason: reason)
        let index = try updated.participantIndex(name)
        print(Strings(try global.language()).format(.cliParticipantExcluded, Output.safe(updated.participants[index]), session.id,
                                                    Output.safe(updated.excluded[index] ?? reason)))
    }
}

/// `session note`: a note on one cell, as the board's `N` writes it.
struct SessionNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: HelpLanguage.text(.cliHelpSessionNoteAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Option(help: HelpLanguage.help(.cliHelpCommonIdea)) var idea: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpCommonCriterion)) var criterion: String
    @Option(help: HelpLanguage.help(.cliHelpSessionNoteText)) var text: String

    func run() throws {
        let workspace = try global.openWorkspace()
        let cell = try SessionCellArgument.cell(idea.id, criterion, in: try workspace.reader.session(session.id))
        try workspace.changeSession(session.id, .note(cell, text))
        print(Strings(try global.language()).format(.weighingNoteSaved, cell.idea, Output.safe(criterion)))
    }
}

/// `session revote`: a second round on chosen cells, as the board's `v` and `V` start it.
struct SessionRevoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revote",
        abstract: HelpLanguage.text(.cliHelpSessionRevoteAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Option(name: .customLong("cell"), help: HelpLanguage.help(.cliHelpSessionRevoteCells)) var cells: [String]

    func run() throws {
        let workspace = try global.openWorkspace()
        let current = try workspace.reader.session(session.id)
        let chosen = try cells.map { text -> SessionCell in
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let idea = IdeaID(parsing: parts[0]) else { throw CLIError.usage(.cliUsageNotCell, [text]) }
            return try SessionCellArgument.cell(idea, parts[1], in: current)
        }
        try workspace.changeSession(session.id, .startRevote(chosen))
        print(Strings(try global.language()).format(.weighingRevoteStarted, Strings(try global.language()).cells(chosen.count)))
    }
}

/// Results as `session results --format json` prints them.
struct ResultsOutput: Encodable {
    struct Ranked: Encodable {
        var idea: Int64
        /// Null for an idea without any score.
        var score: Double?
        /// Equal for ideas with equal results (1, 2, 2, 4); null for an idea without any score.
        var rank: Int?
        var vetoed: Bool
        /// True for an idea no participant who counts gave a score.
        var unscored: Bool

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(idea, forKey: .idea)
            try container.encode(score, forKey: .score)  // null, not left out, for an idea without scores
            try container.encode(rank, forKey: .rank)
            try container.encode(vetoed, forKey: .vetoed)
            try container.encode(unscored, forKey: .unscored)
        }

        enum Keys: String, CodingKey { case idea, score, rank, vetoed, unscored }
    }

    /// One cell's spread; every number is null when nobody who counts scored the cell (0 would be off the scale).
    struct Cell: Encodable {
        var idea: Int64
        var criterion: String
        var count: Int
        var mean: Double?
        var median: Double?
        var sd: Double?
        var iqr: Double?
        var range: Double?

        init(_ spread: CellSpread, criterion: String) {
            idea = spread.idea.rawValue
            self.criterion = criterion
            count = spread.count
            let scored = spread.count > 0
            mean = scored ? spread.mean : nil
            median = scored ? spread.median : nil
            sd = scored ? spread.sd : nil
            iqr = scored ? spread.iqr : nil
            range = scored ? spread.range : nil
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(idea, forKey: .idea)
            try container.encode(criterion, forKey: .criterion)
            try container.encode(count, forKey: .count)
            try container.encode(mean, forKey: .mean)  // null, not left out, for a cell nobody scored
            try container.encode(median, forKey: .median)
            try container.encode(sd, forKey: .sd)
            try container.encode(iqr, forKey: .iqr)
            try container.encode(range, forKey: .range)
        }

        enum Keys: String, CodingKey { case idea, criterion, count, mean, median, sd, iqr, range }
    }

    var method: String
    var normalization: String
    var aggregate: String
    var ranking: [Ranked]
    var cells: [Cell]
    var kendallW: Double?
    var sensitivityStable: Bool
    var complete: Bool
    var participantsComplete: Int
    var participantsTotal: Int
    var kendallParticipants: Int
    var abstentions: Int
    var round: Int

    init(_ result: WeighingResult, criteria: [Criterion], round: Int) {
        method = result.method.rawValue
        normalization = result.normalization.rawValue
        aggregate = result.aggregate.rawValue
        ranking = result.ranking.map {
            Ranked(idea: $0.idea.rawValue, score: $0.unscored ? nil : $0.score, rank: $0.unscored ? nil : $0.rank, vetoed: $0.vetoed,
                   unscored: $0.unscored)
        }
        cells = result.cells.map { Cell($0, criterion: criteria[$0.criterion].name) }
        kendallW = result.kendallW
        sensitivityStable = result.sensitivity.stable
        complete = result.complete
        participantsComplete = result.participantsComplete
        participantsTotal = result.participantsTotal
        kendallParticipants = result.kendallParticipants
        abstentions = result.abstentions
        self.round = round
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(method, forKey: .method)
        try container.encode(normalization, forKey: .normalization)
        try container.encode(aggregate, forKey: .aggregate)
        try container.encode(ranking, forKey: .ranking)
        try container.encode(cells, forKey: .cells)
        try container.encode(kendallW, forKey: .kendallW)  // null when undefined
        try container.encode(sensitivityStable, forKey: .sensitivityStable)
        try container.encode(complete, forKey: .complete)
        try container.encode(participantsComplete, forKey: .participantsComplete)
        try container.encode(participantsTotal, forKey: .participantsTotal)
        try container.encode(kendallParticipants, forKey: .kendallParticipants)
        try container.encode(abstentions, forKey: .abstentions)
        try container.encode(round, forKey: .round)
    }

    enum Keys: String, CodingKey {
        case method, normalization, aggregate, ranking, cells, kendallW, sensitivityStable, complete, participantsComplete, participantsTotal
        case kendallParticipants, abstentions, round
    }
}

struct SessionResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "results", abstract: HelpLanguage.text(.cliHelpSessionResultsAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Option(help: HelpLanguage.help(.cliHelpSessionResultsMethod)) var method: WeighingMethod?
    @Option(help: HelpLanguage.help(.cliHelpSessionResultsNormalization)) var normalization: Normalization?
    @Option(help: HelpLanguage.help(.cliHelpSessionResultsAggregate)) var aggregate: Aggregate?
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text

    func run() throws {
        let strings = Strings(try global.language())
        let workspace = try global.openForReading()
        var value = try workspace.reader.session(session.id)
        if let method { value.method = method }
        if let normalization { value.normalization = normalization }
        if value.method == .topsis { value.normalization = .vector }
        if let aggregate { value.aggregate = aggregate }
        let result = value.results
        switch format {
        case .json:
            print(try Output.json(ResultsOutput(result, criteria: value.criteria, round: value.round)))
        case .text:
            let titles = Dictionary(uniqueKeysWithValues: try workspace.reader.ideas().map { ($0.id, $0.fields.title) })
            let method = strings.methodLine(value.method, value.normalization, value.aggregate)
            print(result.complete ? method : "\(method) (\(strings[.cliResultsIncomplete]))")
            print(Output.table(result.ranking.map { ranked in
                guard !ranked.unscored else { return ["—", strings[.noScores], "", "\(ranked.idea)", Output.safe(titles[ranked.idea] ?? "")] }
                return [ranked.tied ? ranked.rankLabel : "\(ranked.rank).", strings.decimal(ranked.score, 3), ranked.vetoed ? "veto" : "",
                        "\(ranked.idea)", Output.safe(titles[ranked.idea] ?? "")]
            }))
            print(strings.agreement(result))
            print(strings.sensitivity(result.sensitivity, criteria: value.criteria))
        }
    }
}

struct SessionCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: HelpLanguage.text(.cliHelpSessionCloseAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Flag(help: HelpLanguage.help(.cliHelpSessionCloseAllowIncomplete)) var allowIncomplete = false

    func run() throws {
        let strings = Strings(try global.language())
        try global.openWorkspace().closeSession(session.id, allowIncomplete: allowIncomplete)
        print(strings.format(.cliSessionClosed, session.id))
    }
}

struct SessionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: HelpLanguage.text(.cliHelpSessionListAbstract))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let strings = Strings(try global.language())
        let rows = try global.openForReading().reader.sessions().map { summary in
            ["\(summary.id)", strings.sessionStatus(summary.status), summary.setName, strings.ideas(summary.ideas),
             strings.participants(summary.participants), Output.date(summary.createdAt)]
        }
        if !rows.isEmpty { print(Output.table(rows)) }
    }
}

enum MinutesFormat: String, ExpressibleByArgument { case md }

struct SessionMinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "minutes", abstract: HelpLanguage.text(.cliHelpSessionMinutesAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Option(help: HelpLanguage.help(.cliHelpSessionMinutesFormat)) var format: MinutesFormat = .md
    @Option(help: HelpLanguage.help(.cliHelpSessionMinutesOutput)) var output: String?
    @Flag(help: HelpLanguage.help(.cliHelpCommonForce)) var force = false

    func run() throws {
        let workspace = try global.openForReading()
        let value = try workspace.reader.session(session.id)
        let ideas = try value.ideas.map { try workspace.reader.idea($0) }
        let decisions = try value.ideas.flatMap { try workspace.reader.decisions(idea: $0) }
        let text = Minutes.markdown(session: value, ideas: ideas, decisions: decisions, strings: Strings(try global.language()))
        if let output {
            try OutputFile.write(text, to: output, force: force, protecting: global.directory)
        } else {
            print(text, terminator: "")
        }
    }
}

/// Writing output files atomically, never over an existing file by accident, and never into the data directory.
enum OutputFile {
    static func write(_ text: String, to path: String, force: Bool, protecting directory: DataDirectory) throws {
        let url = URL(fileURLWithPath: path)
        // Hardening: not even with --force may an export land on the database, a backup or anything else of the data directory.
        if directory.holds(path) { throw CLIError.insideDataDirectory(path) }
        if !force, FileManager.default.fileExists(atPath: path) {
            throw CLIError.usage(.cliUsageExists, [path])
        }
        do {
            let type = (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path))?[.type] as? FileAttributeType
            if type == .typeDirectory { throw CLIError.cannotWrite(path, "it is a directory") }
            if let type, type != .typeRegular {
                // A device or pipe (/dev/stdout, a FIFO) is written to, never replaced by a file of the same name.
                let handle = try FileHandle(forWritingTo: url)
                defer { try? handle.close() }
                try handle.write(contentsOf: Data(text.utf8))
                return
            }
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch let error as CLIError {
            throw error
        } catch {
            if case StorageError.diskFull = StorageError.fromFileSystem(error, path: path) { throw StorageError.diskFull(path: path) }
            throw CLIError.cannotWrite(path, error.localizedDescription)
        }
    }
}
