/// What a number given by a person or read from a file stands for, and the range it must lie in.
///
/// Every number is checked where it enters: finite (no NaN, no infinity, no 300-digit overflow) and within the
/// range of its kind, so no later sum, scale or conversion to a whole number can overflow or crash.
public enum NumberKind: String, CaseIterable, Sendable {
    /// A measured value of an experiment's metric.
    case measurement
    /// A criterion's weight or a direct percentage.
    case weight
    /// An entry of an AHP pairwise comparison matrix.
    case matrixEntry
    /// A number of days ahead (`due --within`).
    case days
    /// How many ideas a generated data set holds (`demo --ideas`, `bench --ideas`).
    case ideaCount
    /// A WIP limit.
    case wipLimit
    /// Days after which an untouched idea counts as stale (`stale-days`).
    case staleDays
    /// How many anonymous participants a weighing session gets.
    case participants
    /// The lowest or highest score of a criterion's scale.
    case scaleBound

    /// The values this kind accepts.
    public var range: ClosedRange<Double> {
        switch self {
        case .measurement: -1e15...1e15
        case .weight: 0...1_000_000
        case .matrixEntry: 0.001...1_000
        case .days: 0...36_500
        case .ideaCount: 1...100_000
        case .wipLimit: 1...10_000
        case .staleDays: 0...36_500
        case .participants: 1...50
        case .scaleBound: -1_000...1_000
        }
    }

    /// The range as people read it: `0 to 1000000`, `0.001 to 1000`.
    public var bounds: (low: String, high: String) {
        (NumberParsing.text(range.lowerBound), NumberParsing.text(range.upperBound))
    }

    /// The value when it is finite and within range; otherwise the refusal, naming the value as it was given.
    @discardableResult
    public func check(_ value: Double, as given: String? = nil) throws(DomainError) -> Double {
        guard value.isFinite, range.contains(value) else {
            throw .numberOutOfRange(self, given ?? NumberParsing.text(value))
        }
        return value
    }

    /// A whole number within range.
    @discardableResult
    public func check(_ value: Int) throws(DomainError) -> Int {
        guard range.contains(Double(value)) else { throw .numberOutOfRange(self, String(value)) }
        return value
    }

    /// Reads a number as people type it (`12`, `12,5`) and checks it: not a number, not finite or out of range is refused.
    public func parse(_ text: String) throws(DomainError) -> Double {
        guard let value = NumberParsing.number(text) else {
            // Digits that overflow a Double are a number, just far too large.
            if NumberParsing.looksNumeric(text) { throw .numberOutOfRange(self, String(text.prefix(40))) }
            throw .invalidNumber(String(text.prefix(80)))
        }
        return try check(value, as: String(text.trimmingCharactersInWhitespace().prefix(40)))
    }
}
