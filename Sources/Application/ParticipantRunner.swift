import AppCore
import Domain
import Foundation
import Storage

/// Performs a participant's screen's effects through the application layer: their own scores and abstentions, entered
/// on their own terminal, checked by the session's rules and stored at once.
public struct ParticipantRunner: Sendable {
    public let workspace: Workspace
    public let session: SessionID
    public let language: Language

    public init(workspace: Workspace, session: SessionID, language: Language) {
        self.workspace = workspace
        self.session = session
        self.language = language
    }

    /// Carries out one effect (not `.quit`, which the run loop handles) and returns what happened.
    public func perform(_ effect: ParticipantEffect) -> [ParticipantEvent] {
        switch effect {
        case .save(let input):
            do {
                try workspace.changeSession(session, .enter([input]))
                return []
            } catch {
                return [.failed(failure(error))]
            }
        case .reload:
            do {
                return [.sessionLoaded(try workspace.reader.session(session))]
            } catch {
                return [.loadFailed(failure(error))]
            }
        case .quit:
            return []
        }
    }

    private func failure(_ error: any Error) -> ChangeFailure {
        ChangeFailure(error, language: language)
    }
}
