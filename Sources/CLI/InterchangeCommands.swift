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
func emit(_ text: String, to output: String?, force: Bool, protecting directory: DataDirectory) throws {
    guard let output else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    try OutputFile.write(text, to: output, force: force, protecting: directory)
    FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
}

/// `proeftuin report`: the portfolio report for the council.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write a portfolio report (Markdown, or one self-contained HTML file for print).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "md or html.") var format: ReportFormat = .md
    @Option(help: "Write to this file (default: standard output).") var output: String?
    @Flag(help: "Overwrite --output if it exists.") var force = false
    @Option(help: "Only this theme.") var theme: String?
    @Option(help: "Only activity (moves, measurements) from this date on.") var since: String?
    @Option(help: "The date the report treats as today (YYYY-MM-DD); default: the real date.") var now: String?
    @Flag(help: "Include submitters' names (personal data).") var includePersonal = false

    func run() throws {
        let workspace = try global.openForReading()
        // A file with personal data is recorded before it is written, so `forget` can reach it later.
        if includePersonal, let output, !global.directory.holds(output) { workspace.recordCopy(URL(fileURLWithPath: output)) }
        let strings = Strings(try global.language())
        let data = try ReportData.load(
            from: workspace.reader, today: try parseDay(now) ?? workspace.reader.today(), since: try parseDay(since), theme: theme,
            includePersonal: includePersonal, staleDays: try global.configuration().staleDays ?? 30)
        let text = format == .md ? MarkdownReport.render(data, strings: strings) : HTMLReport.render(data, strings: strings)
        try emit(text, to: output, force: force, protecting: global.directory)
    }
}

/// `proeftuin export`: everything as JSON, the ideas as CSV, or a Markdown listing.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the portfolio: json (everything, round-trips), csv (one row per idea) or md.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "json, csv or md.") var format: ExportFormat = .json
    @Option(help: "Write to this file (default: standard output).") var output: String?
    @Flag(help: "Overwrite --output if it exists.") var force = false
    @Flag(help: "Include submitters' names (personal data).") var includePersonal = false
    @Option(help: "CSV: rfc4180 (commas) or excel-nl (semicolons, decimal commas, UTF-8 BOM).") var csvDialect: CSVDialect = .rfc4180

    func run() throws {
        let workspace = try global.openForReading()
        // A file with personal data is recorded before it is written, so `forget` can reach it later.
        if includePersonal, let output, !global.directory.holds(output) { workspace.recordCopy(URL(fileURLWithPath: output)) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // Exact: controls a terminal could act on are written as \u escapes, which decode to the same characters.
            let text = JSONText.escapingInvisibleControls(
                String(decoding: try encoder.encode(try workspace.reader.exportAll(includePersonal: includePersonal)), as: UTF8.self)) + "\n"
            try emit(text, to: output, force: force, protecting: global.directory)
        case .csv:
            try emit(IdeaCSV.export(try workspace.reader.ideas(), dialect: csvDialect, includePersonal: includePersonal), to: output, force: force, protecting: global.directory)
        case .md:
            let data = try ReportData.load(from: workspace.reader, today: workspace.reader.today(), since: nil, theme: nil, includePersonal: includePersonal)
            try emit(MarkdownReport.render(data, strings: Strings(try global.language())), to: output, force: force, protecting: global.directory)
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
        abstract: "Import a JSON export (into an empty data directory) or ideas from CSV (title, description, theme, tags, source, submitter, stage).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The .json or .csv file.") var file: String
    @Flag(help: "Check the file and report what would be imported; change nothing.") var dryRun = false

    func run() throws {
        let text = try InputFile.readText(file)
        let workspace = try global.openWorkspace()
        do {
            if file.lowercased().hasSuffix(".json") || text.first == "{" {
                let export: PortfolioExport
                do { export = try JSONDecoder().decode(PortfolioExport.self, from: Data(text.utf8)) } catch {
                    throw InterchangeError.notAnExport
                }
                let outcome = try workspace.importJSON(export, dryRun: dryRun)
                Warnings.print(Warnings.imported(outcome.drafts, duplicates: outcome.duplicates))
                // Free text of every imported record (the event log's snapshots repeat it) may hold a citizen service number.
                let texts = export.tables.filter { $0.key != "event" && $0.key != "idea" }.values
                    .flatMap { $0.flatMap { $0.values.compactMap(\.string) } }
                Warnings.print(Warnings.bsn(inTexts: texts))
                let counts = "\(export.tables["idea"]?.count ?? 0) ideas and \(export.tables["event"]?.count ?? 0) events"
                print(dryRun ? "would import \(counts)" : "imported \(counts)")
            } else {
                let outcome = try workspace.importCSV(text, dryRun: dryRun, today: workspace.reader.today())
                Warnings.print(Warnings.imported(outcome.drafts, duplicates: outcome.duplicates))
                Warnings.print(outcome.drafts.filter { ImportPlacement(requested: $0.stage).isHeldBack }.map {
                    "\($0.location): asked for stage \($0.stage.rawValue); arrives as proposed: move it with 'proeftuin move' through its gate"
                })
                let byStage = Dictionary(grouping: outcome.drafts, by: { ImportPlacement(requested: $0.stage).stage }).mapValues(\.count)
                let summary = Stage.boardOrder.compactMap { stage in byStage[stage].map { "\($0) \(stage.rawValue)" } }
                    .joined(separator: ", ")
                print(dryRun ? "would import \(outcome.drafts.count) ideas (\(summary)); nothing was changed"
                    : "imported \(outcome.drafts.count) ideas (\(summary))")
            }
        } catch let failure as ImportFailure {
            throw CLIError.badFile(file, failure.problems.map(\.description))
        }
    }
}

/// `proeftuin merge ID --into ID`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge a duplicate into another idea: tags, history and sessions follow; the duplicate is stopped as merged.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The duplicate.") var id: IdeaIDArgument
    @Option(help: "The idea to keep.") var into: IdeaIDArgument

    func run() throws {
        try global.openWorkspace().merge(id.id, into: into.id)
        print("\(id.id) merged into \(into.id)")
    }
}

/// `proeftuin forget --submitter NAME`.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget", abstract: "Erase a submitter's personal data from every idea and from the event log (AVG/GDPR).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The submitter's name as recorded (case and accents are ignored).") var submitter: String
    @Flag(help: "Delete the copies (backups, files set aside) that could not be rewritten, since they may still hold the name.")
    var deleteUnrewritableCopies = false

    func run() throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        let report = try workspace.forget(submitter: submitter)
        print("erased from \(report.ideasChanged) idea\(report.ideasChanged == 1 ? "" : "s") and \(report.eventsChanged) event-log record\(report.eventsChanged == 1 ? "" : "s")")
        if !report.stillMentioned.isEmpty {
            print("these ideas still mention the name in their title or description; edit them by hand:")
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
