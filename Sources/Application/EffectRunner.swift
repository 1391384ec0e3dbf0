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
    /// The language storage failures are worded in.
    public let language: Language
    /// Where unsaved forms are kept; nil keeps none (tests).
    public let drafts: DraftStore?

    public init(workspace: Workspace, staleDays: Int = 30, language: Language = .en, drafts: DraftStore? = nil) {
        self.workspace = workspace
        self.today = { workspace.reader.today() }
        self.staleDays = staleDays
        self.language = language
        self.drafts = drafts
    }

    private var reader: any StoreReader { workspace.reader }

    /// Cards, WIP limits and today: what the board reads.
    public func boardData() throws -> BoardData {
        BoardData(cards: try reader.summaries(), wipLimits: try reader.wipLimits(), today: today())
    }

    /// Windows of the columns, the counts, WIP limits and today: what a windowed board reads for one screenful.
    public func boardData(_ query: BoardQuery) throws -> BoardData {
        let words = TextSearch.fold(query.filter).split(separator: " ").map(String.init)
        let slice = try reader.boardSlice(ranges: query.ranges, matching: words, focus: query.focus, around: query.around, counts: query.counts)
        var columns: [Stage: ColumnWindow] = [:]
        for stage in Stage.boardOrder {
            let window = slice.windows[stage]
            columns[stage] = ColumnWindow(offset: window?.offset ?? 0, cards: window?.cards ?? [], total: slice.matching[stage] ?? 0)
        }
        let focus = query.focus.flatMap { id in slice.focus.map { (id: id, stage: $0.stage, index: $0.index) } }
        let window = BoardWindow(filter: query.filter, columns: columns, stageCounts: query.counts ? slice.stageCounts : nil, focus: focus)
        return BoardData(window: window, wipLimits: try reader.wipLimits(), today: today())
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
                try workspace.setScore(id, key, value, seen: seen)
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
            return weighing { [.portfolioLoaded(try reader.portfolio(today: today(), staleDays: staleDays))] }
        case .loadDrafts:
            return [.draftsLoaded(drafts?.load() ?? [])]
        case .saveDraft(let draft):
            return keepingDraft { try drafts?.save(draft) }
        case .discardDraft(let subject):
            return keepingDraft { try drafts?.discard(subject) }
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

    private func failure(_ error: any Error) -> ChangeFailure {
        if let domain = error as? DomainError { return .domain(domain) }
        if let storage = error as? StorageError { return .storage(storage.message(in: Strings(language))) }
        return .storage(TextSanitizer.singleLine("\(error)"))
    }
}
