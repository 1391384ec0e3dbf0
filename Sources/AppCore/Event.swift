import Foundation
import Domain

/// Something that happened: a key, a resize, or the result of an effect the runner performed.
public enum Event: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    case boardLoaded(BoardData)
    /// The board was reloaded because another program changed the data.
    case boardChangedElsewhere(BoardData)
    case ideaLoaded(IdeaDetail, purpose: LoadPurpose)
    case changeApplied(AppliedChange, ChangePurpose)
    case changeFailed(ChangeFailure, ChangePurpose)
    /// Reading the board or an idea failed (a damaged record, a vanished database): shown, never retried in a loop.
    case loadFailed(ChangeFailure)
    case criteriaSetsLoaded([CriteriaSet])
    case sessionLoaded(WeighingSession)
    case sessionsLoaded([SessionSummary])
    case portfolioLoaded(PortfolioMetrics)
    /// The run loop saw the data in this state (its change counter and today): after the first frame and every change.
    case dataSeen(PortfolioFiguresKey)
    /// The portfolio's figures, computed in the background for one state of the data.
    case portfolioComputed(PortfolioFigures)
    /// A weighing write failed; the message says why.
    case weighingFailed(ChangeFailure)
    /// The time now, from the run loop (the reducer has no clock): drives the weighing timer.
    case tick(Date)
    /// The drafts of unsaved forms kept in the data directory (read at start-up).
    case draftsLoaded([FormDraft])
    /// A case note was saved.
    case caseNoteAdded(CaseNote)
    /// A case note was refused; `names` are the submitters' names it holds (to mask), the failure says why.
    case caseNoteRefused(ChangeFailure, names: [String])
    // Participants
    /// A session is shared: its participants' links and QR codes.
    case sharingStarted(ShareInfo)
    /// Sharing a session stopped: its links ended.
    case sharingStopped(SessionID)
    /// Sharing could not start; the text says why, in the interface's language.
    case sharingFailed(String)
    /// A triage or reply step was recorded.
    case intakeChanged(IdeaID, IntakeStep)
    /// A triage or reply step was refused; the message says why.
    case intakeFailed(ChangeFailure)
    /// Titles and themes of every idea, for forms on a windowed board.
    case catalogLoaded(BoardCatalog)
    /// Titles of ideas a weighing session shows that the windowed board did not hold.
    case titlesLoaded([IdeaID: String])

    /// The failure this event reports, if it reports one.
    var failure: ChangeFailure? {
        switch self {
        case .changeFailed(let failure, _), .loadFailed(let failure), .weighingFailed(let failure),
             .caseNoteRefused(let failure, _), .intakeFailed(let failure):
            failure
        default:
            nil
        }
    }
}

/// What the board reads in one go: the cards (every one, or windows of the columns), the WIP limits, and what day it is.
public struct BoardData: Equatable, Sendable {
    /// Every card (a full load); empty when `window` holds the columns.
    public var cards: [IdeaSummary]
    /// Windows of the columns with their counts (a windowed load), or nil for a full load.
    public var window: BoardWindow?
    public var wipLimits: [Stage: WipLimit]
    public var today: DayDate
    /// The themes ideas may carry (the lokale opgaven), read with the cards; nil keeps what the board had.
    public var themes: ThemeCatalog?

    public init(cards: [IdeaSummary], wipLimits: [Stage: WipLimit] = WipLimit.defaults, today: DayDate, themes: ThemeCatalog? = nil) {
        self.cards = cards
        self.themes = themes
        self.wipLimits = wipLimits
        self.today = today
    }

    public init(window: BoardWindow, wipLimits: [Stage: WipLimit] = WipLimit.defaults, today: DayDate, themes: ThemeCatalog? = nil) {
        self.cards = []
        self.window = window
        self.themes = themes
        self.wipLimits = wipLimits
        self.today = today
    }
}

/// Why an idea was loaded in full.
public enum LoadPurpose: Equatable, Sendable {
    case detail
    case edit(returnToDetail: Bool)
    /// To open the gate form (or consent screen) for a move, pre-filled from the last cycle.
    case gate(Stage)
    /// To open a new standalone decision.
    case decision
    /// To bring an open consent screen up to date with objections and rulings recorded elsewhere meanwhile.
    case refreshDecision(DecisionID)
    /// To bring an open edit form or gate form up to date after its save was refused because the idea changed
    /// elsewhere meanwhile, keeping what was typed.
    case rebase
}

/// Why a change is applied: a new change, or walking the undo history.
public enum ChangePurpose: Equatable, Sendable {
    case perform
    case undo
    case redo
}

/// Why a change did not happen.
public enum ChangeFailure: Equatable, Sendable, Error {
    case domain(DomainError)
    case storage(String)
    /// The connection to the database server is lost (the text says which and why): the board stays open read-only
    /// until a later read or change connects again.
    case offline(String)
}

/// Work the reducer asks the runner to do: plain data, performed outside the reducer.
public enum Effect: Equatable, Sendable {
    /// Reads the board again as it is shown (every card on a full load; the reducer turns it into `.loadWindow` on a
    /// windowed board).
    case loadBoard
    /// Save a case note (refused while it holds personal data).
    case addCaseNote(CaseNote)
    /// Reads windows of the columns and the counts (a windowed board).
    case loadWindow(BoardQuery)
    /// Reads the titles and themes of every idea, for a form on a windowed board.
    case loadCatalog
    /// Reads the titles of these ideas (a weighing session's ideas the windowed board does not hold).
    case loadTitles([IdeaID])
    case loadIdea(IdeaID, LoadPurpose)
    case apply(IdeaChange, ChangePurpose)
    case quit
    case loadCriteriaSets
    case createSession(WeighingSession)
    case loadSessions
    case loadSession(SessionID)
    /// Sets (or with nil clears) one score; `expected` is the value the person saw in the cell, so a score entered
    /// elsewhere meanwhile is never overwritten unseen.
    case saveScore(SessionID, ScoreKey, Int?, seen: CellEntry?)
    /// Stores status (open/revealed), method, normalisation and aggregate.
    case saveSessionSettings(WeighingSession)
    case closeSession(SessionID)
    case loadPortfolio
    /// Computes the portfolio's figures for this state of the data in the background; `.portfolioComputed` follows.
    case computePortfolio(PortfolioFiguresKey)
    /// A change to a live session (an abstention, a participant, a note, a re-vote); the runner reloads the session.
    case changeSession(SessionID, SessionChange)
    /// Reads the drafts of unsaved forms from the data directory.
    case loadDrafts
    /// Keeps a form's typed work in the data directory (replacing its earlier draft).
    case saveDraft(FormDraft)
    /// Removes a form's draft: it was saved or thrown away.
    case discardDraft(FormDraft.Subject)
    // Participants
    /// Gives every participant of a session their own link and serves their pages.
    case shareSession(SessionID)
    /// Ends a session's links.
    case stopSharing(SessionID)
    /// A triage or reply step on an idea (accept, decline, reply sent), dated today by the runner.
    case intake(IdeaID, IntakeStep)
}
