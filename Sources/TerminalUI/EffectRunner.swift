import AppCore
import Domain
import Storage

/// Performs the reducer's effects against storage and reports what happened as events.
public struct EffectRunner: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Carries out one effect (not `.quit`, which the run loop handles) and returns the resulting events.
    public func perform(_ effect: Effect) -> [Event] {
        switch effect {
        case .loadBoard:
            do {
                return [.boardLoaded(try database.summaries())]
            } catch {
                return [.changeFailed(failure(error), .perform)]
            }
        case .loadIdea(let id, let purpose):
            do {
                return [.ideaLoaded(try database.idea(id), history: try database.history(id), purpose: purpose)]
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
        }
    }

    private func failure(_ error: any Error) -> ChangeFailure {
        if let domain = error as? DomainError { return .domain(domain) }
        return .storage("\(error)")
    }
}
