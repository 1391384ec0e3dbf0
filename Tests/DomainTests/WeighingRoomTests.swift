import Domain
import Foundation
import Testing

/// A session on three ideas with the given criteria and participants; scores per participant, idea and criterion.
private func session(_ criteria: [Criterion], participants: [String] = ["An", "Bo"], table: [[[Int]]] = []) -> WeighingSession {
    var value = WeighingSession(set: CriteriaSet(name: "s", criteria: criteria), ideas: [IdeaID(1), IdeaID(2), IdeaID(3)],
                                participants: participants, createdAt: Date(timeIntervalSince1970: 0))
    value.id = SessionID(1)
    for (p, rows) in table.enumerated() {
        for (i, row) in rows.enumerated() {
            for (c, score) in row.enumerated() { value.scores[ScoreKey(participant: p, idea: value.ideas[i], criterion: c)] = score }
        }
    }
    return value
}

private func key(_ participant: Int, _ idea: Int64, _ criterion: Int) -> ScoreKey {
    ScoreKey(participant: participant, idea: IdeaID(idea), criterion: criterion)
}

@Suite("Weighing room: vetoes and criteria")
struct VetoAndCriteriaTests {
    let impact = Criterion(name: "impact", weight: 50)

    @Test func aVetoOnACostCriterionSparesTheSafestIdea() throws {
        // "risico" is a cost: without a direction its veto reads "vetoed when risk ≥ 4".
        let risk = Criterion(name: "risico", weight: 50, direction: .cost, veto: 4)
        #expect(risk.veto == Veto(4, .atLeast))
        // Idea 1 is the one everyone scored safest (risk 1), idea 3 the riskiest (5 and 4).
        let weighed = session([impact, risk], table: [[[3, 1], [3, 3], [5, 5]], [[3, 1], [3, 3], [5, 4]]])
        for aggregate in Aggregate.allCases {
            var copy = weighed
            copy.aggregate = aggregate
            let ranking = copy.results.ranking
            #expect(ranking.first { $0.idea == IdeaID(1) }?.vetoed == false, "\(aggregate): the safest idea is not vetoed")
            #expect(ranking.first { $0.idea == IdeaID(3) }?.vetoed == true, "\(aggregate): the riskiest idea is vetoed")
            #expect(ranking.map(\.idea) == [IdeaID(1), IdeaID(2), IdeaID(3)], "\(aggregate): the vetoed idea ranks last although it leads on impact")
        }
        // Said explicitly, the other way round is possible too: "vetoed when support ≤ 1".
        let support = Criterion(name: "draagvlak", weight: 50, veto: 1)
        #expect(support.veto == Veto(1, .atMost))
        let low = session([support], table: [[[1], [2], [5]]])
        #expect(low.results.ranking.map(\.vetoed) == [false, false, true] && low.results.ranking.last?.idea == IdeaID(1))
    }

    @Test func vetoesAreWrittenWithADirection() throws {
        #expect(try CriterionEdit.VetoEdit.parse("<=1") == .set(1, .atMost))
        #expect(try CriterionEdit.VetoEdit.parse("≤ 2") == .set(2, .atMost))
        #expect(try CriterionEdit.VetoEdit.parse(">=4") == .set(4, .atLeast))
        #expect(try CriterionEdit.VetoEdit.parse(" ≥4 ") == .set(4, .atLeast))
        #expect(try CriterionEdit.VetoEdit.parse("3") == .set(3, nil))
        #expect(try CriterionEdit.VetoEdit.parse("none") == .remove)
        #expect(try CriterionEdit.VetoEdit.parse("geen") == .remove)
        #expect(throws: DomainError.invalidVeto("=>4")) { try CriterionEdit.VetoEdit.parse("=>4") }
        #expect(Veto(4, .atLeast).label == "≥ 4" && Veto(1, .atMost).label == "≤ 1")
    }

    @Test func aVetoThatVetoesEveryScoreIsRefused() throws {
        // The issue's `--cost --veto 1`: on a cost criterion that now means "≥ 1", which vetoes every idea.
        let set = CriteriaSet(name: "s")
        #expect(throws: DomainError.vetoesEveryScore("≥ 1", min: 1, max: 5)) {
            try set.adding(Criterion(name: "risico", weight: 1, direction: .cost, veto: 1))
        }
        #expect(throws: DomainError.vetoesEveryScore("≤ 5", min: 1, max: 5)) { try set.adding(Criterion(name: "a", weight: 1, veto: 5)) }
        #expect(throws: DomainError.vetoOutsideScale(9)) { try set.adding(Criterion(name: "a", weight: 1, veto: 9)) }
    }

    @Test func aVetoStoredBeforeDirectionsKeepsItsMeaning() throws {
        let old = #"{"name":"risico","description":"","weight":15,"direction":"cost","scaleMin":1,"scaleMax":5,"veto":1}"#
        let read = try JSONDecoder().decode(Criterion.self, from: Data(old.utf8))
        #expect(read.veto == Veto(1, .atMost), "before directions every veto meant 'at or below'")
        let written = try JSONEncoder().encode(Criterion(name: "risico", weight: 15, direction: .cost, veto: 4))
        #expect(try JSONDecoder().decode(Criterion.self, from: written).veto == Veto(4, .atLeast))
        let bad = #"{"name":"r","description":"","weight":1,"direction":"cost","scaleMin":1,"scaleMax":5,"veto":4,"vetoDirection":"sideways"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Criterion.self, from: Data(bad.utf8)) }
    }

    @Test func criteriaAreEditedAndRemovedAsNewVersions() throws {
        let set = try CriteriaSet(name: "s").adding(impact).adding(Criterion(name: "risico", weight: 50, direction: .cost))
        #expect(set.version == 3)
        let snapshot = WeighingSession(set: set, ideas: [IdeaID(1)], participants: ["An"], createdAt: Date(timeIntervalSince1970: 0))
        let edited = try set.applying(.edit("RISICO", CriterionEdit(rename: "Risico voor inwoners", weight: 20, scaleMin: 1, scaleMax: 10,
                                                                  veto: .set(8, nil))))
        #expect(edited.version == 4)
        #expect(edited.criteria[1] == Criterion(name: "Risico voor inwoners", weight: 20, direction: .cost, scaleMin: 1, scaleMax: 10,
                                                veto: 8, vetoDirection: .atLeast))
        let turned = try edited.editing("risico voor inwoners", CriterionEdit(direction: .benefit, veto: .set(2, .atMost)))
        #expect(turned.criteria[1].direction == .benefit && turned.criteria[1].veto == Veto(2, .atMost))
        #expect(try turned.editing("impact", CriterionEdit(veto: .remove)).criteria[0].veto == nil)
        #expect(throws: DomainError.duplicateCriterion("Impact")) { try edited.editing("risico voor inwoners", CriterionEdit(rename: "Impact ")) }
        #expect(throws: DomainError.vetoOutsideScale(8)) { try edited.editing("risico voor inwoners", CriterionEdit(scaleMin: 1, scaleMax: 5)) }
        #expect(throws: DomainError.unknownCriterion("kosten")) { try edited.editing("kosten", CriterionEdit(weight: 1)) }
        let removed = try edited.applying(.remove("impact"))
        #expect(removed.version == 5 && removed.criteria.map(\.name) == ["Risico voor inwoners"])
        #expect(throws: DomainError.unknownCriterion("impact")) { try removed.removing("impact") }
        #expect(snapshot.criteria == set.criteria, "a session keeps the criteria it started with")
    }
}

@Suite("Weighing room: entries, ties, participants, rounds")
struct WeighingRoomTests {
    let criteria = [Criterion(name: "impact", weight: 60), Criterion(name: "kosten", weight: 40, direction: .cost)]

    @Test func equalResultsShareARank() {
        let four = WeighingSession(set: CriteriaSet(name: "s", criteria: criteria), ideas: (1...4).map { IdeaID(Int64($0)) },
                                   participants: ["An"], createdAt: Date(timeIntervalSince1970: 0))
        var scored = four
        for (index, pair) in [(5, 1), (3, 3), (3, 3), (1, 5)].enumerated() {
            scored.scores[key(0, Int64(index + 1), 0)] = pair.0
            scored.scores[key(0, Int64(index + 1), 1)] = pair.1
        }
        let ranking = scored.results.ranking
        #expect(ranking.map(\.idea) == [IdeaID(1), IdeaID(2), IdeaID(3), IdeaID(4)], "ties keep the session's order")
        #expect(ranking.map(\.rank) == [1, 2, 2, 4])
        #expect(ranking.map(\.rankLabel) == ["1", "2=", "2=", "4"])
    }

    @Test func anAbstentionIsLeftOutOfTheAggregateAndCountsAsEntered() throws {
        var value = session(criteria, table: [[[5, 1], [3, 3], [1, 5]]])
        value = try value.applying(.enter([ScoreInput(key(1, 1, 0), .abstain, channel: .board), ScoreInput(key(1, 1, 1), .score(2), channel: .board),
                                           ScoreInput(key(1, 2, 0), .score(3), channel: .board), ScoreInput(key(1, 2, 1), .abstain, channel: .board),
                                           ScoreInput(key(1, 3, 0), .score(1), channel: .board), ScoreInput(key(1, 3, 1), .score(5), channel: .board)]))
        #expect(value.entry(key(1, 1, 0)) == .abstain && value.scores[key(1, 1, 0)] == nil)
        let result = value.results
        let cell = try #require(result.cells.first { $0.idea == IdeaID(1) && $0.criterion == 0 })
        #expect(cell.mean == 5 && cell.count == 1 && cell.abstained == 1 && cell.values == [5], "the abstention is not a score")
        #expect(result.complete && result.participantsComplete == 2 && result.abstentions == 2)
        #expect(result.kendallParticipants == 1, "Bo's own ranking needs every cell scored")
        #expect(result.kendallW == nil)
        // A score replaces the abstention, clearing removes either.
        value = try value.applying(.enter([ScoreInput(key(1, 1, 0), .score(4), channel: .board)]))
        #expect(value.entry(key(1, 1, 0)) == .score(4) && !value.abstentions.contains(key(1, 1, 0)))
        value = try value.applying(.enter([ScoreInput(key(1, 2, 1), nil, channel: .board)]))
        #expect(value.entry(key(1, 2, 1)) == nil && !value.results.complete)
    }

    @Test func aLateParticipantJoinsAndALeavingOneIsExcluded() throws {
        var value = session(criteria, table: [[[5, 1], [3, 3], [1, 5]], [[1, 5], [3, 3], [5, 1]]])
        value = try value.applying(.addParticipant("  Carla "))
        #expect(value.participants == ["An", "Bo", "Carla"])
        #expect(throws: DomainError.duplicateParticipant("carla")) { try value.applying(.addParticipant("carla")) }
        #expect(throws: DomainError.emptyName) { try value.applying(.addParticipant("  ")) }
        value = try value.applying(.enter([ScoreInput(key(2, 1, 0), .score(5), channel: .board)]))
        #expect(value.results.participantsTotal == 3 && value.results.participantsComplete == 2)
        #expect(throws: DomainError.exclusionNeedsReason) { try value.applying(.excludeParticipant("bo", reason: " ")) }
        #expect(throws: DomainError.unknownParticipant("Dirk", known: ["An", "Bo", "Carla"])) {
            try value.applying(.excludeParticipant("Dirk", reason: "weg"))
        }
        #expect(value.results.cells[4].values == [1, 5])
        value = try value.applying(.excludeParticipant("BO", reason: "moest om 11 uur weg"))
        #expect(value.excluded == [1: "moest om 11 uur weg"] && value.activeParticipants == [0, 2])
        #expect(value.scores[key(1, 1, 0)] == 1, "an excluded participant's scores stay stored")
        #expect(value.results.participantsTotal == 2)
        #expect(value.results.cells.first?.values == [5, 5], "but count nowhere")
        #expect(value.results.cells[4].values == [1], "idea 3 × impact without Bo's 5")
        #expect(throws: DomainError.participantExcluded("Bo")) { try value.applying(.enter([ScoreInput(key(1, 1, 0), .score(3), channel: .board)])) }
        #expect(throws: DomainError.participantExcluded("Bo")) { try value.applying(.excludeParticipant("Bo", reason: "nogmaals")) }
        value = try value.applying(.excludeParticipant("Carla", reason: "ziek"))
        #expect(throws: DomainError.sessionNeeds(.participants)) { try value.applying(.excludeParticipant("An", reason: "weg")) }
    }

    @Test func kendallsWSaysOverHowManyParticipants() {
        var value = session(criteria, participants: ["An", "Bo", "Carla"],
                            table: [[[5, 1], [3, 3], [1, 5]], [[4, 2], [3, 3], [2, 4]], [[5, 1], [1, 5]]])
        var result = value.results
        #expect(result.kendallW != nil && result.kendallParticipants == 2 && result.participantsTotal == 3)
        value.scores[key(2, 3, 0)] = 1
        value.scores[key(2, 3, 1)] = 5
        result = value.results
        #expect(result.kendallParticipants == 3 && result.complete)
    }

    @Test func closingAnIncompleteSessionIsRefusedUnlessAsked() throws {
        let value = session(criteria, table: [[[5, 1], [3, 3], [1, 5]], [[5, 1]]])
        #expect(throws: DomainError.sessionIncomplete(complete: 1, total: 2)) { try value.checkClosing(allowIncomplete: false) }
        try value.checkClosing(allowIncomplete: true)
        var closed = value
        closed.status = .closed
        #expect(throws: DomainError.sessionClosed) { try closed.checkClosing(allowIncomplete: true) }
        #expect(throws: DomainError.sessionClosed) { try closed.applying(.addParticipant("Carla")) }
    }

    @Test func theDiscussListIsSortedByDisagreementWithTheDistribution() {
        let three = [Criterion(name: "a", weight: 1), Criterion(name: "b", weight: 1), Criterion(name: "c", weight: 1)]
        var value = session(three, participants: ["1", "2", "3", "4"])
        // Idea 1 × a: 1 1 5 5 (largest), idea 3 × c: 1 3 3 5, idea 2 × b: 2 2 4 4; every other cell 3.
        let special: [SessionCell: [Int]] = [SessionCell(idea: IdeaID(3), criterion: 2): [1, 3, 5, 3],
                                             SessionCell(idea: IdeaID(1), criterion: 0): [1, 5, 1, 5],
                                             SessionCell(idea: IdeaID(2), criterion: 1): [2, 4, 2, 4]]
        for participant in 0..<4 {
            for idea in value.ideas {
                for criterion in 0..<3 {
                    value.scores[ScoreKey(participant: participant, idea: idea, criterion: criterion)] =
                        special[SessionCell(idea: idea, criterion: criterion)]?[participant] ?? 3
                }
            }
        }
        let list = value.results.discussList
        #expect(list.map(\.cell) == [SessionCell(idea: IdeaID(1), criterion: 0), SessionCell(idea: IdeaID(3), criterion: 2),
                                     SessionCell(idea: IdeaID(2), criterion: 1)])
        #expect(list.map(\.values) == [[1, 1, 5, 5], [1, 3, 3, 5], [2, 2, 4, 4]])
    }

    @Test func aRevoteKeepsRoundOneAndShowsTheShift() throws {
        var value = session(criteria, table: [[[1, 3], [3, 3], [4, 3]], [[5, 3], [3, 3], [4, 3]]])
        value.status = .revealed
        value = try value.applying(.note(SessionCell(idea: IdeaID(1), criterion: 0), " Bo kent een vergelijkbare proef "))
        #expect(value.notes[SessionCell(idea: IdeaID(1), criterion: 0)] == "Bo kent een vergelijkbare proef")
        let cell = SessionCell(idea: IdeaID(1), criterion: 0)
        let roundOne = value.results
        #expect(throws: DomainError.revoteNeedsCells) { try value.applying(.startRevote([])) }
        value = try value.applying(.startRevote([cell, cell]))
        #expect(value.round == 2 && value.status == .open, "round 2 is blind again")
        #expect(value.revote?.cells == [cell] && value.revote?.firstRound == [key(0, 1, 0): 1, key(1, 1, 0): 5])
        #expect(value.scores[key(0, 1, 0)] == nil, "the cell is emptied for the new vote")
        #expect(throws: DomainError.notInRevote(IdeaID(2), criterion: "impact")) { try value.applying(.enter([ScoreInput(key(0, 2, 0), .score(1), channel: .board)])) }
        value = try value.applying(.enter([ScoreInput(key(0, 1, 0), .score(5), channel: .board), ScoreInput(key(1, 1, 0), .score(5), channel: .board)]))
        #expect(throws: DomainError.revoteAlreadyHeld) { try value.applying(.startRevote([cell])) }
        let first = try #require(value.firstRound?.results)
        #expect(first.ranking == roundOne.ranking && first.cells == roundOne.cells, "round 1 is kept as it was")
        let shifts = value.revoteShifts(current: value.results, firstRound: first)
        #expect(shifts.count == 1 && shifts[0].before.values == [1, 5] && shifts[0].after.values == [5, 5])
        #expect(shifts[0].shift(.mean) == 2 && shifts[0].after.sd == 0)
        #expect(value.results.ranking.first?.idea == IdeaID(1) && roundOne.ranking.first?.idea == IdeaID(3), "the ranking changed")
    }
    @Test func roundOneStaysAsRecordedWhenSomeoneLeavesOrJoinsDuringTheRevote() throws {
        var value = session(criteria, participants: ["An", "Bo", "Cas"],
                            table: [[[1, 3], [3, 3], [4, 3]], [[5, 3], [3, 3], [4, 3]], [[1, 3], [3, 3], [2, 3]]])
        value.status = .revealed
        let roundOne = value.results
        let cell = SessionCell(idea: IdeaID(1), criterion: 0)
        value = try value.applying(.startRevote([cell]))
        value = try value.applying(.excludeParticipant("Cas", reason: "moest weg"))
        value = try value.applying(.addParticipant("Dirk"))
        value = try value.applying(.enter([ScoreInput(key(0, 1, 0), .score(4), channel: .board), ScoreInput(key(1, 1, 0), .score(4), channel: .board),
                                           ScoreInput(key(3, 1, 0), .score(5), channel: .board)]))
        let first = try #require(value.firstRound)
        #expect(first.results.cells == roundOne.cells && first.results.ranking == roundOne.ranking,
                "Cas still counts in round 1 and Dirk, who joined later, does not")
        #expect(first.results.participantsTotal == 3 && first.excluded.isEmpty)
        #expect(value.results.cells[0].values == [4, 4, 5], "round 2: An, Bo and Dirk; Cas left")
        #expect(value.revote?.excludedDuringRevote(2) == true, "the minutes say Cas left during the re-vote")
        var before = session(criteria, participants: ["An", "Bo", "Cas"])
        before = try before.applying(.excludeParticipant("Cas", reason: "ziek"))
        before = try before.applying(.startRevote([cell]))
        #expect(before.revote?.excludedDuringRevote(2) == false, "left before round 1 ended: out of both rounds")
    }

    @Test func anIdeaWithoutAnyScoreHasNoRank() throws {
        var value = session(criteria, table: [[[4, 3], [2, 3], []], [[5, 3], [1, 3], []]])
        for participant in 0..<2 {
            for criterion in 0..<2 { value.abstentions.insert(key(participant, 3, criterion)) }
        }
        let result = value.results
        #expect(result.ranking.map(\.idea) == [IdeaID(1), IdeaID(2), IdeaID(3)])
        #expect(result.ranking.map(\.rankLabel) == ["1", "2", "—"], "everyone abstained on #3: no rank, no tie with anyone")
        #expect(result.ranking.map(\.unscored) == [false, false, true])
        #expect(!result.sensitivity.top.contains(IdeaID(3)))
        let nobody = session(criteria)
        #expect(nobody.results.ranking.allSatisfy { $0.unscored && $0.rankLabel == "—" }, "no scores at all: nobody ranks 1=")
    }
}
