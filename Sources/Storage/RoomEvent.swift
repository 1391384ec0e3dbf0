import Domain

/// A change to a session's participants, notes or rounds as recorded in the event log.
struct RoomEvent: Encodable {
    var session: Int64
    var participantAdded: String?
    var participantExcluded: String?
    var reason: String?
    var note: String?
    var idea: Int64?
    var criterion: Int?
    var revote: Int?

    init(session: Int64, change: SessionChange) {
        self.session = session
        switch change {
        case .enter: break
        case .addParticipant(let name): participantAdded = name
        case .excludeParticipant(let name, let reason):
            participantExcluded = name
            self.reason = reason
        case .note(let cell, let text):
            note = text
            idea = cell.idea.rawValue
            criterion = cell.criterion
        case .startRevote(let cells): revote = cells.count
        }
    }
}
