import Domain
import Foundation

/// Looks up interface text in one language; `{1}`, `{2}` … are replaced by arguments.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The text for a key, falling back to English, then to the key's name.
    public subscript(_ key: StringKey) -> String {
        Strings.table[language]?[key] ?? Strings.table[.en]?[key] ?? key.rawValue
    }

    /// The texts of one language as the table holds them, without falling back to English.
    public static func texts(of language: Language) -> [StringKey: String] { table[language] ?? [:] }

    /// The keys a table gives no text for; empty when it is complete.
    public static func missingKeys(in texts: [StringKey: String]) -> [StringKey] {
        StringKey.allCases.filter { texts[$0]?.isEmpty ?? true }
    }

    /// The text with `{n}` placeholders filled in.
    public func format(_ key: StringKey, _ arguments: CustomStringConvertible...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated() {
            text = text.replacingAll("{\(index + 1)}", with: argument.description)
        }
        return text
    }

    /// The column title of a stage.
    public func stage(_ stage: Stage) -> String {
        switch stage {
        case .proposed: self[.stageProposed]
        case .experimenting: self[.stageExperimenting]
        case .learning: self[.stageLearning]
        case .scaling: self[.stageScaling]
        case .stopped: self[.stageStopped]
        }
    }

    /// The name of a source, or a dash when unknown.
    public func source(_ source: IdeaSource?) -> String {
        switch source {
        case .resident: self[.sourceResident]
        case .professional: self[.sourceProfessional]
        case .partner: self[.sourcePartner]
        case .internal: self[.sourceInternal]
        case nil: self[.sourceNone]
        }
    }

    /// The name of an event kind in a history list.
    public func event(_ kind: EventKind) -> String {
        switch kind {
        case .created: self[.eventCreated]
        case .edited: self[.eventEdited]
        case .moved: self[.eventMoved]
        case .reordered: self[.eventReordered]
        case .deleted: self[.eventDeleted]
        case .restored: self[.eventRestored]
        case .measured: self[.eventMeasured]
        case .measurementRemoved: self[.eventMeasurementRemoved]
        case .decisionSaved: self[.eventDecisionSaved]
        case .decisionDeleted: self[.eventDecisionDeleted]
        case .wipLimitSet: self[.eventWipLimitSet]
        case .criteriaChanged: self[.eventCriteriaChanged]
        case .sessionCreated: self[.eventSessionCreated]
        case .scored: self[.eventScored]
        case .sessionUpdated: self[.eventSessionUpdated]
        case .sessionClosed: self[.eventSessionClosed]
        case .imported: self[.eventImported]
        case .merged: self[.eventMerged]
        case .forgotten: self[.eventForgotten]
        case .sessionShared: self[.eventSessionShared]
        case .sharingStopped: self[.eventSharingStopped]
        }
    }

    /// A domain refusal in this language, as the board shows it; every case has a text in both tables.
    public func error(_ error: DomainError) -> String {
        switch error {
        case .emptyTitle: self[.errorEmptyTitle]
        case .titleTooLong(let limit): format(.errorTitleTooLong, limit)
        case .transitionNotAllowed(let from, let to, let allowed):
            format(.errorTransition, stage(from), stage(to), allowed.map(stage).joined(separator: ", "))
        case .alreadyInStage(let target): format(.errorAlreadyInStage, stage(target))
        case .reasonRequired: self[.errorReasonRequired]
        case .unknownStage(let name): format(.errorUnknownStage, clean(name), Stage.boardOrder.map { stage($0).lowercased() }.joined(separator: ", "))
        case .unknownSource(let name): format(.errorUnknownSource, clean(name), IdeaSource.allCases.map(source).joined(separator: ", "))
        case .ideaNotFound(let id): format(.errorNotFound, id)
        case .gateIncomplete(_, let missing):
            format(.errorGateIncomplete, missing.map { self[EntryFieldKey.gate($0).label].lowercased() }.joined(separator: ", "))
        case .invalidDate(let text): format(.errorInvalidDate, clean(text))
        case .invalidNumber(let text): format(.errorInvalidNumber, clean(text))
        case .unknownStopCategory(let text):
            format(.errorUnknownStopCategory, clean(text), StopCategory.allCases.map(\.rawValue).joined(separator: ", "))
        case .decisionNotFound(let text): format(.errorDecisionNotFound, clean(text))
        case .decisionNotConsented(let id): format(.errorDecisionNotConsented, id)
        case .decisionForAnotherIdea(let id, let idea): format(.errorDecisionForAnotherIdea, id, idea)
        case .consentMissing: self[.errorConsentMissing]
        case .openObjections(let who): format(.errorOpenObjections, who.map(clean).joined(separator: ", "))
        case .wipLimitReached(let target, let limit, let hard): format(hard ? .errorWipHard : .errorWipSoft, stage(target), limit)
        case .noCycle(let id): format(.errorNoCycle, id, stage(.experimenting))
        case .invalidLimit(let value): format(.errorInvalidLimit, value)
        case .emptyName: self[.errorEmptyName]
        case .duplicateCriterion(let name): format(.errorDuplicateCriterion, clean(name))
        case .invalidScale(let low, let high): format(.errorInvalidScale, low, high)
        case .invalidWeight(let weight): format(.errorInvalidWeight, weight)
        case .vetoOutsideScale(let veto): format(.errorVetoOutsideScale, veto)
        case .weightCount(let expected, let got): format(.errorWeightCount, expected, got)
        case .invalidMatrix(.notANumber(let entry)): format(.errorMatrixNotANumber, clean(entry))
        case .invalidMatrix(.notSquare(let rows)): format(.errorMatrixNotSquare, rows)
        case .invalidMatrix(.diagonal(let index)): format(.errorMatrixDiagonal, index)
        case .invalidMatrix(.notReciprocal(let row, let column)): format(.errorMatrixNotReciprocal, row, column)
        case .unknownCriteriaSet(let name): format(.errorUnknownCriteriaSet, clean(name))
        case .criteriaSetExists(let name): format(.errorCriteriaSetExists, clean(name))
        case .unknownCriterion(let name): format(.errorUnknownCriterion, clean(name))
        case .sessionNeeds(.ideas): self[.errorSessionNeedsIdeas]
        case .sessionNeeds(.criteria): self[.errorSessionNeedsCriteria]
        case .sessionNeeds(.participants): self[.errorSessionNeedsParticipants]
        case .sessionNeeds(.distinctIdeas): self[.errorSessionNeedsDistinctIdeas]
        case .sessionNeeds(.knownScore): self[.errorSessionNeedsKnownScore]
        case .sessionClosed: self[.errorSessionClosed]
        case .changedSince(let id, let fields, let notice, let undoing):
            format(undoing ? .errorChangedSinceUndo : .errorChangedSince, id, changeNotice(notice, fields: fields))
        case .noObjection(let number): format(.errorNoObjection, number)
        case .sessionNotFound(let text): format(.errorSessionNotFound, clean(text))
        case .scoreOutOfScale(let value, let low, let high): format(.errorScoreOutOfScale, value, low, high)
        case .unknownParticipant(let name, let known): format(.errorUnknownParticipant, clean(name), known.map(clean).joined(separator: ", "))
        case .ideaNotInSession(let id): format(.errorIdeaNotInSession, id)
        case .mergeIntoItself: self[.errorMergeIntoItself]
        case .alreadyMerged(let id, let into): format(.errorAlreadyMerged, id, into)
        case .linkNotValid: self[.errorLinkNotValid]
        case .linkEnded: self[.errorLinkEnded]
        }
    }

    /// `: a measurement at 10:42 by anna (cli) (title)`: who changed what since, for refusals of stale changes.
    func changeNotice(_ notice: ChangeNotice?, fields: [String]) -> String {
        var text = ""
        if let notice {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = language == .nl ? "d-M-yyyy HH:mm" : "yyyy-MM-dd HH:mm"
            let who = clean(notice.actor) + (notice.program.map { " (\(clean($0)))" } ?? "")
            text = format(.errorChangedSinceWho, event(notice.kind), formatter.string(from: notice.at), who)
        }
        if !fields.isEmpty { text += " (" + fields.map(clean).joined(separator: ", ") + ")" }
        return text
    }

    /// A domain refusal in this language, as the command line reports it: with the flag or command that helps,
    /// where there is one, else the same text as the board.
    public func commandLineError(_ error: DomainError) -> String {
        switch error {
        case .ideaNotFound(let id): format(.cliIdeaNotFound, id)
        case .gateIncomplete(let target, let missing):
            format(.cliGateIncomplete, stage(target), missing.map { "--\($0.rawValue)" }.joined(separator: ", "))
        case .decisionNotFound(let text): format(.cliDecisionNotFound, clean(text))
        case .decisionNotConsented(let id): format(.cliDecisionNotConsented, id, id.rawValue)
        case .consentMissing: self[.cliConsentMissing]
        case .wipLimitReached(let target, let limit, false): format(.cliWipSoft, stage(target), limit)
        case .unknownCriteriaSet(let name): format(.cliUnknownCriteriaSet, clean(name))
        case .sessionNotFound(let text): format(.cliSessionNotFound, clean(text))
        case .noObjection(let number): format(.cliNoObjection, number)
        default: self.error(error)
        }
    }

    /// Text from a user, a file or the database, made safe to show on one line.
    private func clean(_ text: String) -> String { TextSanitizer.singleLine(text) }

    /// The label of a stop category.
    public func stopCategory(_ category: StopCategory) -> String {
        switch category {
        case .noEffect: self[.stopNoEffect]
        case .notFeasible: self[.stopNotFeasible]
        case .noCapacity: self[.stopNoCapacity]
        case .merged: self[.stopMerged]
        case .superseded: self[.stopSuperseded]
        case .other: self[.stopOther]
        }
    }

    /// The label of a decision kind.
    public func decisionKind(_ kind: DecisionKind) -> String {
        switch kind {
        case .startExperiment: self[.kindStart]
        case .scale: self[.kindScale]
        case .stop: self[.kindStop]
        case .continue: self[.kindContinue]
        }
    }

    /// How a choice field shows a stored value.
    public func choice(_ value: String, of key: EntryFieldKey) -> String {
        switch key {
        case .gate(.category): StopCategory(rawValue: value).map(stopCategory) ?? value
        case .kind: DecisionKind(rawValue: value).map(decisionKind) ?? value
        default: value
        }
    }
}
