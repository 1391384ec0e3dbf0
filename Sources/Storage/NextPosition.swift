/// The place after the last card of a column, the same rule on both stores.
enum NextPosition {
    /// One past `highest` (the position of idea `id`, the column's last), or 1 for an empty column; a position at the very
    /// top of the range is a damaged value, named, so positions never wrap around.
    static func after(_ highest: (id: Int64, position: Int64)?) throws -> Int64 {
        guard let highest else { return 1 }
        let (next, overflow) = highest.position.addingReportingOverflow(1)
        if overflow || next > Int64.max / 2 {
            throw StorageError.unreadableValue(table: "idea", record: "#\(highest.id)", field: "position", value: "\(highest.position)")
        }
        return next
    }
}
