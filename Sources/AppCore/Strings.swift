import Domain
import Foundation

/// Looks up interface text in one language; `{1}`, `{2}` … are replaced by arguments.
public struct Strings: Sendable {
    public let language: Language
    /// Today, when known: times of today are then shown without their date.
    public let today: DayDate?

    public init(_ language: Language, today: DayDate? = nil) {
        self.language = language
        self.today = today
    }

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

    /// "1 idea" or "2 ideas", "1 idee" or "2 ideeën".
    public func ideas(_ count: Int) -> String {
        count == 1 ? self[.ideaCountOne] : format(.ideaCount, count)
    }

    /// A number as this language writes it: 9,5 in Dutch, 9.5 in English.
    public func number(_ value: Double) -> String {
        NumberParsing.text(value, decimalComma: language == .nl)
    }

    /// The question a confirmation asks.
    public func question(_ question: Confirmation.Question) -> String {
        switch question {
        case .discardChanges: self[.confirmDiscard]
        case .discardAndQuit: self[.confirmDiscardQuit]
        case .date(.reviewDateInPast(let date)): format(.confirmReviewInPast, date)
        case .date(.measurementInFuture(let date)): format(.confirmMeasurementInFuture, date)
        }
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
        case .caseNoted: self[.eventCaseNoted]
        case .sessionShared: self[.eventSessionShared]
        case .sharingStopped: self[.eventSharingStopped]
        case .accepted: self[.eventAccepted]
        case .declined: self[.eventDeclined]
        case .replyContact: self[.eventReplyContact]
        case .replied: self[.eventReplied]
        case .challengeChanged: self[.eventChallengeChanged]
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
            // Named by their labels without the typing hint in brackets ("maximale duur", not "maximale duur (6w, 30d)").
            format(.errorGateIncomplete, missing.map { field in
                let label = self[EntryFieldKey.gate(field).label]
                return (label.range(of: " (").map { String(label[..<$0.lowerBound]) } ?? label).lowercased()
            }.joined(separator: ", "))
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
        case .wipLimitPassedByImport(let target, let limit, let countAfter): format(.errorWipPassedByImport, stage(target), countAfter, limit)
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
        case .decisionAlreadyConsented(let id): format(.errorDecisionAlreadyConsented, id)
        case .criteriaSetChangedSince(let name, let version): format(.errorCriteriaSetChangedSince, clean(name), version)
        case .objectionAlreadyRuled(let number): format(.errorObjectionAlreadyRuled, number)
        case .scoreChangedSince(let participant, let idea, let criterion, let now):
            format(.errorScoreChangedSince, clean(participant), idea, clean(criterion), {
                switch now {
                case .score(let value)?: "\(value)"
                case .abstain?: self[.scoreAbstained]
                case nil: self[.scoreEmpty]
                }
            }())
        case .sessionNotFound(let text): format(.errorSessionNotFound, clean(text))
        case .scoreOutOfScale(let value, let low, let high): format(.errorScoreOutOfScale, value, low, high)
        case .unknownParticipant(let name, let known): format(.errorUnknownParticipant, clean(name), known.map(clean).joined(separator: ", "))
        case .ideaNotInSession(let id): format(.errorIdeaNotInSession, id)
        case .mergeIntoItself: self[.errorMergeIntoItself]
        case .alreadyMerged(let id, let into): format(.errorAlreadyMerged, id, into)
        case .invalidVeto(let text): format(.errorInvalidVeto, clean(text))
        case .vetoesEveryScore(let label, let low, let high): format(.errorVetoesEveryScore, label, low, high)
        case .duplicateParticipant(let name): format(.errorDuplicateParticipant, clean(name))
        case .participantExcluded(let name): format(.errorParticipantExcluded, clean(name))
        case .exclusionNeedsReason: self[.errorExclusionNeedsReason]
        case .notInRevote(let id, let criterion): format(.errorNotInRevote, id, clean(criterion))
        case .revoteAlreadyHeld: self[.errorRevoteAlreadyHeld]
        case .revoteNeedsCells: self[.errorRevoteNeedsCells]
        case .sessionIncomplete(let complete, let total): format(counted(complete, .errorSessionIncomplete, one: .errorSessionIncompleteOne), complete, total)
        case .unknownTheme(let theme, let allowed): format(.errorUnknownTheme, clean(theme), allowed.map(clean).joined(separator: ", "))
        case .notInInbox(let id, let status): format(.errorNotInInbox, id, intakeStatus(status))
        case .ideaDeclined(let id): format(.errorIdeaDeclined, id)
        case .declineNeedsReason: self[.errorDeclineNeedsReason]
        case .acceptNeedsTheme: self[.errorAcceptNeedsTheme]
        case .noIntake(let id): format(.errorNoIntake, id)
        case .replyDayOutside(let day, let received, let today): format(.errorReplyDayOutside, day, received, today)
        case .challengeNeedsName: self[.errorChallengeNeedsName]
        case .challengeExists(let name): format(.errorChallengeExists, clean(name))
        case .challengeNotFound(let name, let known):
            known.isEmpty ? format(.errorChallengeNotFoundEmpty, clean(name))
                : format(.errorChallengeNotFound, clean(name), known.map(clean).joined(separator: ", "))
        case .challengeInUse(let name, let ideas): format(.errorChallengeInUse, clean(name), ideas)
        // Hardening
        case .numberOutOfRange(let kind, let text):
            format(.errorNumberOutOfRange, clean(String(text.prefix(40))), numberKind(kind), kind.bounds.low, kind.bounds.high)
        case .textTooLong("tags", let limit): format(.errorTooManyTags, limit)
        case .textTooLong(let field, let limit): format(.errorTextTooLong, fieldName(field), limit)
        case .mergeIntoMerged(let id, let into): format(.errorMergeIntoMerged, id, into)
        case .erasedPersonalData(let id): format(.errorErasedPersonalData, id)
        case .invalidBudget(let text): format(.errorInvalidBudget, clean(text))
        case .invalidDuration(let text): format(.errorInvalidDuration, clean(text))
        case .personalDataInCase(let kinds): format(.errorPersonalDataInCase, kinds.map(personalData).joined(separator: ", "))
        case .emptyCase: self[.errorEmptyCase]
        case .invalidMatrix(.empty): self[.errorMatrixEmpty]
        case .invalidMatrix(.rowLength(let row, let entries, let rows)): format(.errorMatrixRowLength, row, entries, rows)
        case .invalidMatrix(.emptyEntry(let row, let column)): format(.errorMatrixEmptyEntry, row, column)
        case .invalidMatrix(.size(let rows, let criteria)): format(.errorMatrixSize, rows, criteria)
        case .linkNotValid: self[.errorLinkNotValid]
        case .linkEnded: self[.errorLinkEnded]
        }
    }

    /// A refused undo or redo: the conclusion first ("nothing was redone"), then who changed what since.
    public func refusedTakeBack(_ error: DomainError, redo: Bool) -> String {
        guard case .changedSince(let id, let fields, let notice, true) = error else { return self.error(error) }
        return format(redo ? .errorChangedSinceRedo : .errorChangedSinceUndo, id, changeNotice(notice, fields: fields))
    }

    /// `: measured at 10:42 by anna (cli) (title)`: who changed what since, for refusals of stale changes;
    /// a time of today without its date.

    // Hardening
    /// What a number stands for, as a message names it.
    public func numberKind(_ kind: NumberKind) -> String {
        switch kind {
        case .measurement: self[.numberMeasurement]
        case .weight: self[.numberWeight]
        case .matrixEntry: self[.numberMatrixEntry]
        case .days: self[.numberDays]
        case .ideaCount: self[.numberIdeaCount]
        case .wipLimit: self[.numberWipLimit]
        case .staleDays: self[.numberStaleDays]
        case .participants: self[.numberParticipants]
        case .scaleBound: self[.numberScaleBound]
        }
    }

    func changeNotice(_ notice: ChangeNotice?, fields: [String]) -> String {
        var text = ""
        if let notice {
            text = format(.errorChangedSinceWho, event(notice.kind), changeTime(notice.at), who(notice.actor, program: notice.program))
        }
        if !fields.isEmpty { text += " (" + fields.map { clean(fieldName($0)) }.joined(separator: ", ") + ")" }
        return text
    }

    /// When another change was made, as a refusal names it: the time alone when it was today.
    func changeTime(_ at: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: at)
        if let today, today == DayDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) {
            formatter.dateFormat = "HH:mm"
        } else {
            formatter.dateFormat = language == .nl ? "d-M-yyyy HH:mm" : "yyyy-MM-dd HH:mm"
        }
        return formatter.string(from: at)
    }

    /// A stored field's name as the forms show it (`title` → `titel`), or the name itself, cleaned for the terminal.
    func fieldName(_ name: String) -> String {
        let labels: [String: StringKey] = [
            "title": .fieldTitle, "description": .fieldDescription, "theme": .fieldTheme, "tags": .fieldTags, "source": .fieldSource,
            "submitter": .fieldSubmitter, "proposal": .fieldProposal, "responsible": .fieldResponsible, "reviewDate": .fieldReviewDate,
            "evaluation": .fieldEvaluation, "tag": .detailTags, "reason": .fieldReason, "note": .fieldNote, "name": .fieldName,
            "participant": .fieldParticipant, "who": .fieldWho, "text": .fieldText,
        ]
        if let key = labels[name] { return self[key].lowercased() }
        if let gate = GateField(rawValue: name) { return self[EntryFieldKey.gate(gate).label].lowercased() }
        let words = name.split(separator: " ")
        if words.count == 2, let number = Int(words[1]) {
            if words[0] == "objection" { return format(.fieldObjectionNumber, number) }
            if words[0] == "concern" { return format(.fieldConcernNumber, number) }
        }
        return clean(name)
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
        case .sessionIncomplete(let complete, let total): format(counted(complete, .cliSessionIncomplete, one: .cliSessionIncompleteOne), complete, total)
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
        case .publishable: value == "yes" ? self[.choiceYes] : self[.choiceNo]
        default: value
        }
    }
}
