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
        }
    }

    /// A domain refusal in this language.
    public func error(_ error: DomainError) -> String {
        switch error {
        case .emptyTitle: self[.errorEmptyTitle]
        case .titleTooLong(let limit): format(.errorTitleTooLong, limit)
        case .transitionNotAllowed(let from, let to, let allowed):
            format(.errorTransition, stage(from), stage(to), allowed.map(stage).joined(separator: ", "))
        case .alreadyInStage(let target): format(.errorAlreadyInStage, stage(target))
        case .reasonRequired: self[.errorReasonRequired]
        case .unknownStage(let name): format(.errorUnknownStage, name)
        case .unknownSource(let name): format(.errorUnknownSource, name)
        case .ideaNotFound(let id): format(.errorNotFound, id)
        case .gateIncomplete(_, let missing):
            format(.errorGateIncomplete, missing.map { self[EntryFieldKey.gate($0).label].lowercased() }.joined(separator: ", "))
        case .invalidDate(let text): format(.errorInvalidDate, text)
        case .invalidNumber(let text): format(.errorInvalidNumber, text)
        case .unknownStopCategory(let text): format(.errorUnknownStopCategory, text)
        case .decisionNotFound(let text): format(.errorDecisionNotFound, text)
        case .decisionNotConsented(let id): format(.errorDecisionNotConsented, id)
        case .decisionForAnotherIdea(let id, let idea): format(.errorDecisionForAnotherIdea, id, idea)
        case .consentMissing: self[.errorConsentMissing]
        case .openObjections(let who): format(.errorOpenObjections, who.joined(separator: ", "))
        case .wipLimitReached(let target, let limit, let hard): format(hard ? .errorWipHard : .errorWipSoft, stage(target), limit)
        case .noCycle(let id): format(.errorNoCycle, id)
        case .invalidLimit: self[.errorInvalidLimit]
        case .sessionClosed: self[.errorSessionClosed]
        case .changedSince(let id, let fields, let notice, let undoing):
            format(undoing ? .errorChangedSinceUndo : .errorChangedSince, id, changeNotice(notice, fields: fields))
        case .noObjection(let number): format(.errorNoObjection, number)
        case .scoreOutOfScale(let value, let low, let high): format(.errorScoreOutOfScale, value, low, high)
        default: error.description
        }
    }

    /// `: a measurement at 10:42 by anna (cli) (title)`: who changed what since, for refusals of stale changes.
    func changeNotice(_ notice: ChangeNotice?, fields: [String]) -> String {
        var text = ""
        if let notice {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = language == .nl ? "d-M-yyyy HH:mm" : "yyyy-MM-dd HH:mm"
            let who = TextSanitizer.singleLine(notice.actor) + (notice.program.map { " (\(TextSanitizer.singleLine($0)))" } ?? "")
            text = format(.errorChangedSinceWho, event(notice.kind), formatter.string(from: notice.at), who)
        }
        if !fields.isEmpty { text += " (" + fields.joined(separator: ", ") + ")" }
        return text
    }

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
