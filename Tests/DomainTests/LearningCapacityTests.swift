import Domain
import Foundation
import Testing

/// Each learning-capacity figure on a small portfolio computed by hand (see docs/learning.md for the definitions).
@Suite("Learning capacity, measured")
struct LearningCapacityTests {
    static let today = DayDate(year: 2026, month: 11, day: 30)!

    static func day(_ text: String) -> DayDate { DayDate(parsing: text)! }
    /// Noon UTC of a day; `utcDay` turns it back.
    static func at(_ text: String) -> Date { Date(timeIntervalSince1970: Double(day(text).dayNumber) * 86_400 + 43_200) }
    static let utcDay: @Sendable (Date) -> DayDate = { DayDate(dayNumber: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) }

    static func idea(_ id: Int64, _ source: IdeaSource?, created: String, stage: Stage, learned: String? = nil, cycles: Int = 0) -> Idea {
        Idea(id: IdeaID(id), fields: IdeaFields(title: "idee \(id)", source: source), stage: stage, position: id, createdAt: at(created),
             updatedAt: at(created), stopCategory: stage == .stopped ? .noEffect : nil, stopLearned: learned, cycleCount: cycles)
    }

    static func move(_ id: Int64, _ date: String, to stage: Stage, undo: Bool = false) -> HistoryEntry {
        HistoryEntry(at: at(date), actor: "t", ideaID: IdeaID(id), kind: .moved, reason: "r", before: nil,
                     after: undo ? #"{"stage":"\#(stage.rawValue)","takeBack":"undo"}"# : #"{"stage":"\#(stage.rawValue)"}"#)
    }

    static func cycle(_ number: Int, review: String, measurements: Int, learned: Bool) -> Cycle {
        Cycle(number: number, testCard: TestCard(hypothesis: "h", action: "a", metric: "m", successCriterion: "s"), owner: "o",
              reviewDate: day(review),
              measurements: (0..<measurements).map { MetricMeasurement(date: day("2026-01-01").adding(days: $0), value: Double($0)) },
              learningCard: learned ? LearningCard(observed: "o", learned: "l", therefore: "t") : nil)
    }

    /// A: resident, created 01-05, experiment 02-04 (30 days), learning card 03-16 (40 days), scaled 04-01; review 03-20.
    /// B: professional, created 03-01, experiment 04-10 (40 days), stopped 06-01 with a learning; review 05-15 (late).
    /// C: internal, created 06-01, experiment 06-21 (20 days), learning 08-20 (60 days, review 08-31 on time), a second
    ///    experiment 09-01 still running with review 11-01 (passed, not held).
    /// D: resident, created 10-01, never answered (deadline 10-15 passed). E: partner, created 11-25, still within 14 days.
    /// F: resident, created 05-01, stopped 05-10 with "-" as its learning. G: no source, a move to experimenting undone.
    static let portfolio: [IdeaDetail] = [
        IdeaDetail(idea: idea(1, .resident, created: "2026-01-05", stage: .scaling, cycles: 1),
                   cycles: [cycle(1, review: "2026-03-20", measurements: 3, learned: true)],
                   history: [move(1, "2026-02-04", to: .experimenting), move(1, "2026-03-16", to: .learning), move(1, "2026-04-01", to: .scaling)]),
        IdeaDetail(idea: idea(2, .professional, created: "2026-03-01", stage: .stopped, learned: "te weinig deelnemers", cycles: 1),
                   cycles: [cycle(1, review: "2026-05-15", measurements: 1, learned: false)],
                   history: [move(2, "2026-04-10", to: .experimenting), move(2, "2026-06-01", to: .stopped)]),
        IdeaDetail(idea: idea(3, .internal, created: "2026-06-01", stage: .experimenting, cycles: 2),
                   cycles: [cycle(1, review: "2026-08-31", measurements: 4, learned: true), cycle(2, review: "2026-11-01", measurements: 0, learned: false)],
                   history: [move(3, "2026-06-21", to: .experimenting), move(3, "2026-08-20", to: .learning), move(3, "2026-09-01", to: .experimenting)]),
        IdeaDetail(idea: idea(4, .resident, created: "2026-10-01", stage: .proposed)),
        IdeaDetail(idea: idea(5, .partner, created: "2026-11-25", stage: .proposed)),
        IdeaDetail(idea: idea(6, .resident, created: "2026-05-01", stage: .stopped, learned: "-"),
                   history: [move(6, "2026-05-10", to: .stopped)]),
        IdeaDetail(idea: idea(7, nil, created: "2026-07-01", stage: .proposed),
                   history: [move(7, "2026-07-10", to: .experimenting), move(7, "2026-07-10", to: .proposed, undo: true)]),
    ]

    let capacity = LearningCapacity.measure(portfolio, today: today, triageDays: 14, day: utcDay)

    @Test func experimentsStartedPerQuarterFromTheFirstToToday() {
        // A in Q1; B and C in Q2; C's second cycle in Q3; nothing in Q4; G's undone start does not count.
        #expect(capacity.startsPerQuarter.map { "\($0.quarter)=\($0.count)" } == ["2026 Q1=1", "2026 Q2=2", "2026 Q3=1", "2026 Q4=0"])
    }

    @Test func medianDaysToTheFirstExperimentAndToTheLearningCard() {
        #expect(capacity.medianDaysToFirstExperiment == 30, "A 30, B 40, C 20")
        #expect(capacity.medianDaysToLearningCard == 50, "A 40, C 60; B stopped without one")
    }

    @Test func sharesOfEndedCycles() {
        // Ended: A1 (card, 3 measurements), B1 (no card, 1), C1 (card, 4); C2 still runs.
        #expect(capacity.cyclesWithLearningCard == .init(2, of: 3))
        #expect(capacity.cyclesWithThreeMeasurements == .init(2, of: 3))
        #expect(capacity.cyclesWithLearningCard.percent == 67)
    }

    @Test func stopsThatRecordedWhatWasLearned() {
        #expect(capacity.stopsWithLearning == .init(1, of: 2), "B learned something; F wrote only '-'")
    }

    @Test func reviewsHeldOnTime() {
        // A1 closed 03-16 ≤ 03-20, C1 08-20 ≤ 08-31: on time. B1 06-01 > 05-15: late. C2 review 11-01 passed, not held: late.
        #expect(capacity.reviewsOnTime == .init(2, of: 4))
    }

    @Test func intakeAnsweredWithinTheTriageDeadline() {
        // A 30 days, B 40 days: late. D unanswered past its deadline: late. F answered in 9 days. E still has time; C is internal.
        #expect(capacity.intakeAnsweredInTime == .init(1, of: 4))
        let generous = LearningCapacity.measure(Self.portfolio, today: Self.today, triageDays: 45, day: Self.utcDay)
        #expect(generous.intakeAnsweredInTime == .init(3, of: 4), "with 45 days A and B were in time, D still not")
    }

    /// Through the inbox the answer is the triage, counted from the day received: H received 11-01, accepted 11-15 (the
    /// deadline day, in time); I received 11-01, declined 11-16 (late); J received 11-10, still waiting past 11-24 (late);
    /// K received 11-20, still within its 14 days (not counted). Their moves and sources do not matter.
    @Test func inboxIdeasAreAnsweredWhenTriaged() {
        func arrival(_ id: Int64, received: String, status: IntakeStatus, triaged: String?) -> IdeaDetail {
            var detail = IdeaDetail(idea: Self.idea(id, .internal, created: "2026-01-01", stage: .proposed),
                                    history: [Self.move(id, "2026-01-02", to: .experimenting)])
            detail.intake = Intake(ideaID: IdeaID(id), receivedOn: Self.day(received), status: status, triagedOn: triaged.map(Self.day))
            return detail
        }
        let inbox = [arrival(8, received: "2026-11-01", status: .accepted, triaged: "2026-11-15"),
                     arrival(9, received: "2026-11-01", status: .declined, triaged: "2026-11-16"),
                     arrival(10, received: "2026-11-10", status: .inbox, triaged: nil),
                     arrival(11, received: "2026-11-20", status: .inbox, triaged: nil)]
        let measured = LearningCapacity.measure(inbox, today: Self.today, triageDays: 14, day: Self.utcDay)
        #expect(measured.intakeAnsweredInTime == .init(1, of: 3))
    }

    @Test func anEmptyPortfolioMeasuresNothing() {
        let empty = LearningCapacity.measure([], today: Self.today, triageDays: 14, day: Self.utcDay)
        #expect(empty.startsPerQuarter.isEmpty)
        #expect(empty.medianDaysToFirstExperiment == nil)
        #expect(empty.reviewsOnTime.percent == nil)
    }
}
