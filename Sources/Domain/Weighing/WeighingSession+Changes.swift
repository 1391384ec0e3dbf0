/// The rules of a live session: every change a front end asks for is checked here, purely, before storage writes it.
extension WeighingSession {
    /// The session with the change carried out, or the reason it is refused (nothing changes then).
    public func applying(_ change: SessionChange) throws(DomainError) -> WeighingSession {
        guard status != .closed else { throw .sessionClosed }
        var copy = self
        switch change {
        case .enter(let inputs):
            for input in inputs { try copy.enter(input) }
        case .addParticipant(let name):
            let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
            guard !clean.isEmpty else { throw .emptyName }
            guard !participants.contains(where: { $0.lowercased() == clean.lowercased() }) else { throw .duplicateParticipant(clean) }
            copy.participants.append(clean)
        case .excludeParticipant(let name, let reason):
            let index = try participantIndex(name)
            guard excluded[index] == nil else { throw .participantExcluded(participants[index]) }
            let clean = TextSanitizer.singleLine(reason).trimmingCharactersInWhitespace()
            guard !clean.isEmpty else { throw .exclusionNeedsReason }
            guard activeParticipants.count > 1 else { throw .sessionNeeds(.participants) }
            copy.excluded[index] = clean
        case .note(let cell, let text):
            try checkKnown(cell)
            let clean = TextSanitizer.singleLine(text).trimmingCharactersInWhitespace()
            copy.notes[cell] = clean.isEmpty ? nil : clean
        case .startRevote(let chosen):
            guard revote == nil else { throw .revoteAlreadyHeld }
            var cells: [SessionCell] = []
            for cell in chosen where !cells.contains(cell) {
                try checkKnown(cell)
                cells.append(cell)
            }
            guard !cells.isEmpty else { throw .revoteNeedsCells }
            let chosenSet = Set(cells)
            copy.revote = Revote(cells: cells, firstRound: scores.filter { chosenSet.contains($0.key.cell) },
                                 firstRoundAbstentions: abstentions.filter { chosenSet.contains($0.cell) },
                                 participantsAtStart: participants.count, excludedAtStart: excluded)
            copy.scores = scores.filter { !chosenSet.contains($0.key.cell) }
            copy.abstentions = abstentions.filter { !chosenSet.contains($0.cell) }
            copy.channels = channels.filter { !chosenSet.contains($0.key.cell) }
            copy.status = .open
        }
        return copy
    }

    /// One entry: on the scale, by a participant who counts, in a cell open in this round.
    private mutating func enter(_ input: ScoreInput) throws(DomainError) {
        let key = input.key
        guard criteria.indices.contains(key.criterion), participants.indices.contains(key.participant), ideas.contains(key.idea) else {
            throw .sessionNeeds(.knownScore)
        }
        guard excluded[key.participant] == nil else { throw .participantExcluded(participants[key.participant]) }
        guard isOpen(key.cell) else { throw .notInRevote(key.idea, criterion: criteria[key.criterion].name) }
        if let seen = input.seen, entry(key) != seen.entry {
            throw .scoreChangedSince(participant: participants[key.participant], idea: key.idea, criterion: criteria[key.criterion].name,
                                     now: entry(key))
        }
        switch input.entry {
        case .score(let value)?:
            let criterion = criteria[key.criterion]
            guard criterion.accepts(value) else { throw .scoreOutOfScale(value, min: criterion.scaleMin, max: criterion.scaleMax) }
            scores[key] = value
            abstentions.remove(key)
        case .abstain?:
            scores[key] = nil
            abstentions.insert(key)
        case nil:
            scores[key] = nil
            abstentions.remove(key)
        }
        channels[key] = input.entry == nil ? nil : input.channel
    }

    private func checkKnown(_ cell: SessionCell) throws(DomainError) {
        guard ideas.contains(cell.idea), criteria.indices.contains(cell.criterion) else { throw .sessionNeeds(.knownScore) }
    }
}
