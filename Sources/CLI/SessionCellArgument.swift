import Domain

/// A cell named as a person names it: an idea of the session and a criterion by name.
enum SessionCellArgument {
    static func cell(_ idea: IdeaID, _ criterion: String, in session: WeighingSession) throws -> SessionCell {
        guard session.ideas.contains(idea) else { throw DomainError.ideaNotInSession(idea) }
        guard let index = CriteriaSet(name: session.setName, criteria: session.criteria).index(of: criterion) else {
            throw DomainError.unknownCriterion(criterion)
        }
        return SessionCell(idea: idea, criterion: index)
    }
}
