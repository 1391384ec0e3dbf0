/// The test card that opens an experiment: what we believe, how we test it, what we measure, when we are right.
public struct TestCard: Equatable, Sendable, Codable {
    /// "We believe that …"
    public var hypothesis: String
    /// "To verify that, we will …"
    public var action: String
    /// "And measure …"
    public var metric: String
    /// "We are right if …"
    public var successCriterion: String
    /// The bounds that make it safe enough to try; nil on cycles started before the gate asked for them.
    public var bounds: SafeBounds?

    public init(hypothesis: String, action: String, metric: String, successCriterion: String, bounds: SafeBounds? = nil) {
        self.hypothesis = hypothesis
        self.action = action
        self.metric = metric
        self.successCriterion = successCriterion
        self.bounds = bounds
    }

    /// The first number in the success criterion ("≥ 30 huishoudens" → 30), drawn as the target line.
    /// A number outside the range of measurements (a 300-digit target) is no target line.
    public var numericTarget: Double? {
        NumberParsing.firstNumber(in: successCriterion).flatMap { NumberKind.measurement.range.contains($0) ? $0 : nil }
    }
}

/// The learning card that closes an experiment.
public struct LearningCard: Equatable, Sendable, Codable {
    /// "We observed …"
    public var observed: String
    /// "We learned …"
    public var learned: String
    /// "Therefore we will …"
    public var therefore: String

    public init(observed: String, learned: String, therefore: String) {
        self.observed = observed
        self.learned = learned
        self.therefore = therefore
    }
}

/// One dated value of a cycle's metric.
public struct MetricMeasurement: Equatable, Sendable, Codable {
    public var date: DayDate
    public var value: Double
    public var note: String

    public init(date: DayDate, value: Double, note: String = "") {
        self.date = date
        self.value = value
        self.note = note
    }
}

/// One experiment cycle: a test card, its measurements, its learning card.
public struct Cycle: Equatable, Sendable, Codable {
    public var number: Int
    public var testCard: TestCard
    public var owner: String
    public var reviewDate: DayDate
    public var measurements: [MetricMeasurement]
    public var learningCard: LearningCard?
    /// The day the experiment started (nil when not known, as in cycles built by hand).
    public var startedOn: DayDate?

    public init(
        number: Int, testCard: TestCard, owner: String, reviewDate: DayDate, measurements: [MetricMeasurement] = [],
        learningCard: LearningCard? = nil, startedOn: DayDate? = nil
    ) {
        self.startedOn = startedOn
        self.number = number
        self.testCard = testCard
        self.owner = owner
        self.reviewDate = reviewDate
        self.measurements = measurements
        self.learningCard = learningCard
    }
}

extension Cycle {
    /// The last day the experiment may run under its bounds; nil without bounds or a known start.
    public var lastAllowedDay: DayDate? {
        guard let startedOn, let bounds = testCard.bounds else { return nil }
        return bounds.lastDay(startedOn: startedOn)
    }
}

/// Why an idea was stopped.
public enum StopCategory: String, CaseIterable, Sendable, Codable {
    case noEffect = "no-effect"
    case notFeasible = "not-feasible"
    case noCapacity = "no-capacity"
    case merged
    case superseded
    case other
}

/// Reading numbers as people type them: `12`, `12.5`, `12,5` (decimal comma), `-3`.
public enum NumberParsing {
    /// The text as one finite number; nil when it is not one (or too large to represent: 300 digits, `inf`, `nan`).
    public static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharactersInWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 400 else { return nil }
        // With both separators the last one is the decimal mark (1.234,5 and 1,234.5); a lone comma is a decimal comma.
        let lastComma = trimmed.lastIndex(of: ",")
        let lastPoint = trimmed.lastIndex(of: ".")
        let normalised: String
        if let lastComma, let lastPoint {
            normalised = lastComma > lastPoint
                ? trimmed.replacingAll(".", with: "").replacingAll(",", with: ".")
                : trimmed.replacingAll(",", with: "")
        } else {
            normalised = trimmed.replacingAll(",", with: ".")
        }
        guard normalised.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }) else { return nil }
        guard let value = Double(normalised), value.isFinite else { return nil }
        return value
    }

    /// Whether the text is written like a number (digits, a sign, separators), whatever its size.
    public static func looksNumeric(_ text: String) -> Bool {
        let trimmed = text.trimmingCharactersInWhitespace()
        return trimmed.contains(where: { $0.isASCII && $0.isNumber })
            && trimmed.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-" || $0 == "+") }
    }

    /// A number as people read it: no needless `.0` (12, 12.5).
    public static func text(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) <= 1e15 ? String(Int64(value)) : String(value)
    }

    /// A number as people read it, with a decimal comma when asked (Dutch: 9,5).
    public static func text(_ value: Double, decimalComma: Bool) -> String {
        let plain = text(value)
        return decimalComma ? plain.replacingAll(".", with: ",") : plain
    }

    /// The first number written in a text, if any.
    public static func firstNumber(in text: String) -> Double? {
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if (character == "." || character == ","), !digits.isEmpty, !digits.contains(".") {
                digits.append(".")
            } else if !digits.isEmpty {
                break
            }
        }
        while digits.hasSuffix(".") { digits.removeLast() }
        guard digits.count <= 40, let value = Double(digits), value.isFinite else { return nil }  // no target beyond reason
        return value
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
