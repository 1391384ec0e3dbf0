/// How one re-voted cell moved between round 1 and round 2.
public struct CellShift: Equatable, Sendable {
    public var cell: SessionCell
    public var before: CellSpread
    public var after: CellSpread

    public init(cell: SessionCell, before: CellSpread, after: CellSpread) {
        self.cell = cell
        self.before = before
        self.after = after
    }

    /// The change of the cell's aggregate (mean or median, as the session aggregates).
    public func shift(_ aggregate: Aggregate) -> Double {
        aggregate == .mean ? after.mean - before.mean : after.median - before.median
    }
}
