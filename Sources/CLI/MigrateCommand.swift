import AppCore
import Application
import ArgumentParser
import Foundation
import Storage

/// `proeftuin migrate --to postgresql://…`: copies the portfolio of the data directory into an empty database on a
/// PostgreSQL server, losslessly (the copy is read back and compared), so a team can work on it from several machines.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: HelpLanguage.text(.cliHelpMigrateAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpMigrateTo)) var to: String

    func run() throws {
        let strings = Strings(try global.language())
        let environment = global.environment
        let server = try PostgresLocation.parse(to, environment: environment)
        let directory = global.directory
        guard directory.holdsDatabase else { throw MigrationError.noLocalPortfolio(path: directory.path) }
        let configuration = try global.configuration()
        let actor = configuration.actor(environment: environment)
        // The local portfolio is only read; the server's schema is made by opening it.
        let local = try Workspace.open(directory, actor: actor, program: "migrate", readingOnly: true)
        let target = try Workspace.open(directory, server: server, actor: actor, program: "migrate")
        let progress = ProgressBar.onStandardError(.progressCopying, counting: .progressRecords, strings: strings)
        let export = try local.copy(to: target, serverName: server.redacted) { progress.update($0) }
        progress.finish()
        let name = Output.safe(server.redacted)
        print(strings.format(.cliMigrated, strings.ideas(export.tables["idea"]?.count ?? 0), export.tables["event"]?.count ?? 0, name))
        print(strings.format(.cliMigratedNext, name, Output.safe(configuration.path)))
    }
}
