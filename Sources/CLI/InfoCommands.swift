import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// `proeftuin demo`: fills the data directory with the demo portfolio.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: HelpLanguage.text(.cliHelpDemoAbstract))

    @OptionGroup var global: GlobalOptions
    @Flag(help: HelpLanguage.help(.cliHelpDemoForce)) var force = false
    @Option(help: HelpLanguage.help(.cliHelpDemoIdeas))
    var ideas: Int?

    func run() throws {
        if let ideas { try NumberKind.ideaCount.check(ideas) }  // before anything is opened or created
        let directory = global.directory
        let server = try global.server()
        if !force, server == nil, let contents = try? FileManager.default.contentsOfDirectory(atPath: directory.path), !contents.isEmpty {
            let holdsIdeas = directory.holdsDatabase ? ((try? global.openWorkspace().reader.isEmpty()) == false) : true
            if holdsIdeas { throw StorageError.directoryNotEmpty(path: directory.path) }
        }
        let workspace = try global.openWorkspace()
        // Where the demo went: the data directory, or the server (without its password).
        let place = Output.safe(server?.redacted ?? directory.path)
        if let server, !force || ideas != nil, try !workspace.reader.isEmpty() {
            throw CLIError.usage(.cliDemoDatabaseNotEmpty, [Output.safe(server.redacted)])
        }
        if let ideas {
            guard try workspace.reader.isEmpty() else { throw StorageError.directoryNotEmpty(path: directory.path) }
            let set = BenchmarkDataSet(ideas: ideas)
            let progress = ProgressBar.onStandardError(.progressGenerating, counting: .progressRecords, total: set.events,
                                                       strings: Strings(try global.language()))
            try workspace.generateBenchmarkData(set, now: Date()) { progress.update($0) }
            progress.finish()
            print(Strings(try global.language()).format(.cliBenchmarkGenerated, set.ideas, set.cycles, set.sessions, set.events, place))
            return
        }
        let count = try workspace.seedDemo(now: Date())
        print(Strings(try global.language()).format(.cliDemoAdded, count, place))
    }
}

/// `proeftuin info`: where things are and how much there is.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: HelpLanguage.text(.cliHelpInfoAbstract))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let configuration = try global.configuration()
        let strings = Strings(try global.language())
        // Looking never creates: a data directory or database that is not there is reported as such.
        let directory = global.directory
        let server = try global.server()
        let exists = server != nil || FileManager.default.fileExists(atPath: directory.databaseURL.path)
        // A server out of reach is named as such; the local facts (paths, configuration, language) are still shown.
        var unreachable: String? = nil
        let workspace: Workspace?
        do {
            workspace = exists ? try global.openForReading() : nil
        } catch let error as PostgresStoreError where server != nil && error.isLostConnection {
            workspace = nil
            unreachable = error.message(in: strings)
        }
        let counts = try workspace?.reader.countsByStage() ?? [:]
        let notThere = " " + strings[.infoNotCreated]
        var rows: [[String]] = [
            [strings[.cliInfoVersion], Proeftuin.version],
            [strings[.cliInfoDataDirectory], directory.path + (FileManager.default.fileExists(atPath: directory.path) ? "" : notThere)],
            // A server is shown without its password.
            [strings[.cliInfoDatabase], server.map { Output.safe($0.redacted) + (unreachable == nil ? "" : " " + strings[.cliInfoUnreachable]) }
                ?? directory.databaseURL.path + (exists ? "" : notThere)],
            [strings[.cliInfoConfigFile], configuration.path + (configuration.exists ? "" : " " + strings[.cliInfoNotPresent])],
        ] + configuration.summary.map { ["  " + strings[.cliInfoConfig], $0] } + [
            [strings[.cliInfoActor], workspace?.reader.actor ?? configuration.actor(environment: global.environment)],
            [strings[.cliInfoLanguage], try global.language().rawValue],
            [strings[.cliInfoIdeas], "\(counts.values.reduce(0, +))"],
        ]
        for stage in Stage.boardOrder {
            rows.append(["  " + strings.stage(stage), "\(counts[stage] ?? 0)"])
        }
        let declined = try workspace?.reader.intakes().filter { $0.status == .declined }.count ?? 0
        rows.append([strings[.cliInfoDeclined], "\(declined)"])
        rows.append([strings[.cliInfoEvents], "\(try workspace?.reader.eventCount() ?? 0)"])
        print(Output.table(rows))
        if let unreachable { print(unreachable) }
    }
}

/// `proeftuin keys`: the keybinding reference generated from the key table.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: HelpLanguage.text(.cliHelpKeysAbstract))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        print(KeyTable.markdown(language: try global.language()), terminator: "")
    }
}
