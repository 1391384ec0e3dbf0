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
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an idea; prints its id.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The title of the idea.") var title: String
    @Option(help: "A description.") var description: String = ""
    @Option(help: "The theme (lokale opgave).") var theme: String = ""
    @Option(name: .customLong("tag"), help: "A tag; repeat for more.") var tags: [String] = []
    @Option(help: "Where it came from: resident, professional, partner or internal (or inwoner, intern).")
    var source: SourceArgument?
    @Option(help: "Who brought it in (personal data).") var submitter: String?
    @Flag(help: "It comes from outside the team: it waits in the inbox until it is accepted, merged or declined.")
    var inbox = false
    @Option(help: "With --inbox: who gets a reply and how (personal data; may be left out).") var contact: String?
    @Option(help: "With --inbox: the day it was sent in (YYYY-MM-DD or DD-MM-YYYY; default today).") var received: String?

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
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List ideas in board order.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this stage (English or Dutch name).") var stage: StageArgument?
    @Option(help: "Only this theme.") var theme: String?
    @Option(help: "table, json or csv.") var format: ListFormat = .table
    @Flag(help: "Only ideas waiting in the inbox for triage.") var inbox = false
    @Flag(help: "Only declined ideas (they are left off the board and other listings).") var declined = false

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
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one idea.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The idea id.") var id: IdeaIDArgument
    @Option(help: "text or json.") var format: TextFormat = .text
    @Flag(help: "Include the submitter's name (personal data).") var includePersonal = false

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
        commandName: "move", abstract: "Move an idea to another stage through its gate (a decision: give a reason).",
        discussion: """
            experimenting: --hypothesis --action --metric --success --owner --review-date
                           and its bounds: --budget --max-duration --harm --safeguard --stop-rule
            learning:      --observed --learned --therefore
            scaling:       --decision ID, or --proposal --responsible --review-date [--evaluation] --consent
            stopped:       --category (no-effect, not-feasible, no-capacity, merged, superseded, other) --learned
            proposed:      (reopen a stopped idea) nothing more
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The idea id.") var id: IdeaIDArgument
    @Argument(help: "The target stage: proposed, experimenting, learning, scaling, stopped (or the Dutch names).")
    var stage: String
    @Option(help: "Why: recorded in the history.") var reason: String
    @Option(help: "Over a soft WIP limit: why it is worth it (recorded).") var override: String?
    @Option(help: "Test card: we believe that …") var hypothesis: String?
    @Option(help: "Test card: to verify that, we will …") var action: String?
    @Option(help: "Test card: and measure …") var metric: String?
    @Option(help: "Test card: we are right if …") var success: String?
    @Option(help: "Who owns the experiment.") var owner: String?
    @Option(help: "Review date, YYYY-MM-DD or DD-MM-YYYY.") var reviewDate: String?
    @Option(help: "Safe to try: budget cap in euros (2500, € 2.500).") var budget: String?
    @Option(help: "Safe to try: maximum duration in weeks or days (6w, 6 weken, 30d, 30 dagen).") var maxDuration: String?
    @Option(help: "Safe to try: who could be harmed.") var harm: String?
    @Option(help: "Safe to try: how that harm is prevented.") var safeguard: String?
    @Option(help: "Safe to try: we stop at once if …") var stopRule: String?
    @Option(help: "Learning card: we observed …") var observed: String?
    @Option(help: "Learning card: we learned … (also what was learned when stopping)") var learned: String?
    @Option(help: "Learning card: therefore we will …") var therefore: String?
    @Option(help: "Why it stops: no-effect, not-feasible, no-capacity, merged, superseded, other.") var category: String?
    @Option(help: "A consented decision to scale on.") var decision: String?
    @Option(help: "Inline consent decision: the proposal.") var proposal: String?
    @Option(help: "Inline consent decision: who is responsible.") var responsible: String?
    @Option(help: "Inline consent decision: how it will be evaluated.") var evaluation: String?
    @Flag(help: "Inline consent decision: consent was given (no qualified objection open).") var consent = false

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
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change fields of an idea.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The idea id.") var id: IdeaIDArgument
    @Option(help: "New title.") var title: String?
    @Option(help: "New description.") var description: String?
    @Option(help: "New theme.") var theme: String?
    @Option(name: .customLong("tag"), help: "Replaces the tags; repeat for more.") var tags: [String] = []
    @Option(help: "New source.") var source: SourceArgument?
    @Option(help: "New submitter (personal data).") var submitter: String?

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
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show the history of an idea.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The idea id.") var id: IdeaIDArgument
    @Option(help: "text or json.") var format: TextFormat = .text
    @Flag(help: "Keep submitters' names in the JSON snapshots (personal data).") var includePersonal = false

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
                [Output.date(entry.at), Output.safe(entry.actor) + (entry.program.map { " (\(Output.safe($0)))" } ?? ""), HistoryWords.kind(entry, strings: strings),
                 Output.safe(entry.kind == .reordered ? entry.stageAfter.map(strings.stage) ?? "" : HistoryWords.change(entry, strings: strings))]
            }
            print(Output.table(rows))
        }
    }
}
