import AppCore
import Domain
import Foundation
import Storage

/// Performs the board reducer's effects through the application layer and reports what happened as events.
public struct EffectRunner: Sendable {
    public let workspace: Workspace
    /// Today's date, from the store's clock (local calendar).
    public let today: @Sendable () -> DayDate
    /// Ideas untouched for longer count as stale in the portfolio view.
    public let staleDays: Int
    /// Days an idea from outside may wait in the inbox for triage (`triage-days`): the learning figures' deadline.
    public let triageDays: Int
    /// The language storage failures are worded in.
    public let language: Language
    /// Where unsaved forms are kept; nil keeps none (tests).
    public let drafts: DraftStore?
    /// Serves participants' own pages when a session is shared (nil: sharing is not available).
    public let sharing: (any SessionSharing)?
    /// Computes the portfolio's figures in the background (nil: `.computePortfolio` computes them on the spot).
    public var portfolioWorker: PortfolioWorker?

    public init(
        workspace: Workspace, staleDays: Int = 30, triageDays: Int = Intake.defaultTriageDays, language: Language = .en,
        drafts: DraftStore? = nil, sharing: (any SessionSharing)? = nil
    ) {
        self.workspace = workspace
        self.today = { workspace.reader.today() }
        self.staleDays = staleDays
        self.triageDays = triageDays
        self.language = language
        self.drafts = drafts
        self.sharing = sharing
    }

    private var reader: any StoreReader { workspace.reader }

    /// Cards, WIP limits and today: what the board reads.
    public func boardData() throws -> BoardData {
        BoardData(cards: try reader.summaries(), wipLimits: try reader.wipLimits(), today: today(), themes: try workspace.themeCatalog())
    }

    /// Windows of the columns, the counts, WIP limits and today: what a windowed board reads for one screenful.
    public func boardData(_ query: BoardQuery) throws -> BoardData {
        let words = TextSearch.fold(query.filter).split(separator: " ").map(String.init)
        let slice = try reader.boardSlice(ranges: query.ranges, matching: words, inboxOnly: query.inboxOnly, focus: query.focus,
                                          around: query.around, counts: query.counts, keep: query.keep,
                                          marked: query.marked)
        var columns: [Stage: ColumnWindow] = [:]
        // Only the columns read: a column left out (scrolling read the others) keeps the window the board holds.
        for stage in Stage.boardOrder {
            guard let window = slice.windows[stage] else { continue }
            columns[stage] = ColumnWindow(offset: window.offset, cards: window.cards, total: slice.matching[stage] ?? 0)
        }
        let focus = query.focus.flatMap { id in slice.focus.map { (id: id, stage: $0.stage, index: $0.index) } }
        var window = BoardWindow(filter: query.filter, inboxOnly: query.inboxOnly, inboxCount: slice.inboxCount, columns: columns,
                                 stageCounts: query.counts ? slice.stageCounts : nil, focus: focus)
        window.kept = slice.kept
        window.marked = slice.marked
        return BoardData(window: window, wipLimits: try reader.wipLimits(), today: today(), themes: try workspace.themeCatalog())
    }

    /// Carries out one effect (not `.quit`, which the run loop handles) and returns the resulting events.
    public func perform(_ effect: Effect) -> [Event] {
        switch effect {
        case .loadBoard:
            do {
                return [.boardLoaded(try boardData())]
            } catch {
                return [.loadFailed(failure(error))]
            }
        case .loadWindow(let query):
            do {
                return [.boardLoaded(try boardData(query))]
            } catch {
                return [.loadFailed(failure(error))]
            }
        case .loadCatalog:
            do {
                let entries = try reader.cardTitles().map { (id: $0.0, title: $0.1, stage: $0.2) }
                return [.catalogLoaded(BoardCatalog(entries: entries, themes: try reader.themes()))]
            } catch {
                return [.loadFailed(failure(error))]
            }
        case .loadTitles(let ids):
            do {
                return [.titlesLoaded(try reader.titles(of: ids))]
            } catch {
                return [.loadFailed(failure(error))]
            }
        case .loadIdea(let id, let purpose):
            do {
                return [.ideaLoaded(try reader.detail(id), purpose: purpose)]
            } catch {
                return [.loadFailed(failure(error))]
            }
        case .apply(let change, let purpose):
            do {
                let applied = purpose == .perform ? try workspace.perform(change) : try workspace.takeBack(change)
                return [.changeApplied(applied, purpose)]
            } catch {
                return [.changeFailed(failure(error), purpose)]
            }
        case .addCaseNote(let note):
            do {
                return [.caseNoteAdded(try workspace.addCaseNote(note))]
            } catch {
                // The submitters' names the note holds go back to the form, so Ctrl-K can mask them too.
                let names = ((try? workspace.personalData(in: note.text)) ?? []) + ((try? workspace.personalData(in: note.shows)) ?? [])
                return [.caseNoteRefused(failure(error), names: names.filter { $0.kind == .name }.map(\.text))]
            }
        case .quit:
            return []
        case .loadCriteriaSets:
            return weighing { [.criteriaSetsLoaded(try reader.criteriaSets())] }
        case .createSession(let session):
            return weighing { [.sessionLoaded(try workspace.createSession(session))] }
        case .loadSessions:
            return weighing { [.sessionsLoaded(try reader.sessions())] }
        case .loadSession(let id):
            return weighing { [.sessionLoaded(try reader.session(id))] }
        case .saveScore(let id, let key, let value, let seen):
            return weighing {
                try workspace.setScore(id, key, value, seen: seen, channel: .board)
                return []
            }
        case .saveSessionSettings(let session):
            return weighing {
                try workspace.updateSession(session)
                return []
            }
        case .closeSession(let id):
            // The facilitator saw how complete the session is and confirmed with y.
            return weighing { [.sessionLoaded(try workspace.closeSession(id, allowIncomplete: true))] }
        case .changeSession(let id, let change):
            return weighing { [.sessionLoaded(try workspace.changeSession(id, change))] }
        case .loadPortfolio:
            return weighing { [.portfolioLoaded(try portfolioMetrics(today: today()))] }
        case .computePortfolio(let key):
            return computePortfolio(key)
        case .loadDrafts:
            return [.draftsLoaded(drafts?.load() ?? [])]
        case .saveDraft(let draft):
            return keepingDraft { try drafts?.save(draft) }
        case .discardDraft(let subject):
            return keepingDraft { try drafts?.discard(subject) }
        case .shareSession(let id):
            guard let sharing else { return [.sharingFailed(Strings(language)[.shareUnavailable])] }
            do {
                let links = try workspace.shareSession(id)
                return [.sharingStarted(try sharing.publish(try reader.session(id), links: links))]
            } catch let error as DomainError {
                return [.sharingFailed(Strings(language).error(error))]
            } catch let error as StorageError {
                return [.sharingFailed(error.message(in: Strings(language)))]
            } catch {
                return [.sharingFailed(TextSanitizer.singleLine("\(error)"))]
            }
        case .stopSharing(let id):
            return weighing {
                try workspace.stopSharing(id)
                return [.sharingStopped(id)]
            }
        case .intake(let id, let step):
            do {
                let day = today()
                switch step {
                case .accept(let theme): try workspace.accept(id, theme: theme, today: day)
                case .decline(let reason): try workspace.decline(id, reason: reason, today: day)
                case .replyTo(let contact): try workspace.setReplyContact(id, contact, today: day)
                case .replySent(let sent): try workspace.markReplySent(id, on: sent, today: day)
                case .merged: break
                }
                return [.intakeChanged(id, step)]
            } catch {
                return [.intakeFailed(failure(error))]
            }
        }
    }

    /// Writes or removes a draft; a failure (a read-only data directory) is shown, the form stays as it is.
    private func keepingDraft(_ body: () throws -> Void) -> [Event] {
        do {
            try body()
            return []
        } catch {
            return [.loadFailed(.storage(TextSanitizer.singleLine(error.localizedDescription)))]
        }
    }

    /// Runs a weighing effect, turning a failure into an event.
    private func weighing(_ body: () throws -> [Event]) -> [Event] {
        do { return try body() } catch { return [.weighingFailed(failure(error))] }
    }

    func failure(_ error: any Error) -> ChangeFailure {
        ChangeFailure(error, language: language)
    }
}
