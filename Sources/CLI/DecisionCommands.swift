import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// Parses a decision id (`3` or `D3`).
struct DecisionIDArgument: ExpressibleByArgument {
    let id: DecisionID

    init?(argument: String) {
        guard let id = DecisionID(parsing: argument) else { return nil }
        self.id = id
    }
}

/// Parses a decision kind.
struct DecisionKindArgument: ExpressibleByArgument {
    let kind: DecisionKind

    init?(argument: String) {
        let key = argument.lowercased()
        let aliases: [String: DecisionKind] = ["start-experiment": .startExperiment, "experiment": .startExperiment, "opschalen": .scale,
                                               "stoppen": .stop, "doorgaan": .continue]
        guard let kind = DecisionKind(rawValue: key) ?? aliases[key] else { return nil }
        self.kind = kind
    }

    static var allValueStrings: [String] { DecisionKind.allCases.map(\.rawValue) }
}

/// `proeftuin decision …`: consent decisions and their objection rounds.
struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision", abstract: HelpLanguage.text(.cliHelpDecisionAbstract),
        subcommands: [
            DecisionNewCommand.self, DecisionObjectCommand.self, DecisionJudgeCommand.self, DecisionResolveCommand.self,
            DecisionConcernCommand.self, DecisionConsentCommand.self, DecisionShowCommand.self, DecisionListCommand.self,
        ])
}

/// Applies one step of a consent round through the application layer (read and written in one transaction).
private func amend(_ global: GlobalOptions, _ id: DecisionID, _ amendment: DecisionAmendment) throws -> ConsentDecision {
    let saved = try global.openWorkspace().amendDecision(id, amendment)
    let strings = Strings(try global.language())
    Warnings.print(Warnings.bsn(inTexts: IdeaChange.amendDecision(id, amendment).freeTexts, strings: strings), strings: strings)
    return saved
}

struct DecisionNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: HelpLanguage.text(.cliHelpDecisionNewAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonId)) var idea: IdeaIDArgument
    @Option(help: HelpLanguage.help(.cliHelpDecisionNewKind)) var kind: DecisionKindArgument
    @Option(help: HelpLanguage.help(.cliHelpDecisionNewProposal)) var proposal: String
    @Option(help: HelpLanguage.help(.cliHelpDecisionNewResponsible)) var responsible: String
    @Option(help: HelpLanguage.help(.cliHelpCommonReviewDate)) var reviewDate: String
    @Option(help: HelpLanguage.help(.cliHelpDecisionNewEvaluation)) var evaluation: String = ""

    func run() throws {
        guard let review = DayDate(parsing: reviewDate) else { throw DomainError.invalidDate(reviewDate) }
        let decision = ConsentDecision(
            ideaID: idea.id, kind: kind.kind, proposal: proposal, responsible: responsible, reviewDate: review,
            evaluationCriteria: evaluation)
        let id = try global.openWorkspace().propose(decision)
        let strings = Strings(try global.language())
        Warnings.print(Warnings.date(DateCheck.review(review, today: DayDate.local(Date())), strings: strings), strings: strings)
        Warnings.print(Warnings.bsn(inTexts: decision.freeTexts, strings: strings), strings: strings)
        print(id.rawValue)
    }
}

struct DecisionObjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "object", abstract: HelpLanguage.text(.cliHelpDecisionObjectAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonDecision)) var decision: DecisionIDArgument
    @Option(help: HelpLanguage.help(.cliHelpDecisionObjectWho)) var who: String
    @Option(help: HelpLanguage.help(.cliHelpDecisionObjectText)) var text: String

    func run() throws {
        let saved = try amend(global, decision.id, .object(Objection(who: who, text: text)))
        print(saved.objections.count)
    }
}

struct DecisionJudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "judge", abstract: HelpLanguage.text(.cliHelpDecisionJudgeAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonDecision)) var decision: DecisionIDArgument
    @Argument(help: HelpLanguage.help(.cliHelpCommonNumber)) var number: Int
    @Flag(help: HelpLanguage.help(.cliHelpDecisionJudgeQualified)) var qualified = false
    @Flag(help: HelpLanguage.help(.cliHelpDecisionJudgeNotQualified)) var notQualified = false

    func validate() throws {
        guard qualified != notQualified else { throw CLIError.usage(.cliUsageQualified, []) }
    }

    func run() throws {
        _ = try amend(global, decision.id, .judge(number: number, qualified: qualified))
        let strings = Strings(try global.language())
        print(strings.format(.cliObjectionStatus, number, strings[qualified ? .decisionQualified : .decisionNotQualified]))
    }
}

struct DecisionResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: HelpLanguage.text(.cliHelpDecisionResolveAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonDecision)) var decision: DecisionIDArgument
    @Argument(help: HelpLanguage.help(.cliHelpCommonNumber)) var number: Int
    @Option(help: HelpLanguage.help(.cliHelpDecisionResolveAmended)) var amended: String?
    @Option(help: HelpLanguage.help(.cliHelpDecisionResolveProposal))
    var proposal: String?
    @Option(help: HelpLanguage.help(.cliHelpDecisionResolveWithdrawn)) var withdrawn: String?

    func validate() throws {
        guard (amended == nil) != (withdrawn == nil) else { throw CLIError.usage(.cliUsageAmendedWithdrawn, []) }
        guard (amended == nil) == (proposal == nil) else {
            throw CLIError.usage(.cliUsageAmendedProposal, [])
        }
    }

    func run() throws {
        let step: DecisionAmendment = if let amended, let proposal {
            .amendProposal(number: number, proposal: proposal, note: amended)
        } else {
            .resolve(number: number, .withdrawn, note: withdrawn ?? "")
        }
        _ = try amend(global, decision.id, step)
        let strings = Strings(try global.language())
        print(strings.format(.cliObjectionStatus, number, strings[amended != nil ? .decisionAmended : .decisionWithdrawn]))
    }
}

struct DecisionConcernCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "concern", abstract: HelpLanguage.text(.cliHelpDecisionConcernAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonDecision)) var decision: DecisionIDArgument
    @Option(help: HelpLanguage.help(.cliHelpDecisionConcernWho)) var who: String
    @Option(help: HelpLanguage.help(.cliHelpDecisionConcernText)) var text: String

    func run() throws {
        let saved = try amend(global, decision.id, .concern(Concern(who: who, text: text)))
        print(saved.concerns.count)
    }
}

struct DecisionConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: HelpLanguage.text(.cliHelpDecisionConsentAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonDecision)) var decision: DecisionIDArgument

    func run() throws {
        _ = try amend(global, decision.id, .consent)
        print(Strings(try global.language()).format(.cliConsented, decision.id))
    }
}

/// A decision as printed in JSON.
struct DecisionJSON: Encodable {
    var id: Int64?
    var idea: Int64
    var kind: String
    var proposal: String
    var responsible: String
    var reviewDate: String
    var evaluation: String
    var outcome: String
    var objections: [Objection]
    var concerns: [Concern]

    init(_ decision: ConsentDecision) {
        id = decision.id?.rawValue
        idea = decision.ideaID.rawValue
        kind = decision.kind.rawValue
        proposal = decision.proposal
        responsible = decision.responsible
        reviewDate = decision.reviewDate.description
        evaluation = decision.evaluationCriteria
        outcome = decision.outcome.rawValue
        objections = decision.objections
        concerns = decision.concerns
    }
}

struct DecisionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: HelpLanguage.text(.cliHelpDecisionShowAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonDecision)) var decision: DecisionIDArgument
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text

    func run() throws {
        let value = try global.openForReading().reader.decision(decision.id)
        switch format {
        case .json: print(try Output.json(DecisionJSON(value)))
        case .text: print(DecisionText.lines(value, strings: Strings(try global.language())).joined(separator: "\n"))
        }
    }
}

struct DecisionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: HelpLanguage.text(.cliHelpDecisionListAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(help: HelpLanguage.help(.cliHelpDecisionListIdea)) var idea: IdeaIDArgument?
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text

    func run() throws {
        let decisions = try global.openForReading().reader.decisions(idea: idea?.id)
        switch format {
        case .json: print(try Output.json(decisions.map(DecisionJSON.init)))
        case .text:
            let strings = Strings(try global.language())
            let rows = decisions.map { decision in
                ["\(decision.id.map(\.description) ?? "")", "\(decision.ideaID)", strings.decisionKind(decision.kind),
                 DecisionText.outcome(decision, strings), decision.reviewDate.description, Output.safe(decision.proposal)]
            }
            let header = [strings[.cliColumnId], strings[.cliColumnIdea], strings[.cliColumnKind], strings[.cliColumnOutcome],
                          strings[.cliColumnReview], strings[.cliColumnProposal]]
            if !rows.isEmpty { print(Output.table([header] + rows)) }
        }
    }
}

/// A decision in readable lines.
enum DecisionText {
    static func lines(_ decision: ConsentDecision, strings: Strings) -> [String] {
        var lines = [
            "\(decision.id.map(\.description) ?? "")  \(strings.decisionKind(decision.kind)) \(decision.ideaID)  [\(outcome(decision, strings))]",
            "\(strings[.fieldProposal]): \(Output.safe(decision.proposal))",
            "\(strings[.fieldResponsible]): \(Output.safe(decision.responsible))",
            "\(strings[.fieldReviewDate]): \(decision.reviewDate)",
        ]
        if !decision.evaluationCriteria.isEmpty { lines.append("\(strings[.fieldEvaluation]): \(Output.safe(decision.evaluationCriteria))") }
        for (index, objection) in decision.objections.enumerated() {
            var status = strings[objection.qualified.map { $0 ? .decisionQualified : .decisionNotQualified } ?? .decisionUnjudged]
            if let resolution = objection.resolution {
                status += ", " + strings[resolution == .amended ? .decisionAmended : .decisionWithdrawn]
            }
            if !objection.resolutionNote.isEmpty { status += ": \(Output.safe(objection.resolutionNote))" }
            if let previous = objection.previousProposal {
                status += "; " + strings.format(.objectionPreviousProposal, Output.safe(previous))
            }
            lines.append("  " + strings.format(.cliObjectionLine, index + 1, Output.safe(objection.who), Output.safe(objection.text), status))
        }
        for concern in decision.concerns {
            lines.append("  " + strings.format(.cliConcernLine, Output.safe(concern.who), Output.safe(concern.text)))
        }
        return lines
    }

    /// "open" or "consent" in the user's language.
    static func outcome(_ decision: ConsentDecision, _ strings: Strings) -> String {
        strings[decision.outcome == .consented ? .detailConsented : .detailOpen]
    }
}
