import Domain

/// The re-vote round as the `session.revote` column stores it: the cells, and round 1's entries in them.
struct StoredRevote: Codable, Equatable {
    struct Cell: Codable, Equatable {
        var idea: Int64
        var criterion: Int
    }

    struct Entry: Codable, Equatable {
        var participant: Int
        var idea: Int64
        var criterion: Int
        /// The score; nil for an abstention.
        var value: Int?
    }

    var cells: [Cell]
    var firstRound: [Entry]
    /// How many participants had joined when round 1 ended (absent in rounds stored before it was kept).
    var participants: Int?
    /// Who had been excluded when round 1 ended (absent in rounds stored before it was kept).
    var excluded: [StoredExclusion]?

    init(_ revote: Revote) {
        participants = revote.participantsAtStart
        excluded = revote.excludedAtStart.map { $0.sorted { $0.key < $1.key }.map { StoredExclusion(participant: $0.key, reason: $0.value) } }
        cells = revote.cells.map { Cell(idea: $0.idea.rawValue, criterion: $0.criterion) }
        let scores = revote.firstRound.map { Entry(participant: $0.key.participant, idea: $0.key.idea.rawValue, criterion: $0.key.criterion, value: $0.value) }
        let abstentions = revote.firstRoundAbstentions.map { Entry(participant: $0.participant, idea: $0.idea.rawValue, criterion: $0.criterion, value: nil) }
        firstRound = (scores + abstentions).sorted { ($0.idea, $0.criterion, $0.participant) < ($1.idea, $1.criterion, $1.participant) }
    }

    /// The round of a session; throws `StorageError.unreadableValue` for text that is not one, or that names a cell or
    /// participant outside the session.
    static func decode(_ raw: String, session: WeighingSession, record: String) throws -> Revote {
        let stored = try StoredValue.json(StoredRevote.self, raw, table: "session", record: record, field: "revote")
        let unreadable = StorageError.unreadableValue(table: "session", record: record, field: "revote", value: raw)
        func known(_ idea: Int64, _ criterion: Int) -> Bool {
            session.ideas.contains(IdeaID(idea)) && session.criteria.indices.contains(criterion)
        }
        guard !stored.cells.isEmpty, stored.cells.allSatisfy({ known($0.idea, $0.criterion) }) else { throw unreadable }
        var revote = Revote(cells: stored.cells.map { SessionCell(idea: IdeaID($0.idea), criterion: $0.criterion) })
        if let count = stored.participants {
            guard (1...session.participants.count).contains(count) else { throw unreadable }
            revote.participantsAtStart = count
        }
        if let excluded = stored.excluded {
            var atStart: [Int: String] = [:]
            for item in excluded {
                guard session.participants.indices.contains(item.participant), atStart[item.participant] == nil else { throw unreadable }
                atStart[item.participant] = item.reason
            }
            revote.excludedAtStart = atStart
        }
        for entry in stored.firstRound {
            guard known(entry.idea, entry.criterion), session.participants.indices.contains(entry.participant) else { throw unreadable }
            let key = ScoreKey(participant: entry.participant, idea: IdeaID(entry.idea), criterion: entry.criterion)
            if let value = entry.value { revote.firstRound[key] = value } else { revote.firstRoundAbstentions.insert(key) }
        }
        return revote
    }
}
