import AppCore
import Application
import ArgumentParser
import Dispatch
import Domain
import Foundation
import ParticipantPage
import QRCode
import Screen
import Storage
import TerminalUI

extension ListenAddress: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// Where participants' pages are served: `--listen HOST:PORT`, for the board and `session serve`.
struct ListenOptions: ParsableArguments {
    @Option(help: HelpLanguage.help(.cliHelpListenOptionsListen))
    var listen: ListenAddress = .standard
}

/// `proeftuin session join SESSION --as NAME`: a participant scores on their own terminal.
struct SessionJoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: HelpLanguage.text(.cliHelpSessionJoinAbstract),
        discussion: HelpLanguage.text(.cliHelpSessionJoinDiscussion))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @Option(name: .customLong("as"), help: HelpLanguage.help(.cliHelpSessionJoinName)) var name: String

    func run() throws {
        let language = try global.language()
        let workspace = try global.openWorkspace(program: "join")
        let (current, participant) = try workspace.join(session.id, as: name)
        let environment = global.environment
        try MainActor.assumeIsolated {
            try ParticipantApp.run(workspace: workspace, session: current, participant: participant, language: language,
                                   environment: environment)
        }
    }
}

/// `proeftuin session serve SESSION`: shares a session from the command line, each participant their own link.
struct SessionServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: HelpLanguage.text(.cliHelpSessionServeAbstract),
        discussion: HelpLanguage.text(.cliHelpSessionServeDiscussion))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSession)) var session: SessionIDArgument
    @OptionGroup var sharing: ListenOptions

    func run() throws {
        let listen = sharing.listen
        let language = try global.language()
        let strings = Strings(language)
        let workspace = try global.openWorkspace()
        let links = try workspace.shareSession(session.id)  // links already in use (another program sharing it) are kept
        let share = ShareLock(directory: workspace.reader.directory.url, session: session.id)
        let current = try workspace.reader.session(session.id)
        let server = ParticipantServer(workspace: workspace.sibling(program: "web"), listen: listen, language: language)
        server.share(links)  // this session's links only
        let port = try server.start()
        let address = "\(listen.host):\(port)"
        var text = strings.format(.shareTitle, session.id) + "\n"
        text += strings.format(listen.isLoopback ? .shareLocal : .shareNetwork, address) + "\n\n"
        let entries = BoardSharing.entries(current, links: links, url: server.url(for:))
        let width = entries.map { DisplayWidth.of($0.name) }.max() ?? 0
        for entry in entries {
            text += "  " + Output.safe(entry.name) + String(repeating: " ", count: max(0, width - DisplayWidth.of(entry.name))) + "  " + entry.url + "\n"
        }
        let colour = isatty(1) == 1 && (global.environment["NO_COLOR"] ?? "").isEmpty
        for (index, entry) in entries.enumerated() {
            text += "\n" + strings.format(.shareQRFor, Output.safe(entry.name), index + 1, entries.count) + "\n"
            for line in entry.qr { text += (colour ? "\u{1B}[30;47m" + line + "\u{1B}[0m" : line) + "\n" }
        }
        text += "\n" + strings[.serveStopHint] + "\n"
        try Output.write(text)
        Self.waitForStopSignal()
        server.stop()
        // The links end, unless another running program (the board, another `serve`) still shares the session.
        guard share?.othersShare() != true else { return }
        try workspace.stopSharing(session.id)
        try Output.write(strings.format(.shareStopped, session.id) + "\n")
    }

    /// Blocks until SIGINT, SIGTERM or SIGHUP arrives.
    static func waitForStopSignal() {
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        stop.wait()
        sources.forEach { $0.cancel() }
    }
}
