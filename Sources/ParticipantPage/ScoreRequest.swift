import Domain
import Foundation

/// One entry sent from a participant's page: the idea, the criterion's index, and a score or an abstention (nil clears
/// the cell). Read from the page's form (`idea=3&criterion=0&score=4`, `score=abstain` abstains, an empty score clears)
/// or from JSON (`{"idea":3,"criterion":0,"score":4}`, `"abstain":true` abstains, `null` clears); anything else is
/// refused as unreadable.
struct ScoreRequest: Equatable, Sendable {
    var idea: IdeaID
    var criterion: Int
    var entry: CellEntry?

    /// Why a body could not be read.
    enum Unreadable: Error, Equatable {
        case malformed
        case unsupportedType
    }

    /// Reads a body of the given content type.
    static func parse(_ body: [UInt8], contentType: String?) throws(Unreadable) -> ScoreRequest {
        let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "application/x-www-form-urlencoded": return try form(body)
        case "application/json": return try json(body)
        default: throw .unsupportedType
        }
    }

    /// `idea=3&criterion=0&score=4`: each field exactly once, whole numbers only.
    static func form(_ body: [UInt8]) throws(Unreadable) -> ScoreRequest {
        guard let text = String(validating: body, as: UTF8.self) else { throw .malformed }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2,
                  let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  let value = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  fields.updateValue(value, forKey: name) == nil else { throw .malformed }
        }
        guard let ideaText = fields["idea"], let idea = IdeaID(parsing: ideaText),
              let criterionText = fields["criterion"], let criterion = wholeNumber(criterionText),
              let scoreText = fields["score"] else { throw .malformed }
        let trimmed = scoreText.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return ScoreRequest(idea: idea, criterion: criterion, entry: nil) }
        if trimmed == "abstain" { return ScoreRequest(idea: idea, criterion: criterion, entry: .abstain) }
        guard let value = wholeNumber(trimmed) else { throw .malformed }
        return ScoreRequest(idea: idea, criterion: criterion, entry: .score(value))
    }

    /// `{"idea":3,"criterion":0,"score":4}`; `"abstain":true` (without a score) abstains; `score` null or absent clears.
    static func json(_ body: [UInt8]) throws(Unreadable) -> ScoreRequest {
        struct Body: Decodable {
            var idea: Int64
            var criterion: Int
            var score: Int?
            var abstain: Bool?
        }
        guard let decoded = try? JSONDecoder().decode(Body.self, from: Data(body)), decoded.idea > 0 else { throw .malformed }
        if decoded.abstain == true {
            guard decoded.score == nil else { throw .malformed }
            return ScoreRequest(idea: IdeaID(decoded.idea), criterion: decoded.criterion, entry: .abstain)
        }
        return ScoreRequest(idea: IdeaID(decoded.idea), criterion: decoded.criterion, entry: decoded.score.map(CellEntry.score))
    }

    /// An optionally signed whole number of at most six digits (scores and indices are small; no overflow).
    private static func wholeNumber(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard (1...6).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
