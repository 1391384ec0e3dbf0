import AppCore
import Domain
import Foundation
import Storage

/// Performs the reducer's effects against storage and reports what happened as events.
public struct EffectRunner: Sendable {
    public let database: AppDatabase
    /// Today's date, from the clock (local calendar).
    public let today: @Sendable () -> DayDate
    /// Ideas untouched for longer count as stale in the portfolio view.
    public let staleDays: Int

    public init(database: AppDatabase, staleDays: Int = 30) {
        self.database = database
        self.today = { database.today() }
        self.staleDays = staleDays
    }

    /// Cards, WIP limits and today: what the board reads.
    public func boardData() throws -> BoardData {
        BoardData(cards: try database.summaries(), wipLimits: try database.wipLimits(), today: today())
    }

    /// Carries out one effect (not `.quit`, which the run loop handles) and returns the resulting events.
    public func perform(_ effect: Effect) -> [Event] {
        switch effect {
        case .loadBoard:
            do {
                return [.boardLoaded(try boardData())]
            } catch {
                return [.changeFailed(failure(error), .perform)]
            }
        case .loadIdea(let id, let purpose):
            do {
                return [.ideaLoaded(try database.detail(id), purpose: purpose)]
            } catch {
                return [.changeFailed(failure(error), .perform)]
            }
        case .apply(let change, let purpose):
            do {
                return [.changeApplied(try database.apply(change), purpose)]
            } catch {
                return [.changeFailed(failure(error), purpose)]
            }
        case .quit:
            return []
        case .loadCriteriaSets:
            return weighing { [.criteriaSetsLoaded(try database.criteriaSets())] }
        case .createSession(let session):
            return weighing { [.sessionLoaded(try database.createSession(session))] }
        case .loadSessions:
            return weighing { [.sessionsLoaded(try database.sessions())] }
        case .loadSession(let id):
            return weighing { [.sessionLoaded(try database.session(id))] }
        case .saveScore(let id, let key, let value):
            return weighing {
                try database.setScores(id, [(key, value)])
                return []
            }
        case .saveSessionSettings(let session):
            return weighing {
                try database.updateSession(session)
                return []
            }
        case .closeSession(let id):
            return weighing { [.sessionLoaded(try database.closeSession(id))] }
        case .loadPortfolio:
            return weighing { [.portfolioLoaded(try database.portfolio(today: today(), staleDays: staleDays))] }
        }
    }

    /// Runs a weighing effect, turning a failure into an event.
    private func weighing(_ body: () throws -> [Event]) -> [Event] {
        do { return try body() } catch { return [.weighingFailed(failure(error))] }
    }

    private func failure(_ error: any Error) -> ChangeFailure {
        if let domain = error as? DomainError { return .domain(domain) }
        return .storage("\(error)")
    }
}

