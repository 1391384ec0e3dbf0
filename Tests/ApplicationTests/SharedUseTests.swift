import AppCore
import Application
import Domain
import Foundation
import Storage
import Testing

@Suite("Application: several people on one portfolio")
struct SharedUseTests {
    @Test func aColleaguesMeasurementSurvivesTheBoardsUndo() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Fietsmaatjes")).id
        let move = try programs.board.perform(
            .move(MoveRequest(id: id, target: .experimenting, reason: "proberen", gate: TwoPrograms.experimentGate, from: .proposed)))
        try programs.cli.perform(.addMeasurement(id, TwoPrograms.measurement))

        let refused = try #require(refusal { _ = try programs.board.takeBack(move.inverse) })
        #expect(refused.0 == id)
        #expect(refused.2?.kind == .measured)
        #expect(refused.2?.actor == "bert")
        #expect(refused.2?.program == "cli")
        #expect(refused.3, "an undo says that nothing was undone")

        let detail = try programs.board.reader.detail(id)
        #expect(detail.idea.stage == .experimenting, "nothing was undone")
        #expect(detail.cycles.first?.measurements == [TwoPrograms.measurement], "the colleague's measurement is still there")

        let dutch = Strings(.nl).error(.changedSince(id, fields: [], notice: refused.2, undoing: true))
        #expect(dutch.hasPrefix("Niets ongedaan gemaakt: #\(id.rawValue) is sindsdien gewijzigd: gemeten om "))
        #expect(dutch.hasSuffix(" door bert (opdrachtregel), en ongedaan maken zou dat wissen"))
        let english = Strings(.en).refusedTakeBack(.changedSince(id, fields: [], notice: refused.2, undoing: true), redo: true)
        #expect(english.hasPrefix("Nothing redone: #\(id.rawValue) changed since: measured at "))
        #expect(english.hasSuffix("by bert (command line), and redo would overwrite that"))
        let today = Calendar.current.dateComponents([.year, .month, .day], from: refused.2!.at)
        let short = Strings(.en, today: DayDate(year: today.year!, month: today.month!, day: today.day!))
            .error(.changedSince(id, fields: ["title"], notice: refused.2, undoing: false))
        #expect(short.range(of: #"^Nothing saved: #\d+ changed since: measured at \d\d:\d\d by bert \(command line\) \(title\); open it again \(Esc\)"#,
                             options: .regularExpression) != nil, "today's time without its date: \(short)")
    }

    @Test func anUndoneTitleEditKeepsAColleaguesNewerDescription() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Buurtkamer", description: "oud")).id
        let edit = try programs.board.edit(id) { $0.title = "Buurtkamer Noord" }
        try programs.cli.edit(id) { $0.description = "nieuw van collega" }

        _ = try programs.board.takeBack(edit.inverse)
        let fields = try programs.board.reader.idea(id).fields
        #expect(fields.title == "Buurtkamer", "the board's own change is taken back")
        #expect(fields.description == "nieuw van collega", "the colleague's later change stays")
    }

    @Test func anUndoOfAFieldTheColleagueChangedAgainIsRefused() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Buurtkamer")).id
        let edit = try programs.board.edit(id) { $0.title = "Buurtkamer Noord" }
        try programs.cli.edit(id) { $0.title = "Buurtkamer Zuid" }

        let refused = try #require(refusal { _ = try programs.board.takeBack(edit.inverse) })
        #expect(refused.1 == ["title"])
        #expect(refused.2?.kind == .edited)
        #expect(try programs.board.reader.idea(id).fields.title == "Buurtkamer Zuid")
    }

    @Test func anUndoneMoveIsRefusedWhenAColleagueMovedTheIdeaOn() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Kledingbank")).id
        let stop = try programs.board.perform(
            .move(MoveRequest(id: id, target: .stopped, reason: "geen capaciteit", gate: .stop(.noCapacity, learned: "te vroeg"))))
        try programs.cli.move(id, to: .proposed, reason: "nieuwe kans", draft: GateDraft(consent: false), wipOverride: nil)

        let refused = try #require(refusal { _ = try programs.board.takeBack(stop.inverse) })
        #expect(refused.2?.kind == .moved)
        #expect(try programs.board.reader.idea(id).stage == .proposed, "the colleague's move stands")
    }

    @Test func aMoveMadeOnAStaleCardIsRefusedNamingTheOtherMove() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Kledingbank")).id
        try programs.cli.perform(.move(MoveRequest(id: id, target: .stopped, reason: "dubbel", gate: .stop(.merged, learned: "zie #2"))))

        let refused = try #require(refusal {
            _ = try programs.board.perform(.move(MoveRequest(id: id, target: .experimenting, reason: "starten",
                                                             gate: TwoPrograms.experimentGate, from: .proposed)))
        })
        #expect(refused.2?.program == "cli")
        #expect(refused.3 == false)
        #expect(try programs.board.reader.idea(id).stage == .stopped)
    }

    @Test func anUndoneCreationIsRefusedOnceAColleagueBuiltOnTheIdea() throws {
        let programs = try TwoPrograms()
        let created = try programs.board.perform(.create(IdeaFields(title: "Taalmaatjes")))
        let id = try #require(created.focus)
        try programs.cli.edit(id) { $0.theme = "Werk en participatie" }

        let refused = try #require(refusal { _ = try programs.board.takeBack(created.inverse) })
        #expect(refused.2?.kind == .edited)
        #expect(try programs.board.reader.idea(id).fields.theme == "Werk en participatie", "the idea is still there")
    }

    @Test func anUndoneCreationIsRefusedOnceAnotherIdeaWasMergedIntoItOrItWasWeighed() throws {
        let programs = try TwoPrograms()
        let other = try programs.cli.add(IdeaFields(title: "Dubbel")).id
        let created = try programs.board.perform(.create(IdeaFields(title: "Taalmaatjes")))
        let id = try #require(created.focus)
        try programs.cli.merge(other, into: id)
        #expect(refusal { _ = try programs.board.takeBack(created.inverse) } != nil)
        #expect(try programs.board.reader.idea(id).fields.title == "Taalmaatjes")

        let weighed = try programs.board.perform(.create(IdeaFields(title: "Buurtbus")))
        try programs.cli.createCriteriaSet("snel")
        try programs.cli.saveCriteriaSet(try programs.cli.reader.criteriaSet("snel").adding(Criterion(name: "impact", weight: 1)))
        _ = try programs.cli.createSession(WeighingSession(
            set: try programs.cli.reader.criteriaSet("snel"), ideas: [weighed.focus!, id], participants: ["Anne"], createdAt: Date()))
        #expect(refusal { _ = try programs.board.takeBack(weighed.inverse) } != nil, "a session weighs it")
        #expect(try programs.board.reader.idea(weighed.focus!).fields.title == "Buurtbus")
    }

    @Test func anUntouchedCreationIsUndoneAndRedone() throws {
        let programs = try TwoPrograms()
        let created = try programs.board.perform(.create(IdeaFields(title: "Taalmaatjes")))
        let undone = try programs.board.takeBack(created.inverse)
        #expect(try programs.board.reader.summaries().isEmpty)
        _ = try programs.board.takeBack(undone.inverse)
        #expect(try programs.board.reader.summaries().map(\.title) == ["Taalmaatjes"])
    }

    @Test func twoProgramsRecordingTwentyObjectionsEachAtOnceKeepAllForty() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Opschalen")).id
        let decision = try programs.board.propose(ConsentDecision(
            ideaID: id, kind: .scale, proposal: "In alle wijken", responsible: "An", reviewDate: DayDate(year: 2027, month: 6, day: 1)!))
        let writers = [programs.board, programs.cli]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for number in 1...20 {
                do {
                    try writers[writer].amendDecision(decision, .object(Objection(who: "p\(writer)", text: "bezwaar \(number)")))
                } catch {
                    failures.record("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let objections = try programs.board.reader.decision(decision).objections
        #expect(objections.count == 40)
        #expect(Set(objections.map { "\($0.who) \($0.text)" }).count == 40)
    }

    @Test func theBoardsSaveOfAnOpenDecisionKeepsAnObjectionRecordedElsewhere() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Opschalen")).id
        let decisionID = try programs.board.propose(ConsentDecision(
            ideaID: id, kind: .scale, proposal: "In alle wijken", responsible: "An", reviewDate: DayDate(year: 2027, month: 6, day: 1)!,
            objections: [Objection(who: "Bo", text: "te duur")]))
        let loaded = try programs.board.reader.decision(decisionID)
        try programs.cli.amendDecision(decisionID, .object(Objection(who: "Cas", text: "geen draagvlak")))
        var edited = loaded
        edited.objections[0].qualified = false
        edited.outcome = .consented

        #expect(throws: DomainError.openObjections(["Cas"]), "consent is refused while the new objection is unjudged") {
            try programs.board.perform(.saveDecisionFrom(base: loaded, edited: edited))
        }
        edited.outcome = .open
        let saved = try programs.board.perform(.saveDecisionFrom(base: loaded, edited: edited))
        let stored = try programs.board.reader.decision(decisionID)
        #expect(stored.objections.map(\.who) == ["Bo", "Cas"])
        #expect(stored.objections.map(\.qualified) == [false, nil])

        _ = try programs.board.takeBack(saved.inverse)
        #expect(try programs.board.reader.decision(decisionID).objections.map(\.qualified) == [nil, nil],
                "undo takes back the judgement and keeps Cas's objection")
    }

    @Test func criteriaAddedAtOnceByTwoProgramsAreAllKeptAndAStaleWeightingIsRefused() throws {
        let programs = try TwoPrograms()
        try programs.board.createCriteriaSet("waarden")
        let writers = [programs.board, programs.cli]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for number in 1...10 {
                do {
                    try writers[writer].addCriterion(Criterion(name: "c\(writer)-\(number)", weight: 1), to: "waarden")
                } catch {
                    failures.record("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let stored = try programs.board.reader.criteriaSet("waarden")
        #expect(stored.criteria.count == 20)
        #expect(stored.version == 21)

        let seen = stored
        try programs.cli.addCriterion(Criterion(name: "later", weight: 1), to: "waarden")
        #expect(throws: DomainError.criteriaSetChangedSince("waarden", version: 22), "weights worked out on 20 criteria") {
            try programs.board.saveCriteriaSet(try seen.withWeights(Array(repeating: 0.05, count: 20)))
        }
        #expect(try programs.board.reader.criteriaSet("waarden").criteria.map(\.name).last == "later")
    }

    @Test func anObjectionNumberThatDoesNotExistIsRefused() throws {
        let programs = try TwoPrograms()
        let id = try programs.board.add(IdeaFields(title: "Opschalen")).id
        let decision = try programs.board.propose(ConsentDecision(
            ideaID: id, kind: .scale, proposal: "In alle wijken", responsible: "An", reviewDate: DayDate(year: 2027, month: 6, day: 1)!))
        #expect(throws: DomainError.noObjection(3)) { try programs.cli.amendDecision(decision, .judge(number: 3, qualified: true)) }
        #expect(Strings(.nl).error(.noObjection(3)) == "Er is geen bezwaar 3: bekijk de bezwaren van het besluit")
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func record(_ text: String) { lock.withLock { list.append(text) } }
    var all: [String] { lock.withLock { list } }
}
