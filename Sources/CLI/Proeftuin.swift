import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import ParticipantPage
import Storage
import TerminalUI

/// `proeftuin`: opens the board, or runs one of the subcommands.
public struct Proeftuin: ParsableCommand {
    /// The program's version, written only here: `--version`, `info` and the Debian package
    /// (`scripts/package-deb.sh` reads it from `--version`) all take it from this line.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "proeftuin",
        abstract: HelpLanguage.text(.cliHelpRootAbstract),
        discussion: HelpLanguage.text(.cliHelpRootDiscussion),
        version: version,
        subcommands: [
            BoardCommand.self, DemoCommand.self, AddCommand.self, ListCommand.self, ShowCommand.self,
            MoveCommand.self, EditCommand.self, HistoryCommand.self, MeasureCommand.self, DecisionCommand.self,
            WipCommand.self, DueCommand.self, CriteriaCommand.self, SessionCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self,
            MergeCommand.self, ForgetCommand.self, BackupCommand.self, DoctorCommand.self, InfoCommand.self, KeysCommand.self,
            BenchCommand.self, BenchFrameCommand.self, CaseCommand.self,
            AcceptCommand.self, DeclineCommand.self, ReplyCommand.self, ReplyListCommand.self, ChallengeCommand.self,
            MigrateCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: HelpLanguage.help(.cliHelpCommonDemo))
    var demo = false

    @Flag(name: .long, help: HelpLanguage.help(.cliHelpRootNoMouse))
    var noMouse = false

    @OptionGroup var sharing: ListenOptions

    public init() {}

    public func run() throws {
        try BoardCommand.open(global: global, demo: demo, useMouse: !noMouse, listen: sharing.listen)
    }

    /// Parses and runs a command; a failure is reported in the user's language and exits non-zero.
    /// Usage errors, `--help` and `--version` are left to ArgumentParser.
    public static func runReportingErrors(_ arguments: [String]? = nil) -> Never {
        // Before ArgumentParser reads any command's help texts: they are written in this language.
        HelpLanguage.choose(for: arguments ?? Array(CommandLine.arguments.dropFirst()))
        var command: any ParsableCommand
        do { command = try parseAsRoot(arguments) } catch { exitCleanly(withError: error) }
        do {
            try command.run()
        } catch {
            // `help` and `--help` on some commands arrive here, thrown by ArgumentParser's own help command: its help text.
            if exitCode(for: error) == .success { exitCleanly(withError: error) }
            guard let report = ErrorReport.text(for: error, in: ErrorReport.language(of: command)) else {
                exitCleanly(withError: ErrorReport.cleaned(error))
            }
            FileHandle.standardError.write(Data(report.utf8))
            exit(withError: ExitCode.failure)
        }
        exit()
    }

    /// Like `exit(withError:)`, but a failure's message (which may quote an argument) is cleaned of escape codes before
    /// it reaches the terminal; `--help` and `--version` are printed as ArgumentParser prints them.
    static func exitCleanly(withError error: any Error) -> Never {
        let code = exitCode(for: error)
        guard code != .success else { exit(withError: error) }
        let message = TextSanitizer.multiLine(fullMessage(for: error))
        if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        Foundation.exit(code.rawValue)
    }
}

/// `proeftuin board`: the full-screen board (also what `proeftuin` alone does).
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "board", abstract: HelpLanguage.text(.cliHelpBoardAbstract))

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: HelpLanguage.help(.cliHelpCommonDemo))
    var demo = false

    @Flag(name: .long, help: HelpLanguage.help(.cliHelpBoardNoMouse))
    var noMouse = false

    @OptionGroup var sharing: ListenOptions

    func run() throws {
        try Self.open(global: global, demo: demo, useMouse: !noMouse, listen: sharing.listen)
    }

    static func open(global: GlobalOptions, demo: Bool, useMouse: Bool, listen: ListenAddress = .standard) throws {
        let language = try global.language()
        var directory: DataDirectory? = nil
        if demo, global.dataDir == nil {
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("proeftuin-demo-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970))")
            directory = DataDirectory(url: url)
        }
        let workspace = try global.openWorkspace(at: directory, program: "board")
        if demo {
            // `--demo --data-dir DIR` fills DIR with the demo, as `demo` would, and never mixes it into ideas already there.
            guard try workspace.reader.isEmpty() else {
                throw CLIError.usage(.cliDemoBoardNotEmpty, [TextSanitizer.singleLine(workspace.reader.directory.path)])
            }
            try workspace.seedDemo(now: Date())
        }
        let environment = global.environment
        let configuration = try global.configuration()
        let keymap = try Keymap.standard.overriding(configuration.keys)
        // Participants' pages are served off the main thread, writing through their own connection (program `web`).
        let sharing = BoardSharing(
            server: ParticipantServer(workspace: workspace.sibling(program: "web"), listen: listen, language: language),
            workspace: workspace, language: language)
        defer { sharing.shutdown() }
        // Where the data is, in the header: a server by its database and host; a data directory by its path.
        let place = directory == nil ? try global.server().map { TextSanitizer.singleLine($0.shortName) } : nil
        try MainActor.assumeIsolated {
            try BoardApp.run(workspace: workspace, language: language, environment: environment, useMouse: useMouse,
                             staleDays: configuration.staleDays ?? 30, keymap: keymap, sharing: sharing,
                             triageDays: configuration.triageDaysOrDefault,
                             dailyBackup: true,  // at most once a day, the newest seven kept, made after the first frame
                             server: place)
        }
        if demo { print(Strings(language).format(.cliDemoKept, TextSanitizer.singleLine(workspace.reader.directory.path))) }
    }
}
