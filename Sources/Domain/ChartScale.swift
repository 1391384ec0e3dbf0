/// Places a value between the lowest and highest of a series, for sparklines and charts, without ever producing
/// NaN or a number too large for a whole-number position (values near ±1e308 included).
public enum ChartScale {
    /// Where `value` lies from `low` (0) to `high` (1), clamped; 0.5 when the range is empty or a value is not finite.
    public static func fraction(_ value: Double, low: Double, high: Double) -> Double {
        guard value.isFinite, low.isFinite, high.isFinite, high > low else { return 0.5 }
        // high - low overflows to infinity for ±1e308; the halves never do.
        let span = high - low
        let position = span.isFinite ? (value - low) / span : (value / 2 - low / 2) / (high / 2 - low / 2)
        guard position.isFinite else { return 0.5 }
        return min(1, max(0, position))
    }

    /// The fraction as a whole step from 0 to `steps`.
    public static func step(_ value: Double, low: Double, high: Double, steps: Int) -> Int {
        Int((fraction(value, low: low, high: high) * Double(max(0, steps))).rounded())
    }
}
