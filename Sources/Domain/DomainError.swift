/// Everything a domain rule can refuse, phrased for the person who asked.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyTitle
    case titleTooLong(limit: Int)
    case transitionNotAllowed(from: Stage, to: Stage, allowed: [Stage])
    case alreadyInStage(Stage)
    case reasonRequired
    case unknownStage(String)
    case unknownSource(String)
    case ideaNotFound(IdeaID)
    case gateIncomplete(Stage, missing: [GateField])
    case invalidDate(String)
    case invalidNumber(String)
    case unknownStopCategory(String)
    case decisionNotFound(String)
    case decisionNotConsented(DecisionID)
    case decisionForAnotherIdea(DecisionID, IdeaID)
    case consentMissing
    case openObjections([String])
    case wipLimitReached(Stage, limit: Int, hard: Bool)
    /// Ideas added at once (an import) would bring a stage to `countAfter`, past its hard WIP limit.
    case wipLimitPassedByImport(Stage, limit: Int, countAfter: Int)
    case noCycle(IdeaID)
    case invalidLimit(Int)
    case emptyName
    case duplicateCriterion(String)
    case invalidScale(Int, Int)
    case invalidWeight(Double)
    case vetoOutsideScale(Int)
    case weightCount(expected: Int, got: Int)
    case invalidMatrix(MatrixProblem)
    case unknownCriteriaSet(String)
    case criteriaSetExists(String)
    case unknownCriterion(String)
    case sessionNeeds(SessionRequirement)
    case sessionClosed
    case sessionNotFound(String)
    case scoreOutOfScale(Int, min: Int, max: Int)
    case unknownParticipant(String, known: [String])
    case ideaNotInSession(IdeaID)
    case mergeIntoItself
    /// A change or undo made on what a person saw is refused because someone else changed it since.
    /// `fields` names what collides; `undoing` says the refused change was an undo or redo.
    case changedSince(IdeaID, fields: [String], notice: ChangeNotice?, undoing: Bool)
    case noObjection(Int)
    /// A criteria set got another version elsewhere since the person read it.
    case criteriaSetChangedSince(String, version: Int)
    /// The consent round of this decision is closed.
    case decisionAlreadyConsented(DecisionID)
    /// Objection `n` was already judged or resolved otherwise; a ruling is not overwritten.
    case objectionAlreadyRuled(Int)
    /// A score entered or cleared elsewhere since the person saw the cell (`now`: what it holds, nil when cleared).
    case scoreChangedSince(participant: String, idea: IdeaID, criterion: String, now: CellEntry?)
    case alreadyMerged(IdeaID, IdeaID)
    // Weighing room
    case invalidVeto(String)
    case vetoesEveryScore(String, min: Int, max: Int)
    case duplicateParticipant(String)
    case participantExcluded(String)
    case exclusionNeedsReason
    case notInRevote(IdeaID, criterion: String)
    case revoteAlreadyHeld
    case revoteNeedsCells
    /// Closing would lock a session in which only `complete` of `total` participants scored (or abstained on) every cell.
    case sessionIncomplete(complete: Int, total: Int)
    /// The list of themes (lokale opgaven) is fixed (`proeftuin opgave`, config.toml) and this one is not on it.
    case unknownTheme(String, allowed: [String])
    // Intake and lokale opgaven
    /// Triage (accept or decline) of an idea that is not waiting in the inbox; `status` is its intake status.
    case notInInbox(IdeaID, status: String)
    /// A move, reorder or merge of an idea declined at intake: it is off the board for good (its history keeps it).
    case ideaDeclined(IdeaID)
    /// Declining an idea needs a reason for its submitter and the history.
    case declineNeedsReason
    /// Accepting an idea onto the board needs a lokale opgave (theme).
    case acceptNeedsTheme
    /// A reply was recorded for an idea that has no intake record (it did not come in from outside).
    case noIntake(IdeaID)
    /// A reply dated before the idea arrived, or after today.
    case replyDayOutside(DayDate, received: DayDate, today: DayDate)
    /// A lokale opgave without a name.
    case challengeNeedsName
    /// A lokale opgave of that name (case ignored) is already listed.
    case challengeExists(String)
    /// No lokale opgave of that name is listed; `known` names those that are.
    case challengeNotFound(String, known: [String])
    /// Removing a lokale opgave that ideas still carry.
    case challengeInUse(String, ideas: Int)
    // Hardening
    /// A number that is not finite or lies outside the range of its kind, as it was given.
    case numberOutOfRange(NumberKind, String)
    /// A text longer than its field allows; the field by its English name (`description`, `reason` …).
    case textTooLong(field: String, limit: Int)
    /// Merging into an idea that was itself merged into another (which would make a cycle or a chain).
    case mergeIntoMerged(IdeaID, into: IdeaID)
    /// An undo or redo that would bring back personal data erased with `forget`.
    case erasedPersonalData(IdeaID)
    // Learning (safe-to-try bounds, case notes)
    /// A budget cap that is no amount of euros (0 or more).
    case invalidBudget(String)
    /// A maximum duration without a unit of weeks or days, or outside 1 day … 10 years.
    case invalidDuration(String)
    /// A case note that still holds personal data; the kinds found, in order of first appearance.
    case personalDataInCase([PersonalDataKind])
    /// A case note without a text.
    case emptyCase
    // Participants
    /// A participant's link that was never given out (or is malformed).
    case linkNotValid
    /// A participant's link whose sharing has stopped.
    case linkEnded

    public var description: String {
        switch self {
        case .emptyTitle:
            "the title is empty: give the idea a title"
        case .titleTooLong(let limit):
            "the title is longer than \(limit) characters: shorten it and put the rest in the description"
        case .transitionNotAllowed(let from, let to, let allowed):
            "an idea cannot move from \(from.rawValue) to \(to.rawValue); from \(from.rawValue) it can move to "
                + allowed.map(\.rawValue).joined(separator: " or ")
        case .alreadyInStage(let stage):
            "the idea is already in \(stage.rawValue)"
        case .reasonRequired:
            "a move is a decision and needs a reason: give one"
        case .unknownStage(let name):
            "unknown stage '\(name)': use proposed, experimenting, learning, scaling or stopped "
                + "(or voorgesteld, experiment, leren, opschalen, gestopt)"
        case .unknownSource(let name):
            "unknown source '\(name)': use resident, professional, partner or internal"
        case .ideaNotFound(let id):
            "there is no idea \(id): check the id with 'proeftuin list'"
        case .gateIncomplete(let stage, let missing):
            "moving to \(stage.rawValue) needs " + missing.map { "--\($0.rawValue)" }.joined(separator: ", ")
                + ": nothing was changed"
        case .invalidDate(let text):
            "'\(text)' is not a date: use YYYY-MM-DD or DD-MM-YYYY"
        case .invalidNumber(let text):
            "'\(text)' is not a number: use digits with a decimal point or comma"
        case .unknownStopCategory(let text):
            "unknown stop category '\(text)': use " + StopCategory.allCases.map(\.rawValue).joined(separator: ", ")
        case .decisionNotFound(let text):
            "there is no decision \(text): check the id with 'proeftuin decision list'"
        case .decisionNotConsented(let id):
            "decision \(id) has no consent yet: resolve its objections and run 'proeftuin decision consent \(id.rawValue)'"
        case .decisionForAnotherIdea(let id, let idea):
            "decision \(id) is about idea \(idea), not this one"
        case .consentMissing:
            "scaling needs a consent decision: pass --decision ID, or the proposal fields with --consent"
        case .openObjections(let who):
            "consent needs every objection judged and qualified ones resolved; still open: " + who.joined(separator: ", ")
        case .wipLimitPassedByImport(let stage, let limit, let countAfter):
            "the import would bring \(stage.rawValue) to \(countAfter) ideas, past its hard WIP limit of \(limit): nothing was imported"
        case .wipLimitReached(let stage, let limit, let hard):
            hard
                ? "\(stage.rawValue) is at its hard WIP limit of \(limit): finish or stop something first"
                : "\(stage.rawValue) is at its WIP limit of \(limit): to go over it, give a reason with --override REASON"
        case .noCycle(let id):
            "idea \(id) has no experiment cycle yet: move it to experimenting first"
        case .invalidLimit(let value):
            "a WIP limit must be 1 or more, not \(value)"
        case .emptyName:
            "the name is empty: give one"
        case .duplicateCriterion(let name):
            "the set already has a criterion '\(name)': choose another name"
        case .invalidScale(let low, let high):
            "the scale \(low)-\(high) is empty: give MIN-MAX with MIN below MAX, e.g. 1-5"
        case .invalidWeight(let weight):
            "the weight \(weight) is not usable: give 0 or more"
        case .vetoOutsideScale(let veto):
            "the veto threshold \(veto) lies outside the scale"
        case .weightCount(let expected, let got):
            "expected \(expected) weights, one per criterion, but got \(got)"
        case .invalidMatrix(let detail):
            "the pairwise matrix is not valid: \(detail)"
        case .unknownCriteriaSet(let name):
            "there is no criteria set '\(name)': create it with 'proeftuin criteria create \(name)'"
        case .criteriaSetExists(let name):
            "a criteria set '\(name)' already exists"
        case .unknownCriterion(let name):
            "there is no criterion '\(name)' in this set"
        case .sessionNeeds(let what):
            "a weighing session needs \(what)"
        case .sessionClosed:
            "the session is closed: its scores and results are locked"
        case .sessionNotFound(let text):
            "there is no weighing session \(text): see 'proeftuin session list'"
        case .scoreOutOfScale(let value, let low, let high):
            "the score \(value) is outside the scale \(low)-\(high)"
        case .changedSince(let id, let fields, let notice, let undoing):
            "idea \(id) changed since"
                + (notice.map { ": \($0.kind.rawValue) at \($0.at) by \($0.actor)" + ($0.program.map { " (\($0))" } ?? "") } ?? "")
                + (fields.isEmpty ? "" : " (" + fields.joined(separator: ", ") + ")")
                + (undoing ? " — undo would remove it; nothing was undone" : "; nothing was saved: look again and redo your change")
        case .scoreChangedSince(let participant, let idea, let criterion, let now):
            "nothing saved: the score of \(participant) for \(idea) on \(criterion) was changed elsewhere meanwhile (now "
                + { switch now { case .score(let value)?: "\(value)"; case .abstain?: "abstained"; case nil: "empty" } }() + "); look again"
        case .criteriaSetChangedSince(let name, let version):
            "nothing saved: the criteria set '\(name)' changed elsewhere meanwhile (now version \(version)); look again and redo your change"
        case .decisionAlreadyConsented(let id):
            "\(id) already has consent: its round is closed; propose a new decision to reopen the question"
        case .objectionAlreadyRuled(let number):
            "objection \(number) was already judged or resolved otherwise: nothing changed; see the decision"
        case .noObjection(let number):
            "there is no objection \(number): see 'proeftuin decision show'"
        case .unknownParticipant(let name, let known):
            "'\(name)' is not a participant of this session: use " + known.joined(separator: ", ")
        case .ideaNotInSession(let id):
            "idea \(id) is not weighed in this session"
        case .mergeIntoItself:
            "an idea cannot be merged into itself"
        case .alreadyMerged(let id, let into):
            "idea \(id) was already merged into \(into)"
        case .invalidVeto(let text):
            "'\(text)' is not a veto: use <=N, >=N, N or none"
        case .vetoesEveryScore(let label, let low, let high):
            "a veto at \(label) vetoes every score on \(low)-\(high): choose a threshold that leaves scores to choose from"
        case .duplicateParticipant(let name):
            "'\(name)' already takes part in this session"
        case .participantExcluded(let name):
            "'\(name)' was excluded from this session"
        case .exclusionNeedsReason:
            "excluding a participant needs a reason: give one"
        case .notInRevote(let id, let criterion):
            "\(id) × \(criterion) is not part of the re-vote round: only its cells can be scored now"
        case .revoteAlreadyHeld:
            "this session already had its re-vote round"
        case .revoteNeedsCells:
            "a re-vote needs cells: choose them first"
        case .sessionIncomplete(let complete, let total):
            "only \(complete) of \(total) participants scored every cell: close anyway to lock it incomplete"
        case .unknownTheme(let theme, let allowed):
            "'\(theme)' is not one of the lokale opgaven: use " + allowed.joined(separator: ", ")
                + " (or add it with proeftuin opgave add)"
        case .notInInbox(let id, let status):
            "idea \(id) is not in the inbox (it is \(status)): only ideas in the inbox are triaged"
        case .ideaDeclined(let id):
            "idea \(id) was declined at intake and is off the board: it is not moved, reordered or merged (its history keeps it)"
        case .declineNeedsReason:
            "declining an idea needs a reason: give one"
        case .acceptNeedsTheme:
            "accepting an idea needs a lokale opgave (theme): give one"
        case .noIntake(let id):
            "idea \(id) did not come in through the inbox, so no reply is recorded for it"
        case .replyDayOutside(let day, let received, let today):
            "a reply cannot be sent on \(day): give a day from \(received) (when the idea arrived) to \(today)"
        case .challengeNeedsName:
            "a lokale opgave needs a name: give one"
        case .challengeExists(let name):
            "the lokale opgave '\(name)' already exists: edit it instead"
        case .challengeNotFound(let name, let known):
            "there is no lokale opgave '\(name)'"
                + (known.isEmpty ? ": add one with proeftuin opgave add" : ": use " + known.joined(separator: ", "))
        case .challengeInUse(let name, let ideas):
            "\(ideas) idea(s) still carry the lokale opgave '\(name)': give them another theme first"
        case .numberOutOfRange(let kind, let text):
            "'\(text)' is not usable as \(kind.rawValue): give a number from \(kind.bounds.low) to \(kind.bounds.high)"
        case .textTooLong(let field, let limit):
            field == "tags" ? "more than \(limit) tags: keep fewer" : "the \(field) is longer than \(limit) characters: shorten it"
        case .mergeIntoMerged(let id, let into):
            "idea \(id) was itself merged into \(into): merge into \(into) instead"
        case .erasedPersonalData(let id):
            "undo would bring back personal data of idea \(id) that was erased with 'forget'; nothing was undone"
        case .invalidBudget(let text):
            "'\(text)' is not a budget: give an amount in euros, e.g. 2500 or € 2.500"
        case .invalidDuration(let text):
            "'\(text)' is not a duration: give weeks or days, e.g. 6w, 6 weken, 30d or 30 dagen (at most 10 years)"
        case .personalDataInCase(let kinds):
            "the case note holds personal data (" + kinds.map(\.rawValue).joined(separator: ", ") + "): mask it first; nothing was saved"
        case .emptyCase:
            "the case note is empty: say what happened"
        case .linkNotValid:
            "this link is not valid: ask the facilitator for your own link"
        case .linkEnded:
            "sharing has stopped: this link no longer works"
        }
    }
}
