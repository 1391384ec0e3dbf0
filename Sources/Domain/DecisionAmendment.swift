/// One step of a consent round, applied to the stored decision inside one transaction (no lost objection).
public enum DecisionAmendment: Equatable, Sendable {
    /// Raise an objection (appended; numbered from 1).
    case object(Objection)
    /// Judge objection `number` (1-based): does it qualify?
    case judge(number: Int, qualified: Bool)
    /// Record how objection `number` was resolved.
    case resolve(number: Int, ObjectionResolution, note: String)
    /// Record a concern (never blocks consent).
    case concern(Concern)
    /// Give consent: refused while a qualified or unjudged objection is open.
    case consent
}

extension ConsentDecision {
    /// The decision after one step of the round; refuses an objection number that does not exist.
    public func amended(_ amendment: DecisionAmendment) throws(DomainError) -> ConsentDecision {
        var copy = self
        switch amendment {
        case .object(let objection):
            copy.objections.append(objection)
        case .judge(let number, let qualified):
            guard number >= 1, objections.indices.contains(number - 1) else { throw .noObjection(number) }
            copy.objections[number - 1].qualified = qualified
        case .resolve(let number, let resolution, let note):
            guard number >= 1, objections.indices.contains(number - 1) else { throw .noObjection(number) }
            copy.objections[number - 1].resolution = resolution
            copy.objections[number - 1].resolutionNote = note
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
            guard edited[keyPath: path] != base[keyPath: path] else { return }
            if current[keyPath: path] != base[keyPath: path], current[keyPath: path] != edited[keyPath: path] {
                conflicts.append(name)
            } else {
                merged[keyPath: path] = edited[keyPath: path]
            }
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
            func part<T: Equatable>(_ path: WritableKeyPath<Objection, T>) {
                guard edited[keyPath: path] != base[keyPath: path] else { return }
                if current[keyPath: path] != base[keyPath: path], current[keyPath: path] != edited[keyPath: path] {
                    conflicts = true
                } else {
                    item[keyPath: path] = edited[keyPath: path]
                }
            }
            part(\.who)
            part(\.text)
            part(\.qualified)
            part(\.resolution)
            part(\.resolutionNote)
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
