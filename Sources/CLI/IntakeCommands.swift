import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// A day given on the command line (`YYYY-MM-DD` or `DD-MM-YYYY`), or today by the store's clock.
enum DayArgument {
    static func day(_ text: String?, default today: @autoclosure () -> DayDate) throws(DomainError) -> DayDate {
        guard let text else { return today() }
        guard let day = DayDate(parsing: text) else { throw .invalidDate(text) }
        return day
    }
}

/// `proeftuin accept ID --theme T`: takes an idea out of the inbox onto the board, with a lokale opgave.
struct AcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: HelpLanguage.text(.cliHelpAcceptAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpAcceptTheme)) var theme: String?

    func run() throws {
        let workspace = try global.openWorkspace()
        let chosen = try theme ?? workspace.reader.idea(id.id).fields.theme
        let intake = try workspace.accept(id.id, theme: chosen, today: workspace.reader.today())
        let theme = try workspace.reader.idea(id.id).fields.theme
        let strings = Strings(try global.language())
        print(strings.format(.cliAccepted, intake.ideaID, Output.safe(theme)))
    }
}

/// `proeftuin decline ID --reason R`: declines an idea from the inbox; it leaves the board, the reason stays.
struct DeclineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline", abstract: HelpLanguage.text(.cliHelpDeclineAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpDeclineReason)) var reason: String

    func run() throws {
        let workspace = try global.openWorkspace()
        let intake = try workspace.decline(id.id, reason: reason, today: workspace.reader.today())
        let strings = Strings(try global.language())
        Warnings.print(Warnings.bsn(inTexts: [reason], strings: strings), strings: strings)
        print(strings.format(.cliDeclined, intake.ideaID))
    }
}

/// `proeftuin reply ID [--to CONTACT] [--sent [--on DATE] | --not-sent]`: who gets a reply, and whether they got it.
struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: HelpLanguage.text(.cliHelpReplyAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpReplyTo))
    var to: String?
    @Flag(help: HelpLanguage.help(.cliHelpReplySent)) var sent = false
    @Option(help: HelpLanguage.help(.cliHelpReplyOn)) var on: String?
    @Flag(help: HelpLanguage.help(.cliHelpReplyNotSent)) var notSent = false

    func run() throws {
        // Checked here rather than in validate(), so the message is in the user's language.
        if sent && notSent { throw CLIError.usage(.cliUsageSentAndNotSent, []) }
        if on != nil && !sent { throw CLIError.usage(.cliUsageOnNeedsSent, []) }
        if !sent && !notSent && to == nil { throw CLIError.usage(.cliUsageReplyWhat, []) }
        let workspace = try global.openWorkspace()
        let today = workspace.reader.today()
        let strings = Strings(try global.language())
        if let to {
            try workspace.setReplyContact(id.id, to, today: today)
            print(strings.format(.cliReplyContact, id.id))
        }
        if sent {
            let day = try DayArgument.day(on, default: today)
            try workspace.markReplySent(id.id, on: day, today: today)
            print(strings.format(.cliReplySent, id.id, day))
        } else if notSent {
            try workspace.markReplySent(id.id, on: nil, today: today)
            print(strings.format(.cliReplyNotSent, id.id))
        }
    }
}

/// `proeftuin reply-list`: the replies owed and sent to people who brought ideas in, without contacts unless asked.
struct ReplyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply-list", abstract: HelpLanguage.text(.cliHelpReplyListAbstract),
        discussion: HelpLanguage.text(.cliHelpReplyListDiscussion))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpChallengeListFormat)) var format: ListFormat = .table
    @Flag(help: HelpLanguage.help(.cliHelpReplyListWithContacts)) var withContacts = false
    @Option(help: HelpLanguage.help(.cliHelpCommonNow)) var now: String?

    struct Line: Encodable {
        var id: Int64
        var title: String
        var source: String?
        var status: String
        var received: String
        var due: String
        var sent: String?
        var overdue: Bool
        var contact: String?
    }

    func run() throws {
        let workspace = try global.openForReading()
        let reader = workspace.reader
        let today = try DayArgument.day(now, default: reader.today())
        let triageDays = try global.configuration().triageDaysOrDefault
        var titles: [IdeaID: (String, IdeaSource?)] = [:]
        for idea in try reader.ideas() { titles[idea.id] = (idea.fields.title, idea.fields.source) }
        let lines = ReplyLine.list(try reader.intakes(), titles: titles, today: today, triageDays: triageDays, withContacts: withContacts)
        switch format {
        case .json:
            print(try Output.json(lines.map { line in
                Line(id: line.id.rawValue, title: line.title, source: line.source?.rawValue, status: line.status.rawValue,
                     received: line.receivedOn.description, due: line.due.description, sent: line.sentOn?.description,
                     overdue: line.overdue, contact: line.contact)
            }))
        case .csv:
            var header = ["id", "title", "source", "status", "received", "due", "sent", "overdue"]
            if withContacts { header.append("contact") }
            print(Output.csvRow(header))
            for line in lines {
                var row = ["\(line.id.rawValue)", line.title, line.source?.rawValue ?? "", line.status.rawValue,
                           line.receivedOn.description, line.due.description, line.sentOn?.description ?? "", line.overdue ? "yes" : "no"]
                if withContacts { row.append(line.contact ?? "") }
                print(Output.csvRow(row))
            }
        case .table:
            let strings = Strings(try global.language())
            let owed = lines.filter { $0.sentOn == nil }
            let sent = lines.filter { $0.sentOn != nil }
            for (heading, list) in [(strings.format(.cliRepliesOwed, owed.count), owed), (strings.format(.cliRepliesSent, sent.count), sent)] {
                print(heading)
                if list.isEmpty {
                    print("  —")
                    continue
                }
                var header = [strings[.cliColumnId], strings[.cliColumnStatus], strings[.cliColumnReceived], strings[.cliColumnAnswerDue],
                              strings[.cliColumnSent], strings[.cliColumnTitle]]
                if withContacts { header.insert(strings[.cliColumnContact], at: 5) }
                let rows = list.map { line in
                    var row = ["\(line.id)", strings.intakeStatus(line.status.rawValue), "\(line.receivedOn)",
                               "\(line.due)" + (line.overdue ? " ⚠" : ""), line.sentOn.map { "\($0)" } ?? "—", Output.safe(line.title)]
                    if withContacts { row.insert(Output.safe(line.contact ?? "—"), at: 5) }
                    return row
                }
                print(Output.table([header] + rows).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
                    .joined(separator: "\n"))
            }
        }
    }
}
