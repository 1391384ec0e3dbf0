import Domain
import Foundation

/// The reads and writes `ChangeWriter` needs from one store, inside the write transaction the store holds open: each
/// store writes them in its own SQL and driver (`SQLiteChangeStore`, `PostgresChangeStore`), and the writer holds every
/// rule of a change once. Stored values are read strictly: a damaged one is named, never read as a default.
protocol ChangeStore {
    // MARK: Ideas

    /// The idea with this id; nil when there is none.
    func idea(_ id: IdeaID) throws -> Idea?
    /// Inserts a new idea under the next number the store gives out (`idea.id` is ignored); returns it as stored.
    func insertIdea(_ idea: Idea) throws -> Idea
    /// Inserts an idea under its own id (a deleted idea restored).
    func restoreIdea(_ idea: Idea) throws
    /// Writes an idea's row over the stored one.
    func updateIdea(_ idea: Idea) throws
    /// Deletes an idea's row.
    func deleteIdea(_ id: IdeaID) throws
    /// How many records were built on an idea: its cycles, its decisions, ideas merged into it, weighing sessions listing it.
    func dependents(of id: IdeaID) throws -> Int

    // MARK: The board

    /// The WIP limit of a column; nil when it has none.
    func wipLimit(for stage: Stage) throws -> WipLimit?
    /// The ideas of one column of the board (declined ideas left off): what its WIP limit counts.
    func boardCount(of stage: Stage) throws -> Int
    /// Whether the idea was declined at intake (off the board for good).
    func isDeclined(_ id: IdeaID) throws -> Bool
    /// One past the highest position in a column; a position at the very top of the range is a damaged value.
    func nextPosition(in stage: Stage) throws -> Int64

    // MARK: Cycles and measurements

    /// An idea's newest cycle; nil before its first experiment.
    func currentCycle(of id: IdeaID) throws -> CycleRecord?
    /// An idea's cycle with this number; nil when there is none.
    func cycle(of id: IdeaID, number: Int) throws -> CycleRecord?
    /// Inserts a new cycle (the store numbers its row).
    func insertCycle(_ cycle: CycleRecord) throws
    /// Writes a cycle's row over the stored one.
    func updateCycle(_ cycle: CycleRecord) throws
    /// Deletes an idea's cycle with this number.
    func deleteCycle(of id: IdeaID, number: Int) throws
    /// How many measurements a cycle (by row id) holds.
    func measurementCount(inCycle cycleID: Int64) throws -> Int
    /// Inserts a new measurement (the store numbers its row).
    func insertMeasurement(_ measurement: MeasurementRecord) throws
    /// Deletes the newest measurement of a cycle (by row id) equal to this one, if any.
    func deleteNewestMeasurement(_ measurement: MetricMeasurement, inCycle cycleID: Int64) throws

    // MARK: Decisions

    /// The decision with this id; nil when there is none.
    func decision(_ id: DecisionID) throws -> DecisionRecord?
    /// Inserts a decision: without an id under the next number the store gives out, with one under that id (a redo of
    /// a deletion); returns its id.
    func insertDecision(_ decision: DecisionRecord) throws -> DecisionID
    /// Writes a decision's row over the stored one.
    func updateDecision(_ decision: DecisionRecord) throws
    /// Deletes a decision's row.
    func deleteDecision(_ id: DecisionID) throws

    // MARK: The event log

    /// Who made the newest event of these kinds (any kind: nil) on an idea, and when; nil when there is none (or its
    /// kind is one this program does not know).
    func newestNotice(of id: IdeaID, kinds: [EventKind]?) throws -> ChangeNotice?
    /// The before and after snapshots (JSON) of an idea's events that name a submitter.
    func submitterSnapshots(of id: IdeaID) throws -> [String]
    /// Appends a row to the event log under this store's actor and program.
    func appendEvent(idea: IdeaID, kind: EventKind, reason: String?, before: String?, after: String?, at: Date) throws
}
