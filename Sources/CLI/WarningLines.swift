/// Warning lines gathered while a long operation runs: the first `Warnings.limit` kept, the rest only counted, so an
/// import of any size prints exactly what `Warnings.print` prints for the whole list.
struct WarningLines {
    private(set) var kept: [String] = []
    private(set) var total = 0

    /// Whether as many lines are kept as are printed: later ones need only be counted (`count(_:)`).
    var isFull: Bool { kept.count >= Warnings.limit }

    /// Counts lines that will not be printed, without making them.
    mutating func count(_ lines: Int) {
        total += lines
    }

    mutating func add(_ lines: [String]) {
        total += lines.count
        kept += lines.prefix(max(0, Warnings.limit - kept.count))
    }
}
