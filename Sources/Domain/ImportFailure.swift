/// Why an import file was refused as a whole: every problem of every row, so all can be fixed at once.
public struct ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// In file order.
    public var problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) {
        self.problems = problems
    }

    public var description: String {
        "\(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was imported:\n  "
            + problems.map(\.description).joined(separator: "\n  ")
    }
}
