import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Reports
import Storage

enum ReportFormat: String, ExpressibleByArgument { case md, html }
enum ExportFormat: String, ExpressibleByArgument { case json, csv, md }
enum CSVDialect: String, ExpressibleByArgument {
    case rfc4180
    case excelNL = "excel-nl"
}

/// Parses `--now` and `--since` dates.
func parseDay(_ text: String?) throws -> DayDate? {
    guard let text else { return nil }
    guard let day = DayDate(parsing: text) else { throw DomainError.invalidDate(text) }
    return day
}

/// Writes text to a file (atomically, refusing to overwrite without --force, never into the data directory) or to standard
/// output.
func emit(_ text: String, to output: String?, force: Bool, protecting directory: DataDirectory, strings: Strings) throws {
    guard let output else {
        try Output.write(text)
        return
    }
    try OutputFile.write(text, to: output, force: force, protecting: directory)
    FileHandle.standardError.write(Data((strings.format(.cliWrote, TextSanitizer.singleLine(output)) + "\n").utf8))
}

/// `proeftuin report`: the portfolio report for the council.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: HelpLanguage.text(.cliHelpReportAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpReportFormat)) var format: ReportFormat = .md
    @Option(help: HelpLanguage.help(.cliHelpCommonOutput)) var output: String?
    @Flag(help: HelpLanguage.help(.cliHelpCommonForce)) var force = false
    @Option(help: HelpLanguage.help(.cliHelpCommonTheme)) var theme: String?
    @Option(help: HelpLanguage.help(.cliHelpReportSince)) var since: String?
    @Option(help: HelpLanguage.help(.cliHelpReportNow)) var now: String?
    @Flag(help: HelpLanguage.help(.cliHelpCommonIncludePersonal)) var includePersonal = false
    @Option(name: .customLong("for"), help: HelpLanguage.help(.cliHelpReportAudience))
    var audience: ReportAudience?

    func run() throws {
        let workspace = try global.openForReading()
        if audience == .council {
            guard !includePersonal, theme == nil, since == nil else { throw CLIError.councilReportOptions }
            // Dutch by default: the council reads Dutch; --lang en asks for English.
            let strings = Strings(global.lang == nil ? .nl : try global.language())
            let data = try CouncilData.load(from: workspace.reader, today: try parseDay(now) ?? workspace.reader.today(),
                                           triageDays: try global.configuration().triageDaysOrDefault)
            let text = format == .md ? CouncilMarkdownReport.render(data, strings: strings) : CouncilHTMLReport.render(data, strings: strings)
            try emit(text, to: output, force: force, protecting: global.directory, strings: strings)
            return
        }
        // A file with personal data is recorded before it is written, so `forget` can reach it later.
        if includePersonal, let output, !global.directory.holds(output) { workspace.recordCopy(URL(fileURLWithPath: output)) }
        let strings = Strings(try global.language())
        // Three steps: read the portfolio, write the text, write the file.
        let progress = ProgressBar.onStandardError(.progressReporting, counting: .progressSteps, total: 3, strings: strings)
        defer { progress.finish() }
        let data = try ReportData.load(
            from: workspace.reader, today: try parseDay(now) ?? workspace.reader.today(), since: try parseDay(since), theme: theme,
            includePersonal: includePersonal, staleDays: try global.configuration().staleDays ?? 30)
        progress.update(1)
        let text = format == .md ? MarkdownReport.render(data, strings: strings) : HTMLReport.render(data, strings: strings)
        progress.update(2)
        progress.finish()
        try emit(text, to: output, force: force, protecting: global.directory, strings: Strings(try global.language()))
    }
}

/// `proeftuin export`: everything as JSON, the ideas as CSV, or a Markdown listing.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: HelpLanguage.text(.cliHelpExportAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpExportFormat)) var format: ExportFormat = .json
    @Option(help: HelpLanguage.help(.cliHelpCommonOutput)) var output: String?
    @Flag(help: HelpLanguage.help(.cliHelpCommonForce)) var force = false
    @Flag(help: HelpLanguage.help(.cliHelpCommonIncludePersonal)) var includePersonal = false
    @Option(help: HelpLanguage.help(.cliHelpExportCsvDialect)) var csvDialect: CSVDialect = .rfc4180

    func run() throws {
        let workspace = try global.openForReading()
        // A file with personal data is recorded before it is written, so `forget` can reach it later.
        if includePersonal, let output, !global.directory.holds(output) { workspace.recordCopy(URL(fileURLWithPath: output)) }
        let progress = ProgressBar.onStandardError(.progressExporting, counting: .progressRecords, strings: Strings(try global.language()))
        defer { progress.finish() }
        switch format {
        case .json:
            let all = try workspace.reader.exportAll(includePersonal: includePersonal) { progress.update($0) }
            progress.finish()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // Exact: controls a terminal could act on are written as \u escapes, which decode to the same characters.
            let text = JSONText.escapingInvisibleControls(
                String(decoding: try encoder.encode(all), as: UTF8.self)) + "\n"
            try emit(text, to: output, force: force, protecting: global.directory, strings: Strings(try global.language()))
        case .csv:
            try emit(IdeaCSV.export(try workspace.reader.ideas(), dialect: csvDialect, includePersonal: includePersonal), to: output, force: force, protecting: global.directory, strings: Strings(try global.language()))
        case .md:
            let data = try ReportData.load(from: workspace.reader, today: workspace.reader.today(), since: nil, theme: nil, includePersonal: includePersonal)
            try emit(MarkdownReport.render(data, strings: Strings(try global.language())), to: output, force: force, protecting: global.directory, strings: Strings(try global.language()))
        }
    }
}

/// Ideas as CSV in the RFC 4180 or Dutch Excel dialect.
enum IdeaCSV {
    static func export(_ ideas: [Idea], dialect: CSVDialect, includePersonal: Bool) -> String {
        let separator: Character = dialect == .excelNL ? ";" : ","
        let dates = ISO8601DateFormatter()
        var header = ["id", "title", "description", "stage", "theme", "tags", "source"]
        if includePersonal { header.append("submitter") }
        header += ["position", "reviewDate", "cycle", "createdAt", "updatedAt"]
        var lines = [Output.csvRow(header, separator: separator)]
        for idea in ideas {
            var row = ["\(idea.id.rawValue)", idea.fields.title, idea.fields.description, idea.stage.rawValue, idea.fields.theme,
                       idea.fields.tags.joined(separator: ", "), idea.fields.source?.rawValue ?? ""]
            if includePersonal { row.append(idea.fields.submitter ?? "") }
            row += ["\(idea.position)", idea.reviewDate?.description ?? "", "\(idea.cycleCount)",
                    dates.string(from: idea.createdAt), dates.string(from: idea.updatedAt)]
            lines.append(Output.csvRow(row, separator: separator))
        }
        let body = lines.joined(separator: "\r\n") + "\r\n"
        return dialect == .excelNL ? "\u{FEFF}" + body : body
    }
}

/// `proeftuin import FILE`: a JSON export into an empty data directory, or ideas from CSV. Every row is checked by
/// the shared rules (`PortfolioImport`, `IdeaImport`) before anything is written; this command reads and prints.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: HelpLanguage.text(.cliHelpImportAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpImportFile)) var file: String
    @Flag(help: HelpLanguage.help(.cliHelpImportDryRun)) var dryRun = false

    func run() throws {
        let input = try InputFileReader(file)
        if file.lowercased().hasSuffix(".json") || input.firstByte() == UInt8(ascii: "{") {
            try importJSON(try InputFile.readText(file))
        } else {
            try importCSV(input)
        }
    }

    private func importJSON(_ text: String) throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        do {
            let export: PortfolioExport
            do { export = try JSONDecoder().decode(PortfolioExport.self, from: Data(text.utf8)) } catch {
                throw InterchangeError.notAnExport
            }
            let outcome = try workspace.importJSON(export, dryRun: dryRun)
            Warnings.print(Warnings.imported(outcome.drafts, duplicates: outcome.duplicates, strings: strings), strings: strings)
            // Free text of every imported record (the event log's snapshots repeat it) may hold a citizen service number.
            let texts = export.tables.filter { $0.key != "event" && $0.key != "idea" }.values
                .flatMap { $0.flatMap { $0.values.compactMap(\.string) } }
            Warnings.print(Warnings.bsn(inTexts: texts, strings: strings), strings: strings)
            let ideas = strings.ideas(export.tables["idea"]?.count ?? 0)
            let eventCount = export.tables["event"]?.count ?? 0
            let events = eventCount == 1 ? strings[.cliEventsOne] : strings.format(.cliEventsMany, eventCount)
            print(strings.format(dryRun ? .cliWouldImportExport : .cliImportedExport, ideas, events))
        } catch let failure as ImportFailure {
            throw CLIError.badFile(file, failure.problems.map(strings.importProblem))
        }
    }

    /// Streams the file through `Workspace.importCSV(reading:dryRun:row:)`: one pass, one transaction; the warnings
    /// (the first 50 of them) and the counts per stage are gathered as rows arrive and printed once all is written.
    private func importCSV(_ input: InputFileReader) throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        let progress = ProgressBar.onStandardError(.progressImporting, counting: .progressRows, strings: strings)
        defer { progress.finish() }
        var warnings = WarningLines()
        var heldBack = WarningLines()
        var byStage: [Stage: Int] = [:]
        var inbox = 0  // rows without a stage: ideas from outside, waiting for triage
        var rows = 0
        var skipped: [String] = []
        do {
            try workspace.importCSV(reading: input.next, dryRun: dryRun, today: workspace.reader.today(), unknownColumns: { columns in
                skipped = columns.map { strings.format(.cliWarningUnknownColumn, ImportProblem.echo($0)) }
            }) { draft, duplicates in
                // Past the lines that are printed, only their number matters.
                if warnings.isFull {
                    warnings.count(Warnings.importedCount(draft, duplicates: duplicates))
                } else {
                    warnings.add(Warnings.imported([draft], duplicates: duplicates, strings: strings))
                }
                let placement = ImportPlacement(requested: draft.stage)
                if placement.isHeldBack {
                    heldBack.add([strings.format(.cliHeldBack, strings.location(draft.location), strings.stage(draft.stage).lowercased())])
                }
                if draft.inbox { inbox += 1 } else { byStage[placement.stage, default: 0] += 1 }
                rows += 1
                if rows % 256 == 0 { progress.update(rows, done: input.size > 0 ? Double(input.bytesRead) / Double(input.size) : nil) }
            }
        } catch let failure as ImportFailure {
            throw CLIError.badFile(file, failure.problems.map(strings.importProblem))
        }
        progress.finish()
        Warnings.print(skipped, strings: strings)
        Warnings.print(warnings, strings: strings)
        Warnings.print(heldBack, strings: strings)
        // The stage's own name in English (`2 proposed`, as before), its column title in Dutch (`2 voorgesteld`), in
        // parentheses; a file of only a header imports nothing and names no stage.
        let parts = Stage.boardOrder.compactMap { stage in
            byStage[stage].map { "\($0) \(strings.language == .en ? stage.rawValue : strings.stage(stage).lowercased())" }
        } + (inbox > 0 ? ["\(inbox) \(strings[.intakeInbox])"] : [])
        let summary = parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        print(strings.format(dryRun ? .cliWouldImportCSV : .cliImportedCSV, strings.ideas(rows), summary))
    }
}

/// `proeftuin merge ID --into ID`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: HelpLanguage.text(.cliHelpMergeAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpMergeId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpMergeInto)) var into: IdeaIDArgument

    func run() throws {
        let strings = Strings(try global.language())
        try global.openWorkspace().merge(id.id, into: into.id)
        print(strings.format(.cliMerged, id.id, into.id))
    }
}

/// `proeftuin forget --submitter NAME`.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget", abstract: HelpLanguage.text(.cliHelpForgetAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpForgetSubmitter)) var submitter: String
    @Flag(help: HelpLanguage.help(.cliHelpForgetDeleteUnrewritableCopies))
    var deleteUnrewritableCopies = false

    func run() throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        let report = try workspace.forget(submitter: submitter)
        let records = report.eventsChanged == 1 ? strings[.cliLogRecordsOne] : strings.format(.cliLogRecordsMany, report.eventsChanged)
        print(strings.format(.cliErased, strings.ideas(report.ideasChanged), records))
        if !report.stillMentioned.isEmpty {
            print(strings[.cliStillMentioned])
            for idea in report.stillMentioned { print("  \(idea.id)  \(Output.safe(idea.title))") }
        }
        // Hardening: every copy the product keeps or made, rewritten or listed.
        print(strings.format(.forgetCopiesRewritten, report.copiesRewritten.count))
        if !report.leftoversRemoved.isEmpty { print(strings.format(.forgetLeftoversRemoved, report.leftoversRemoved.count)) }
        guard !report.copiesNotRewritten.isEmpty else { return }
        print(strings[.forgetCopiesNotRewritten])
        for copy in report.copiesNotRewritten { print("  \(Output.safe(copy.path))  (\(Self.problem(copy.problem, strings)))") }
        var delete = deleteUnrewritableCopies
        if !delete, isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 {
            print(strings[.forgetAskDelete], terminator: " ")
            delete = ["y", "yes", "j", "ja"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
        }
        guard delete else { throw CLIError.copiesRemain(report.copiesNotRewritten.count) }
        let deleted = try workspace.deleteCopies(report.copiesNotRewritten.map(\.path))
        print(strings.format(.forgetCopiesDeleted, deleted.count))
        if deleted.count < report.copiesNotRewritten.count { throw CLIError.copiesRemain(report.copiesNotRewritten.count - deleted.count) }
    }

    /// Why a copy could not be rewritten, in words.
    static func problem(_ problem: UnrewritableCopy.Problem, _ strings: Strings) -> String {
        switch problem {
        case .missing: strings[.copyMissing]
        case .notADatabase: strings[.copyNotADatabase]
        case .damaged: strings[.copyDamaged]
        case .notWritable: strings[.copyNotWritable]
        case .inUse: strings[.copyInUse]
        case .textCopy: strings[.copyText]
        }
    }
}
