import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// Parses an idea id argument (`12` or `#12`).
struct IdeaIDArgument: ExpressibleByArgument {
    let id: IdeaID

    init?(argument: String) {
        guard let id = IdeaID(parsing: argument) else { return nil }
        self.id = id
    }

    static var defaultValueDescription: String { "id" }
}

/// Parses a stage argument in English or Dutch.
struct StageArgument: ExpressibleByArgument {
    let stage: Stage

    init?(argument: String) {
        guard let stage = Stage(name: argument) else { return nil }
        self.stage = stage
    }
}

/// Parses an idea source in English or Dutch.
struct SourceArgument: ExpressibleByArgument {
    let source: IdeaSource

    init?(argument: String) {
        guard let source = IdeaSource(name: argument) else { return nil }
        self.source = source
    }
}

/// `proeftuin add TITLE …`: adds an idea to the proposed column and prints its id.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: HelpLanguage.text(.cliHelpAddAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpAddTitle)) var title: String
    @Option(help: HelpLanguage.help(.cliHelpAddDescription)) var description: String = ""
    @Option(help: HelpLanguage.help(.cliHelpAddTheme)) var theme: String = ""
    @Option(name: .customLong("tag"), help: HelpLanguage.help(.cliHelpAddTags)) var tags: [String] = []
    @Option(help: HelpLanguage.help(.cliHelpAddSource))
    var source: SourceArgument?
    @Option(help: HelpLanguage.help(.cliHelpAddSubmitter)) var submitter: String?
    @Flag(help: HelpLanguage.help(.cliHelpAddInbox))
    var inbox = false
    @Option(help: HelpLanguage.help(.cliHelpAddContact)) var contact: String?
    @Option(help: HelpLanguage.help(.cliHelpAddReceived)) var received: String?

    func run() throws {
        // Checked here rather than in validate(), so the message is in the user's language.
        if !inbox && (contact != nil || received != nil) { throw CLIError.usage(.cliUsageInboxOptions, []) }
        let workspace = try global.openWorkspace()
        let fields = IdeaFields(
            title: title, description: description, source: source?.source, submitter: submitter, theme: theme, tags: tags)
        let duplicates = try workspace.likelyDuplicates(ofTitle: try fields.validated().title)
        let idea = inbox
            ? try workspace.addToInbox(fields, receivedOn: try DayArgument.day(received, default: workspace.reader.today()), replyTo: contact)
            : try workspace.add(fields)
        let strings = Strings(try global.language())
        Warnings.print(Warnings.duplicates(duplicates, strings: strings) + Warnings.bsn(in: fields, strings: strings), strings: strings)
        print(idea.id.rawValue)
    }
}

/// `proeftuin list`: the ideas in board order.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: HelpLanguage.text(.cliHelpListAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpListStage)) var stage: StageArgument?
    @Option(help: HelpLanguage.help(.cliHelpCommonTheme)) var theme: String?
    @Option(help: HelpLanguage.help(.cliHelpChallengeListFormat)) var format: ListFormat = .table
    @Flag(help: HelpLanguage.help(.cliHelpListInbox)) var inbox = false
    @Flag(help: HelpLanguage.help(.cliHelpListDeclined)) var declined = false

    func run() throws {
        let reader = try global.openForReading().reader
        var status: [IdeaID: IntakeStatus] = [:]
        for intake in try reader.intakes() { status[intake.ideaID] = intake.status }
        let ideas = try reader.ideas(stage: stage?.stage, theme: theme).filter { idea in
            if inbox { return status[idea.id] == .inbox }
            return (status[idea.id] == .declined) == declined
        }
        switch format {
        case .json:
            print(try Output.json(ideas.map { IdeaJSON($0, includePersonal: false) }))
        case .csv:
            print(Output.csvRow(["id", "title", "stage", "theme", "tags", "source", "position", "description"]))
            for idea in ideas {
                print(Output.csvRow([
                    "\(idea.id.rawValue)", idea.fields.title, idea.stage.rawValue, idea.fields.theme,
                    idea.fields.tags.joined(separator: ";"), idea.fields.source?.rawValue ?? "", "\(idea.position)",
                    idea.fields.description,
                ]))
            }
        case .table:
            let strings = Strings(try global.language())
            let rows = ideas.map { idea in
                ["\(idea.id)", strings.stage(idea.stage), Output.safe(idea.fields.theme), Output.safe(idea.fields.title)]
            }
            if rows.isEmpty { return }
            print(Output.table([[strings[.cliColumnId], strings[.cliColumnStage], strings[.cliColumnTheme], strings[.cliColumnTitle]]] + rows))
        }
    }
}

/// `proeftuin show ID`: one idea in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: HelpLanguage.text(.cliHelpShowAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text
    @Flag(help: HelpLanguage.help(.cliHelpShowIncludePersonal)) var includePersonal = false

    func run() throws {
        let reader = try global.openForReading().reader
        let detail = try reader.detail(id.id)
        let idea = detail.idea
        let intake = try reader.intake(id.id)
        switch format {
        case .json:
            print(try Output.json(IdeaDetailJSON(detail, includePersonal: includePersonal)))
        case .text:
            let strings = Strings(try global.language())
            print("\(idea.id)  \(Output.safe(idea.fields.title))")
            print(Output.table([
                [strings[.detailStage], strings.stage(idea.stage)],
                [strings[.detailTheme], Output.safe(idea.fields.theme)],
                [strings[.detailTags], Output.safe(idea.fields.tags.joined(separator: ", "))],
                [strings[.detailSource], strings.source(idea.fields.source)],
                [strings[.detailSubmitter], includePersonal ? Output.safe(idea.fields.submitter ?? "—")
                    : idea.fields.submitter == nil ? "—" : strings[.personalLeftOut]],
                [strings[.detailCreated], Output.date(idea.createdAt)],
                [strings[.detailUpdated], Output.date(idea.updatedAt)],
            ]))
            if let review = idea.reviewDate, idea.stage != .stopped { print("\(strings[.detailReviewDate]): \(review)") }
            if let intake {
                let reply = intake.replySentOn.map { strings.format(.detailReplySent, $0) } ?? strings[.detailReplyOwed]
                let contact = intake.replyTo == nil ? "—" : includePersonal ? Output.safe(intake.replyTo!) : strings[.personalLeftOut]
                print(strings.format(.detailIntake, strings.intakeStatus(intake.status.rawValue), intake.receivedOn, reply, contact))
                if let reason = intake.declineReason { print("\(strings[.detailDeclineReason]): \(Output.safe(reason))") }
            }
            if let category = idea.stopCategory {
                print("\(strings[.detailStopCategory]): \(strings.stopCategory(category)) — \(Output.safe(idea.stopLearned ?? ""))")
            }
            if !idea.fields.description.isEmpty {
                print("")
                print(TextSanitizer.multiLine(idea.fields.description))
            }
            for cycle in detail.cycles {
                print("")
                print("\(strings.format(.detailCycle, cycle.number)) (\(strings.format(.detailOwner, Output.safe(cycle.owner), cycle.reviewDate)))")
                let card = cycle.testCard
                for (label, text) in [(StringKey.fieldHypothesis, card.hypothesis), (.fieldAction, card.action),
                                      (.fieldMetric, card.metric), (.fieldSuccess, card.successCriterion)] {
                    print("  \(strings[label]): \(Output.safe(text))")
                }
                for (label, text) in BoundsText.lines(card.bounds, cycle: cycle, strings: strings) {
                    print("  \(label): \(Output.safe(text))")
                }
                for measurement in cycle.measurements {
                    print("  \(measurement.date)  \(strings.number(measurement.value))  \(Output.safe(measurement.note))")
                }
                if let learning = cycle.learningCard {
                    for (label, text) in [(StringKey.fieldObserved, learning.observed), (.fieldLearned, learning.learned),
                                          (.fieldTherefore, learning.therefore)] {
                        print("  \(strings[label]): \(Output.safe(text))")
                    }
                }
            }
            for decision in detail.decisions {
                print("")
                print(DecisionText.lines(decision, strings: strings).joined(separator: "\n"))
            }
        }
    }
}

/// `proeftuin move ID STAGE --reason TEXT` with the fields the target stage's gate asks for.
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: HelpLanguage.text(.cliHelpMoveAbstract),
        discussion: HelpLanguage.text(.cliHelpMoveDiscussion))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Argument(help: HelpLanguage.help(.cliHelpMoveStage))
    var stage: String
    @Option(help: HelpLanguage.help(.cliHelpMoveReason)) var reason: String
    @Option(help: HelpLanguage.help(.cliHelpMoveOverride)) var override: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveHypothesis)) var hypothesis: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveAction)) var action: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveMetric)) var metric: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveSuccess)) var success: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveOwner)) var owner: String?
    @Option(help: HelpLanguage.help(.cliHelpCommonReviewDate)) var reviewDate: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveBudget)) var budget: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveMaxDuration)) var maxDuration: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveHarm)) var harm: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveSafeguard)) var safeguard: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveStopRule)) var stopRule: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveObserved)) var observed: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveLearned)) var learned: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveTherefore)) var therefore: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveCategory)) var category: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveDecision)) var decision: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveProposal)) var proposal: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveResponsible)) var responsible: String?
    @Option(help: HelpLanguage.help(.cliHelpMoveEvaluation)) var evaluation: String?
    @Flag(help: HelpLanguage.help(.cliHelpMoveConsent)) var consent = false

    func run() throws {
        guard let target = Stage(name: stage) else { throw DomainError.unknownStage(stage) }
        var draft = GateDraft(consent: consent)
        let values: [(GateField, String?)] = [
            (.hypothesis, hypothesis), (.action, action), (.metric, metric), (.success, success), (.owner, owner),
            (.reviewDate, reviewDate), (.observed, observed), (.learned, learned), (.therefore, therefore),
            (.category, category), (.decision, decision), (.proposal, proposal), (.responsible, responsible),
            (.evaluation, evaluation), (.budget, budget), (.maxDuration, maxDuration), (.harm, harm), (.safeguard, safeguard),
            (.stopRule, stopRule),
        ]
        for (field, value) in values { if let value { draft[field] = value } }
        let applied = try global.openWorkspace().move(id.id, to: target, reason: reason, draft: draft, wipOverride: override)
        let strings = Strings(try global.language())
        if case .move(let request) = applied.change {
            Warnings.print(Warnings.date(DateCheck.gate(request.gate, today: DayDate.local(Date())), strings: strings), strings: strings)
        }
        Warnings.print(Warnings.bsn(inTexts: applied.change.freeTexts, strings: strings), strings: strings)
        print(strings.format(.cliMoved, id.id, strings.stage(target)))
    }
}

/// `proeftuin edit ID …`: changes the given fields, keeps the rest.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: HelpLanguage.text(.cliHelpEditAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpEditTitle)) var title: String?
    @Option(help: HelpLanguage.help(.cliHelpEditDescription)) var description: String?
    @Option(help: HelpLanguage.help(.cliHelpEditTheme)) var theme: String?
    @Option(name: .customLong("tag"), help: HelpLanguage.help(.cliHelpEditTags)) var tags: [String] = []
    @Option(help: HelpLanguage.help(.cliHelpEditSource)) var source: SourceArgument?
    @Option(help: HelpLanguage.help(.cliHelpEditSubmitter)) var submitter: String?

    func run() throws {
        var edited = IdeaFields(title: "")
        try global.openWorkspace().edit(id.id) { fields in
            if let title { fields.title = title }
            if let description { fields.description = description }
            if let theme { fields.theme = theme }
            if !tags.isEmpty { fields.tags = tags }
            if let source { fields.source = source.source }
            if let submitter { fields.submitter = submitter }
            edited = fields
        }
        let strings = Strings(try global.language())
        Warnings.print(Warnings.bsn(in: edited, strings: strings), strings: strings)
        print(strings.format(.cliSaved, id.id))
    }
}

/// `proeftuin history ID`: the event log of one idea.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: HelpLanguage.text(.cliHelpHistoryAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var id: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text
    @Flag(help: HelpLanguage.help(.cliHelpHistoryIncludePersonal)) var includePersonal = false

    func run() throws {
        let workspace = try global.openForReading()
        _ = try workspace.reader.idea(id.id)
        let entries = try workspace.reader.history(id.id)
        switch format {
        case .json:
            print(try Output.json(entries.map { HistoryJSON(includePersonal ? $0 : $0.withoutPersonalData) }))
        case .text:
            let strings = Strings(try global.language())
            let rows = entries.map { entry in
                [Output.date(entry.at), strings.who(entry.actor, program: entry.program), HistoryWords.kind(entry, strings: strings),
                 Output.safe(entry.kind == .reordered ? entry.stageAfter.map(strings.stage) ?? "" : HistoryWords.change(entry, strings: strings))]
            }
            print(Output.table(rows))
        }
    }
}
