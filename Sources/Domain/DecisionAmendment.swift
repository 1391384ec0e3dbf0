/// One step of a consent round, applied to the stored decision inside one transaction (no lost objection).
public enum DecisionAmendment: Equatable, Sendable {
    /// Raise an objection (appended; numbered from 1).
    case object(Objection)
    /// Judge objection `number` (1-based): does it qualify?
    case judge(number: Int, qualified: Bool)
    /// Record how objection `number` was resolved.
    case resolve(number: Int, ObjectionResolution, note: String)
    /// Resolve objection `number` by amending the proposal to `proposal` (the old text stays with the objection).
    case amendProposal(number: Int, proposal: String, note: String)
    /// Record a concern (never blocks consent).
    case concern(Concern)
    /// Give consent: refused while a qualified or unjudged objection is open.
    case consent
}

extension ConsentDecision {
    /// The decision after one step of the round; refuses an objection number that does not exist.
    /// Once consent is given the round is closed; a judgement or resolution already recorded is not overwritten
    /// (the same one again is accepted, so a repeated script does no harm).
    public func amended(_ amendment: DecisionAmendment) throws(DomainError) -> ConsentDecision {
        var copy = self
        if outcome == .consented, let id { throw .decisionAlreadyConsented(id) }
        switch amendment {
        case .object(let objection):
            copy.objections.append(objection)
        case .judge(let number, let qualified):
            guard number >= 1, objections.indices.contains(number - 1) else { throw .noObjection(number) }
            if let earlier = objections[number - 1].qualified, earlier != qualified { throw .objectionAlreadyRuled(number) }
            copy.objections[number - 1].qualified = qualified
        case .resolve(let number, let resolution, let note):
            guard number >= 1, objections.indices.contains(number - 1) else { throw .noObjection(number) }
            let objection = objections[number - 1]
            if let earlier = objection.resolution, earlier != resolution || objection.resolutionNote != note {
                throw .objectionAlreadyRuled(number)
            }
            copy.objections[number - 1].resolution = resolution
            copy.objections[number - 1].resolutionNote = note
        case .amendProposal(let number, let proposal, let note):
            copy = try amendingProposal(objection: number, to: proposal, note: note)
        case .concern(let concern):
            copy.concerns.append(concern)
        case .consent:
            copy = try copy.consented()
        }
        return copy
    }

    /// Merges a decision edited from `base` into `current`, the way `IdeaFields.merge` does for ideas.
    ///
    /// Fields and objection judgements change where only the edit changed them; objections and concerns added
    /// on either side are all kept (the other side's first); ones the edit removed from the end (an undo) are
    /// removed only while nobody changed them. Returns the names of what both sides changed differently.
    public static func merge(base: ConsentDecision, edited: ConsentDecision, current: ConsentDecision)
        -> (ConsentDecision, conflicts: [String])
    {
        var merged = current
        var conflicts: [String] = []
        func field<T: Equatable>(_ name: String, _ path: WritableKeyPath<ConsentDecision, T>) {
            ThreeWay.field(name, path, base: base, edited: edited, into: &merged, conflicts: &conflicts)
        }
        field("kind", \.kind)
        field("proposal", \.proposal)
        field("responsible", \.responsible)
        field("reviewDate", \.reviewDate)
        field("evaluation", \.evaluationCriteria)
        field("outcome", \.outcome)
        merged.objections = mergeList(base.objections, edited.objections, current.objections, name: "objection", &conflicts) {
            base, edited, current, conflicts in
            var item = current
            var names: [String] = []
            func part<T: Equatable>(_ path: WritableKeyPath<Objection, T>) {
                ThreeWay.field("", path, base: base, edited: edited, into: &item, conflicts: &names)
            }
            part(\.who)
            part(\.text)
            part(\.qualified)
            part(\.resolution)
            part(\.resolutionNote)
            part(\.previousProposal)
            conflicts = !names.isEmpty
            return item
        }
        merged.concerns = mergeList(base.concerns, edited.concerns, current.concerns, name: "concern", &conflicts) {
            _, edited, current, conflicts in
            if edited != current { conflicts = true }
            return current
        }
        return (merged, conflicts)
    }

    /// Three-way merge of an append-only list; `item` merges one entry and sets its flag on a conflict.
    private static func mergeList<T: Equatable>(
        _ base: [T], _ edited: [T], _ current: [T], name: String, _ conflicts: inout [String],
        item: (T, T, T, inout Bool) -> T
    ) -> [T] {
        var result: [T] = []
        for index in base.indices {
            guard index < current.count else { continue }  // gone elsewhere: nothing to keep
            if index < edited.count {
                var conflict = false
                let merged = edited[index] == base[index] ? current[index] : item(base[index], edited[index], current[index], &conflict)
                if conflict { conflicts.append("\(name) \(index + 1)") }
                result.append(merged)
            } else if current[index] != base[index] {
                conflicts.append("\(name) \(index + 1)")  // the edit removes what someone changed meanwhile
                result.append(current[index])
            }
        }
        if current.count > base.count { result += current[base.count...] }
        if edited.count > base.count { result += edited[base.count...] }
        return result
    }
}
