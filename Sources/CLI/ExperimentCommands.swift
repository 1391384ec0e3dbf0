import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// `proeftuin measure ID --date D --value V [--note N]`, and `measure import ID FILE.csv`.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: HelpLanguage.text(.cliHelpMeasureAbstract),
        subcommands: [MeasureAddCommand.self, MeasureImportCommand.self], defaultSubcommand: MeasureAddCommand.self)
}

/// Adds one measurement.
struct MeasureAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: HelpLanguage.text(.cliHelpMeasureAddAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpMeasureAddDate)) var date: String
    @Option(help: HelpLanguage.help(.cliHelpMeasureAddValue)) var value: String
    @Option(help: HelpLanguage.help(.cliHelpMeasureAddNote)) var note: String = ""

    func run() throws {
        let measurement = try MeasurementEntry.parse(date: date, value: value, note: note)
        try global.openWorkspace().perform(.addMeasurement(id.id, measurement))
        let strings = Strings(try global.language())
        Warnings.print(Warnings.date(DateCheck.measurement(measurement.date, today: DayDate.local(Date())), strings: strings),
                       strings: strings)
        Warnings.print(Warnings.bsn(inTexts: [measurement.note], strings: strings), strings: strings)
        print("\(id.id) \(measurement.date) \(strings.number(measurement.value))")
    }
}

/// Imports measurements from a CSV file: `date,value,note`; all or nothing.
struct MeasureImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: HelpLanguage.text(.cliHelpMeasureImportAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Argument(help: HelpLanguage.help(.cliHelpCommonFile)) var file: String

    func run() throws {
        let text = try InputFile.readText(file)
        let records: [CSVRecord]
        do { records = try CSV.parse(text) } catch { throw CLIError.badFile(file, ["\(error)"]) }
        var measurements: [MetricMeasurement] = []
        var errors: [String] = []
        for record in records {
            let fields = record.fields
            if record.line == records.first?.line, fields.first?.lowercased().trimmingCharacters(in: .whitespaces) == "date" {
                continue  // header
            }
            guard fields.count >= 2 else {
                errors.append("line \(record.line): needs date and value")
                continue
            }
            do {
                measurements.append(try MeasurementEntry.parse(date: fields[0], value: fields[1], note: fields.count > 2 ? fields[2] : ""))
            } catch {
                errors.append("line \(record.line): \(error)")
            }
        }
        guard errors.isEmpty else { throw CLIError.badFile(file, errors) }
        let workspace = try global.openWorkspace()
        try workspace.measure(id.id, measurements)
        let strings = Strings(try global.language())
        let today = DayDate.local(Date())
        Warnings.print(measurements.flatMap { Warnings.date(DateCheck.measurement($0.date, today: today), strings: strings) },
                       strings: strings)
        Warnings.print(Warnings.bsn(inTexts: measurements.map(\.note), strings: strings), strings: strings)
        print(measurements.count == 1
            ? strings.format(.cliImportedMeasurementOne, id.id) : strings.format(.cliImportedMeasurements, measurements.count, id.id))
    }
}

/// `proeftuin wip set STAGE N [--hard]`, `proeftuin wip show`.
struct WipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wip", abstract: HelpLanguage.text(.cliHelpWipAbstract), subcommands: [WipShowCommand.self, WipSetCommand.self],
        defaultSubcommand: WipShowCommand.self)
}

struct WipShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: HelpLanguage.text(.cliHelpWipShowAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text

    struct Row: Encodable {
        var stage: String
        var limit: Int
        var hard: Bool
        var count: Int
    }

    func run() throws {
        let workspace = try global.openForReading()
        let limits = try workspace.reader.wipLimits()
        let counts = try workspace.reader.countsByStage()
        let rows = Stage.boardOrder.compactMap { stage in
            limits[stage].map { Row(stage: stage.rawValue, limit: $0.limit, hard: $0.hard, count: counts[stage] ?? 0) }
        }
        switch format {
        case .json: print(try Output.json(rows))
        case .text:
            let strings = Strings(try global.language())
            let header = [strings[.cliColumnStage], strings[.cliColumnCount], strings[.cliColumnLimit], strings[.cliColumnLimitKind]]
            print(Output.table([header] + rows.map {
                [Stage(rawValue: $0.stage).map(strings.stage) ?? $0.stage, "\($0.count)", "\($0.limit)",
                 strings[$0.hard ? .cliLimitHard : .cliLimitSoft]]
            }))
        }
    }
}

struct WipSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: HelpLanguage.text(.cliHelpWipSetAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpWipSetStage)) var stage: StageArgument
    @Argument(help: HelpLanguage.help(.cliHelpWipSetLimit)) var limit: Int
    @Flag(help: HelpLanguage.help(.cliHelpWipSetHard)) var hard = false

    func run() throws {
        try global.openWorkspace().setWipLimit(WipLimit(stage: stage.stage, limit: limit, hard: hard))
        let strings = Strings(try global.language())
        print(strings.format(.cliWipSet, strings.stage(stage.stage), limit, strings[hard ? .cliLimitHard : .cliLimitSoft]))
    }
}

/// `proeftuin due [--within DAYS]`: reviews that are overdue or coming up.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: HelpLanguage.text(.cliHelpDueAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpDueWithin)) var within: Int = 7
    @Option(help: HelpLanguage.help(.cliHelpCommonNow)) var now: String?
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text

    struct Item: Encodable {
        var id: Int64
        var title: String
        var stage: String
        var reviewDate: String
        var kind: String

        init(id: Int64, title: String, stage: String, reviewDate: String, kind: String) {
            self.id = id
            self.title = title
            self.stage = stage
            self.reviewDate = reviewDate
            self.kind = kind
        }

        init(_ review: DueReview) {
            id = review.idea.rawValue
            title = review.title
            stage = review.stage.rawValue
            reviewDate = review.reviewDate.description
            kind = review.kind.rawValue
        }
    }

    struct Result: Encodable {
        var overdue: [Item]
        var upcoming: [Item]
        var pastMaxDuration: [Item]
        /// Ideas waiting in the inbox past their answer deadline (`kind` "triage", `reviewDate` the deadline).
        var triage: [Item]
    }

    func run() throws {
        let today = try now.map { text throws(DomainError) in
            guard let day = DayDate(parsing: text) else { throw .invalidDate(text) }
            return day
        } ?? DayDate.local(Date())
        try NumberKind.days.check(within)
        let reader = try global.openForReading().reader
        let reviews = try reader.reviews(today: today, within: within)
        let pastMax = try reader.pastMaxDuration(today: today)
        let triageDays = try global.configuration().triageDaysOrDefault
        let waiting = try reader.intakes().filter { $0.isTriageOverdue(today: today, triageDays: triageDays) }
        let triage = try waiting.map { intake in
            let idea = try reader.idea(intake.ideaID)
            return Item(id: idea.id.rawValue, title: idea.fields.title, stage: idea.stage.rawValue,
                        reviewDate: intake.answerDue(triageDays: triageDays).description, kind: "triage")
        }.sorted { ($0.reviewDate, $0.id) < ($1.reviewDate, $1.id) }
        switch format {
        case .json:
            print(try Output.json(Result(overdue: reviews.overdue.map(Item.init), upcoming: reviews.upcoming.map(Item.init),
                                         pastMaxDuration: pastMax.map(Item.init), triage: triage)))
        case .text:
            let strings = Strings(try global.language())
            let upcoming = within == 1 ? strings[.cliDueUpcomingOne] : strings.format(.cliDueUpcoming, within)
            for (heading, list) in [(strings[.cliDueOverdue], reviews.overdue), (upcoming, reviews.upcoming)] {
                print(heading)
                if list.isEmpty { print("  —") }
                for review in list {
                    print("  \(review.reviewDate)  \(review.idea)  \(strings.stage(review.stage))  \(Output.safe(review.title))")
                }
            }
            if !pastMax.isEmpty {
                print(strings.format(.cliDuePastMaxDuration, pastMax.count))
                for review in pastMax {
                    print("  \(review.reviewDate)  \(review.idea)  \(strings.stage(review.stage))  \(Output.safe(review.title))")
                }
            }
            if !triage.isEmpty {
                print(strings.format(.cliDueTriage, triageDays))
                for item in triage { print("  \(item.reviewDate)  #\(item.id)  \(Output.safe(item.title))") }
            }
        }
    }
}
