/// Warning lines gathered while a long operation runs: the first `Warnings.limit` kept, the rest only counted, so an
/// import of any size prints exactly what `Warnings.print` prints for the whole list.
struct WarningLines {
    private(set) var kept: [String] = []
    private(set) var total = 0

    mutating func add(_ lines: [String]) {
        total += lines.count
        kept += lines.prefix(max(0, Warnings.limit - kept.count))
    }
}
