import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// `proeftuin case add|list`: casework (casuïstiek) linked to an idea and its current cycle, without personal data.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: HelpLanguage.text(.cliHelpCaseAbstract),
        subcommands: [CaseAddCommand.self, CaseListCommand.self])
}

/// Adds one case note; refused while it holds personal data, unless `--mask` replaces what was found.
struct CaseAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: HelpLanguage.text(.cliHelpCaseAddAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpCaseAddText)) var text: String
    @Option(help: HelpLanguage.help(.cliHelpCaseAddShows)) var shows: String = ""
    @Option(help: HelpLanguage.help(.cliHelpCaseAddDate)) var date: String?
    @Flag(help: HelpLanguage.help(.cliHelpCaseAddPublishable)) var publishable = false
    @Flag(help: HelpLanguage.help(.cliHelpCaseAddMask)) var mask = false

    func run() throws {
        let strings = Strings(try global.language())
        let day = try date.map { text throws(DomainError) in
            guard let day = DayDate(parsing: text) else { throw .invalidDate(text) }
            return day
        } ?? DayDate.local(Date())
        let workspace = try global.openWorkspace()
        var note = CaseNote(idea: id.id, cycle: nil, date: day, text: text, shows: shows, publishable: publishable)
        let found = try workspace.personalData(in: note.text) + workspace.personalData(in: note.shows)
        if mask {
            note.text = PersonalDataScan.masked(note.text, try workspace.personalData(in: note.text), placeholder: strings.mask)
            note.shows = PersonalDataScan.masked(note.shows, try workspace.personalData(in: note.shows), placeholder: strings.mask)
        } else {
            for finding in found {
                FileHandle.standardError.write(Data("  \(strings.personalData(finding.kind)): \(Output.safe(finding.text)) → \(strings.mask(finding.kind))\n".utf8))
            }
        }
        let saved = try workspace.addCaseNote(note)
        print(strings.format(.cliCaseAdded, saved.id ?? 0, id.id))
    }
}

/// Lists case notes, of one idea or all.
struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: HelpLanguage.text(.cliHelpCaseListAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCaseListId)) var id: IdeaIDArgument?
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text

    struct Item: Encodable {
        var id: Int64
        var idea: Int64
        var cycle: Int?
        var date: String
        var text: String
        var shows: String
        var publishable: Bool
    }

    func run() throws {
        let notes = try global.openForReading().reader.caseNotes(idea: id?.id)
        switch format {
        case .json:
            print(try Output.json(notes.map {
                Item(id: $0.id ?? 0, idea: $0.idea.rawValue, cycle: $0.cycle, date: $0.date.description, text: $0.text, shows: $0.shows,
                     publishable: $0.publishable)
            }))
        case .text:
            let strings = Strings(try global.language())
            if notes.isEmpty { print(strings[.cliCaseNone]) }
            for note in notes {
                print(CaseNoteText.line(note, strings: strings).map(Output.safe).joined(separator: "\n    "))
            }
        }
    }
}
