import Domain
import Storage

/// How ideas and experiments score on the council's values: the criteria set marked with `criteria create … --values`,
/// from the latest closed weighing session using it per idea.
public struct ValuesScores: Equatable, Sendable {
    /// One idea's result on the values.
    public struct Line: Equatable, Sendable {
        public var idea: IdeaID
        public var title: String
        public var stage: Stage
        public var session: SessionID
        /// In [0, 1].
        public var score: Double
        public var rankLabel: String
        public var vetoed: Bool
    }

    public var setName: String
    /// The values (criterion names) of the latest session read.
    public var criteria: [String]
    /// Highest score first; ties by id.
    public var lines: [Line]

    /// Reads the values set and its closed sessions; nil when no set is marked as the council's values.
    static func load(from reader: any StoreReader, ideas: [IdeaDetail]) throws -> ValuesScores? {
        guard let name = try reader.valuesSetName() else { return nil }
        let shown = Dictionary(ideas.map { ($0.idea.id, $0.idea) }, uniquingKeysWith: { first, _ in first })
        var latest: [IdeaID: Line] = [:]
        var criteria = (try? reader.criteriaSet(name))?.criteria.map(\.name) ?? []
        let summaries = try reader.sessions().filter { $0.status == .closed && TextSearch.fold($0.setName) == TextSearch.fold(name) }
        for summary in summaries.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            let session = try reader.session(summary.id)
            criteria = session.criteria.map(\.name)
            for ranked in session.results.ranking {
                guard let idea = shown[ranked.idea] else { continue }
                latest[ranked.idea] = Line(idea: idea.id, title: idea.fields.title, stage: idea.stage, session: summary.id,
                                           score: ranked.score, rankLabel: ranked.rankLabel, vetoed: ranked.vetoed)
            }
        }
        let lines = latest.values.sorted { ($1.score, $0.idea) < ($0.score, $1.idea) }
        return ValuesScores(setName: name, criteria: criteria, lines: lines)
    }
}
