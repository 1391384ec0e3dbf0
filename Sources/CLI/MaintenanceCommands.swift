import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// `proeftuin backup [--output FILE]`: a consistent copy made with SQLite's online backup API.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: HelpLanguage.text(.cliHelpBackupAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpBackupOutput)) var output: String?

    func run() throws {
        // A server's backups are its administrator's (pg_dump): refused before anything is opened, with what to do.
        if let server = try global.server() { throw PostgresStoreError.backupOnServer(server: server.redacted) }
        let workspace = try global.openWorkspace()
        let progress = ProgressBar.onStandardError(.progressCopying, counting: .progressPages, strings: Strings(try global.language()))
        let report: (Int, Int) -> Void = { progress.update($0, done: $1 > 0 ? Double($0) / Double($1) : nil) }
        let url = try output.map { try workspace.backup(to: URL(fileURLWithPath: $0), progress: report) }
            ?? workspace.rollingBackup(reason: "manual", progress: report)
        progress.finish()
        print(Output.safe(url?.path ?? ""))
    }
}

/// `proeftuin doctor [--restore [BACKUP]]`: checks the database, and can put a backup back.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: HelpLanguage.text(.cliHelpDoctorAbstract))

    @OptionGroup var global: GlobalOptions
    @Flag(help: HelpLanguage.help(.cliHelpDoctorRestore)) var restore = false
    @Option(help: HelpLanguage.help(.cliHelpDoctorFrom)) var from: String?

    func run() throws {
        let strings = Strings(try global.language())
        if let server = try global.server() { return try checkServer(server, strings) }
        let directory = global.directory
        if FileManager.default.isWritableFile(atPath: directory.path) {
            try DatabaseRestore.recover(directory)  // a restore cut short is finished first
        }
        // Two steps: the integrity check, then every stored value read back.
        let progress = ProgressBar.onStandardError(.progressChecking, counting: .progressSteps, total: 2, strings: Strings(try global.language()))
        let result = Doctor.check(directory)
        progress.update(1)
        progress.finish()
        print(strings.format(.cliDoctorDatabase, Output.safe(directory.databaseURL.path)))
        print(strings.format(.cliDoctorIntegrity, Self.integrity(result, strings)))
        // Values are only worth reading back from a file whose pages are sound.
        let unreadable = result == ["ok"] ? try Doctor.unreadableValues(directory) : []
        progress.update(2)
        progress.finish()
        if result == ["ok"] { Self.printUnreadable(unreadable, heading: .cliDoctorUnreadable, strings) }
        let backups = Doctor.backups(directory)
        let count = strings.format(.cliDoctorBackups, backups.count)
        print(backups.first.map { strings.format(.cliDoctorLatest, count, Output.safe($0.lastPathComponent)) } ?? count)
        guard restore || from != nil else {
            if result != ["ok"] && result != ["no database yet"] {
                throw ExitCode(1)
            }
            if !unreadable.isEmpty { throw StorageError.unreadableValuesFound(count: unreadable.count) }
            return
        }
        guard let source = from.map({ URL(fileURLWithPath: $0) }) ?? backups.first else {
            throw CLIError.noBackup(directory.backupsURL.path)
        }
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw CLIError.noSuchFile(source.path)
        }
        let kept = try Doctor.restore(directory, from: source)
        let name = Output.safe(source.lastPathComponent)
        print(kept.map { strings.format(.cliDoctorKept, name, Output.safe($0.lastPathComponent)) } ?? strings.format(.cliDoctorRestored, name))
        let now = Doctor.check(directory)
        print(strings.format(.cliDoctorIntegrityNow, Self.integrity(now, strings)))
        if now == ["ok"] { Self.printUnreadable(try Doctor.unreadableValues(directory), heading: .cliDoctorUnreadableNow, strings) }
    }

    /// The same on a PostgreSQL server: its connection, the schema, every stored value read back; a server's backups and
    /// restores are its administrator's (`pg_dump`, `pg_restore`), so `--restore` is refused with where to look.
    private func checkServer(_ server: PostgresLocation, _ strings: Strings) throws {
        let name = Output.safe(server.redacted)
        if restore || from != nil { throw CLIError.usage(.cliDoctorServerRestore, [name]) }
        print(strings.format(.cliDoctorDatabase, name))
        let report: HealthReport
        do {
            report = try global.openWorkspace().reader.health()
        } catch let error as PostgresStoreError where error.isLostConnection {
            print(strings.format(.cliDoctorIntegrity, strings[.cliInfoUnreachable]))
            throw error
        }
        print(strings.format(.cliDoctorIntegrity, Self.integrity(report.integrity, strings)))
        print(strings[.cliDoctorServerBackups])
        if !report.healthy { throw ExitCode(1) }
    }

    /// SQLite's verdict: `ok` as it is, `no database yet` in the user's language, anything else as SQLite words it.
    private static func integrity(_ result: [String], _ strings: Strings) -> String {
        Output.safe(result.map { $0 == "no database yet" ? strings[.cliDoctorNoDatabase] : $0 }.joined(separator: "; "))
    }

    /// The count, then one line per value naming its record and field.
    private static func printUnreadable(_ values: [UnreadableValue], heading: StringKey, _ strings: Strings) {
        print(strings.format(heading, values.isEmpty ? strings[.cliDoctorNone] : "\(values.count)"))
        for value in values { print("  \(value)") }
    }
}
