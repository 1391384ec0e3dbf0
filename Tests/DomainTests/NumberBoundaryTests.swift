import Domain
import Foundation
import PropertyBased
import Testing

/// Numbers given by a person or read from a file: refused unless finite and in range, wherever they enter.
@Suite("Hardening: numbers at the boundary")
struct NumberBoundaryTests {
    @Test func hugeAndNonFiniteNumbersAreRefused() throws {
        let threeHundredDigits = String(repeating: "9", count: 300)
        #expect(NumberParsing.number(threeHundredDigits + "9" + threeHundredDigits) == nil, "overflows to infinity")
        #expect(NumberParsing.number("nan") == nil)
        #expect(NumberParsing.number("inf") == nil)
        #expect(NumberParsing.number("12,5") == 12.5)
        #expect(throws: DomainError.numberOutOfRange(.weight, String(threeHundredDigits.prefix(40)))) { try NumberKind.weight.parse(threeHundredDigits) }
        #expect(throws: DomainError.numberOutOfRange(.weight, "-5")) { try NumberKind.weight.parse("-5") }
        #expect(throws: DomainError.invalidNumber("veel")) { try NumberKind.weight.parse("veel") }
        #expect(throws: DomainError.numberOutOfRange(.measurement, "1e308")) { try NumberKind.measurement.check(1e308, as: "1e308") }
        #expect(throws: DomainError.numberOutOfRange(.days, "99999999")) { try NumberKind.days.check(99_999_999) }
        #expect(throws: DomainError.numberOutOfRange(.ideaCount, "0")) { try NumberKind.ideaCount.check(0) }
        #expect(try NumberKind.weight.parse("40") == 40)
    }

    @Test func weightsMustBeFiniteAndNotNegative() throws {
        let set = CriteriaSet(name: "s", criteria: [Criterion(name: "a", weight: 1), Criterion(name: "b", weight: 1)])
        #expect(throws: DomainError.invalidWeight(-1)) { try set.withWeights([-1, 1]) }
        #expect(throws: DomainError.invalidWeight(.infinity)) { try set.withWeights([.infinity, 1]) }
        #expect(throws: DomainError.numberOutOfRange(.weight, "1e+300")) { try set.withWeights([1e300, 1]) }
        #expect(try set.withWeights([0.25, 0.75]).criteria.map(\.weight) == [0.25, 0.75])
        #expect(throws: DomainError.numberOutOfRange(.scaleBound, "-9000")) {
            try set.adding(Criterion(name: "c", weight: 1, scaleMin: -9000, scaleMax: 5))
        }
        // Weights stored by another tool are normalised without NaN.
        #expect(Weights.normalized([1e308, 1e308]).allSatisfy { $0 == 0.5 })
    }

    @Test func participantsAreACountFromOneToFiftyOrDistinctNames() throws {
        let set = CriteriaSet(name: "s", criteria: [Criterion(name: "a", weight: 1)])
        func session(_ text: String) throws -> WeighingSession {
            try WeighingSession(set: set, ideas: [IdeaID(1)], participants: WeighingSession.participants(from: text), createdAt: Date())
                .validated()
        }
        #expect(throws: DomainError.numberOutOfRange(.participants, "0")) { try session("0") }
        #expect(throws: DomainError.numberOutOfRange(.participants, "51")) { try session("51") }
        #expect(throws: DomainError.numberOutOfRange(.participants, "-3")) { try session("-3") }
        #expect(throws: DomainError.duplicateParticipant("Ann")) { try session("Ann,Ann,Bob") }
        #expect(throws: DomainError.duplicateParticipant("ÉLODIE")) { try session("élodie, ÉLODIE") }
        #expect(try session("3").participants.count == 3)
        #expect(try session("Ann,Bob").participants == ["Ann", "Bob"])
    }

    @Test func ahpShapeErrorsCountRowsAndEntries() {
        #expect(throws: DomainError.invalidMatrix(.rowLength(row: 2, entries: 1, rows: 2))) { try AHP.parseMatrix("1,3;1/3") }
        #expect(throws: DomainError.invalidMatrix(.emptyEntry(row: 1, column: 2))) { try AHP.parseMatrix("1,,3;1/3,1") }
        #expect(throws: DomainError.invalidMatrix(.emptyEntry(row: 2, column: 3))) { try AHP.parseMatrix("1,3;1/3,1,") }
        #expect(throws: DomainError.invalidMatrix(.empty)) { try AHP.parseMatrix(" ; ") }
        #expect(throws: DomainError.numberOutOfRange(.matrixEntry, "5000")) { try AHP.parseMatrix("1,5000;1/5000,1") }
        #expect(throws: DomainError.numberOutOfRange(.matrixEntry, String(repeating: "9", count: 40))) {
            try AHP.parseMatrix("1," + String(repeating: "9", count: 400) + ";1,1")
        }
        #expect((try? AHP.parseMatrix("1,3;1/3,1;")) != nil, "a trailing ';' ends the last row")
    }

    @Test func daysFarAwayStayWithinTheCalendar() {
        let today = DayDate(year: 2026, month: 11, day: 30)!
        #expect(today.adding(days: .max) == DayDate(year: 9999, month: 12, day: 31)!)
        #expect(today.adding(days: .min) == DayDate(year: 1, month: 1, day: 1)!)
        #expect(today.adding(days: 2) == DayDate(year: 2026, month: 12, day: 2)!)
    }

    @Test func targetsBeyondReasonAreNoTargetLine() {
        #expect(TestCard(hypothesis: "", action: "", metric: "", successCriterion: "minstens 30").numericTarget == 30)
        let huge = TestCard(hypothesis: "", action: "", metric: "", successCriterion: "1" + String(repeating: "0", count: 400))
        #expect(huge.numericTarget == nil)
    }

    /// Any text typed as a number: the parsed value is finite and within range, or the text is refused with a domain error.
    @Test func anyTextAsANumberIsInRangeOrRefused() async {
        let pieces = Gen.element(of: ["9", "0", "1", "-", "+", ",", ".", "e", "nan", "inf", String(repeating: "9", count: 310), " ", "½", "٣", "x"])
            .map { $0 ?? "" }
        await propertyCheck(count: 3_000, input: pieces.array(of: 0...12), Gen.element(of: NumberKind.allCases)) { parts, kind in
            guard let kind else { return }
            do {
                let value = try kind.parse(parts.joined())
                #expect(value.isFinite)
                #expect(kind.range.contains(value))
            } catch {
                #expect(error is DomainError)
            }
        }
    }

    /// Any pair of doubles, ±1e308, infinities and NaN included, places a value on a chart without leaving it.
    @Test func chartPositionsNeverLeaveTheChart() async {
        let special: [Double] = [1e308, -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .nan, 0, 1, -1,
                                 .leastNonzeroMagnitude]
        // Any magnitude: a mantissa times a power of ten up to 10^308 (a uniform range that wide would itself overflow).
        let spread = zip(Gen.double(in: -9.99...9.99), Gen.int(in: -320...307)).map { $0 * pow(10, Double($1)) }
        let value = Gen.oneOf(Gen.element(of: special).map { $0 ?? 0 }, spread)
        await propertyCheck(count: 3_000, input: value, value, value) { x, low, high in
            let fraction = ChartScale.fraction(x, low: min(low, high), high: max(low, high))
            #expect(fraction.isFinite && fraction >= 0 && fraction <= 1)
            let step = ChartScale.step(x, low: min(low, high), high: max(low, high), steps: 7)
            #expect((0...7).contains(step))
        }
    }

    /// Random matrix texts never crash the parser; what it accepts is square, positive and within the entry range.
    @Test func anyMatrixTextIsSquareOrRefused() async {
        let pieces = Gen.element(of: ["1", "3", "1/3", "9", "1/9", ",", ";", "", " ", "0", "-1", "1/0", "x", "1e9", "nan"]).map { $0 ?? "" }
        await propertyCheck(count: 2_000, input: pieces.array(of: 0...20)) { parts in
            do {
                let matrix = try AHP.parseMatrix(parts.joined())
                #expect(matrix.allSatisfy { $0.count == matrix.count })
                #expect(matrix.joined().allSatisfy { NumberKind.matrixEntry.range.contains($0) })
                let result = AHP.analyze(matrix)
                #expect(result.weights.allSatisfy { $0.isFinite })
            } catch {
                #expect(error is DomainError)
            }
        }
    }
}
