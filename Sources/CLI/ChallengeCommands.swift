import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// `proeftuin opgave …` (also `proeftuin theme …`): the managed list of lokale opgaven that ideas pick their theme from.
struct ChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opgave", abstract: HelpLanguage.text(.cliHelpChallengeAbstract),
        discussion: HelpLanguage.text(.cliHelpChallengeDiscussion),
        subcommands: [ChallengeAddCommand.self, ChallengeListCommand.self, ChallengeEditCommand.self, ChallengeRemoveCommand.self],
        aliases: ["theme"])
}

struct ChallengeAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: HelpLanguage.text(.cliHelpChallengeAddAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpChallengeAddName)) var name: String
    @Option(help: HelpLanguage.help(.cliHelpChallengeAddDescription)) var description: String = ""
    @Option(help: HelpLanguage.help(.cliHelpChallengeAddDataSource)) var dataSource: String?

    func run() throws {
        try global.openWorkspace().addChallenge(LocalChallenge(name: name, summary: description, dataSource: dataSource))
        print(Strings(try global.language()).format(.cliChallengeAdded, Output.safe(name.trimmingCharactersInWhitespace())))
    }
}

struct ChallengeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: HelpLanguage.text(.cliHelpChallengeListAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpChallengeListFormat)) var format: ListFormat = .table

    struct Item: Encodable {
        var name: String
        var description: String
        var dataSource: String?
        var ideas: Int
    }

    func run() throws {
        let reader = try global.openForReading().reader
        var counts: [String: Int] = [:]
        for idea in try reader.ideas() { counts[TextSearch.fold(idea.fields.theme), default: 0] += 1 }
        let items = try reader.challenges().map {
            Item(name: $0.name, description: $0.summary, dataSource: $0.dataSource, ideas: counts[TextSearch.fold($0.name)] ?? 0)
        }
        switch format {
        case .json: print(try Output.json(items))
        case .csv:
            print(Output.csvRow(["name", "description", "dataSource", "ideas"]))
            for item in items { print(Output.csvRow([item.name, item.description, item.dataSource ?? "", "\(item.ideas)"])) }
        case .table:
            let strings = Strings(try global.language())
            guard !items.isEmpty else {
                print(strings[.cliNoChallenges])
                return
            }
            print(Output.table([[strings[.cliColumnChallenge], strings[.cliColumnCount], strings[.cliColumnDataSource],
                                 strings[.cliColumnDescription]]]
                + items.map { [Output.safe($0.name), "\($0.ideas)", Output.safe($0.dataSource ?? "—"), Output.safe($0.description)] }))
        }
    }
}

struct ChallengeEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: HelpLanguage.text(.cliHelpChallengeEditAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpChallengeEditName)) var name: String
    @Option(help: HelpLanguage.help(.cliHelpCommonRename)) var rename: String?
    @Option(help: HelpLanguage.help(.cliHelpCommonDescription)) var description: String?
    @Option(help: HelpLanguage.help(.cliHelpChallengeEditDataSource)) var dataSource: String?

    func run() throws {
        try global.openWorkspace().editChallenge(name) { challenge in
            if let rename { challenge.name = rename }
            if let description { challenge.summary = description }
            if let dataSource { challenge.dataSource = dataSource }
        }
        print(Strings(try global.language()).format(.cliChallengeSaved, Output.safe((rename ?? name).trimmingCharactersInWhitespace())))
    }
}

struct ChallengeRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: HelpLanguage.text(.cliHelpChallengeRemoveAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpChallengeRemoveName)) var name: String

    func run() throws {
        try global.openWorkspace().removeChallenge(name)
        print(Strings(try global.language()).format(.cliChallengeRemoved, Output.safe(name.trimmingCharactersInWhitespace())))
    }
}
