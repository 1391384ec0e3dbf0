import Domain
import Foundation

/// The weighing vocabulary in the interface language: methods, settings, directions and numbers as the room reads them.
extension Strings {
    /// `weighted sum` / `gewogen som`, or TOPSIS.
    public func method(_ method: WeighingMethod) -> String {
        switch method {
        case .weightedSum: self[.weighingMethodWeightedSum]
        case .topsis: "TOPSIS"
        }
    }

    /// The normalisation's name.
    public func normalization(_ normalization: Normalization) -> String {
        switch normalization {
        case .minMax: "min-max"
        case .max: "max"
        case .sum: self[.weighingNormalizationSum]
        case .vector: self[.weighingNormalizationVector]
        }
    }

    /// `mean` / `gemiddelde`, `median` / `mediaan`.
    public func aggregate(_ aggregate: Aggregate) -> String {
        switch aggregate {
        case .mean: self[.weighingAggregateMean]
        case .median: self[.weighingAggregateMedian]
        }
    }

    /// `more is better` / `less is better`.
    public func direction(_ direction: CriterionDirection) -> String {
        switch direction {
        case .benefit: self[.weighingDirectionBenefit]
        case .cost: self[.weighingDirectionCost]
        }
    }

    /// `blind`, `revealed` or `closed` in this language.
    public func sessionStatus(_ status: SessionStatus) -> String {
        switch status {
        case .open: self[.weighingBlind]
        case .revealed: self[.weighingRevealed]
        case .closed: self[.weighingClosed]
        }
    }

    /// The method line: `weighted sum · min-max · mean` (TOPSIS always normalises by vector, so that is left out).
    public func methodLine(_ method: WeighingMethod, _ normalization: Normalization, _ aggregate: Aggregate) -> String {
        method == .topsis
            ? "TOPSIS · \(self.aggregate(aggregate))"
            : "\(self.method(method)) · \(self.normalization(normalization)) · \(self.aggregate(aggregate))"
    }

    /// `1 cell`, `3 cells`.
    public func cells(_ count: Int) -> String {
        count == 1 ? self[.weighingCellsOne] : format(.weighingCellsMany, count)
    }

    /// `1 score`, `3 scores`.
    public func scores(_ count: Int) -> String {
        count == 1 ? self[.cliScoresOne] : format(.cliScoresMany, count)
    }

    /// `1 participant`, `3 participants` / `1 deelnemer`, `3 deelnemers`.
    public func participants(_ count: Int) -> String {
        count == 1 ? self[.cliParticipantsOne] : format(.cliParticipantsMany, count)
    }

    /// `1 criterion`, `3 criteria` / `1 criterium`, `3 criteria`.
    public func criteria(_ count: Int) -> String {
        count == 1 ? self[.cliCriteriaOne] : format(.cliCriteriaMany, count)
    }

    /// A number with `digits` decimals and the language's decimal sign (`0,83` in Dutch).
    public func decimal(_ value: Double, _ digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value == 0 ? 0 : value)
        return language == .nl ? text.replacingAll(".", with: ",") : text
    }

    /// The sensitivity sentence: stable, or which weight changes the top 3.
    public func sensitivity(_ sensitivity: Sensitivity, criteria: [Criterion]) -> String {
        guard let change = sensitivity.changes.first else { return self[.weighingStable] }
        return format(.weighingUnstable, TextSanitizer.singleLine(criteria[change.criterion].name), change.factor > 0 ? "+10 %" : "−10 %")
    }

    /// `Kendall's W 0.74`, with `over 7 of 8` when not every participant who counts could be compared.
    public func agreement(_ result: WeighingResult) -> String {
        guard let w = result.kendallW else { return format(counted(result.kendallParticipants, .weighingAgreementNone, one: .weighingAgreementNoneOne), result.kendallParticipants, result.participantsTotal) }
        if result.kendallParticipants < result.participantsTotal {
            return format(.weighingAgreementOver, decimal(w, 2), result.kendallParticipants, result.participantsTotal)
        }
        return format(.weighingAgreementAll, decimal(w, 2))
    }
}
