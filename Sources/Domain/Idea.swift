import Foundation

/// An improvement idea with everything the board and the detail view show.
public struct Idea: Equatable, Sendable, Codable, Identifiable {
    public var id: IdeaID
    public var fields: IdeaFields
    public var stage: Stage
    /// Order within the column: lower comes first.
    public var position: Int64
    public var createdAt: Date
    public var updatedAt: Date
    /// When the running experiment or the scaling decision is to be reviewed.
    public var reviewDate: DayDate?
    /// Why it was stopped (only while stopped).
    public var stopCategory: StopCategory?
    /// What was learned before stopping.
    public var stopLearned: String?
    /// How many experiment cycles it has had.
    public var cycleCount: Int

    public init(
        id: IdeaID, fields: IdeaFields, stage: Stage, position: Int64, createdAt: Date, updatedAt: Date,
        reviewDate: DayDate? = nil, stopCategory: StopCategory? = nil, stopLearned: String? = nil, cycleCount: Int = 0
    ) {
        self.id = id
        self.fields = fields
        self.stage = stage
        self.position = position
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.reviewDate = reviewDate
        self.stopCategory = stopCategory
        self.stopLearned = stopLearned
        self.cycleCount = cycleCount
    }

    /// The short form a board card needs.
    public var summary: IdeaSummary {
        IdeaSummary(
            id: id, title: fields.title, theme: fields.theme, tags: fields.tags, stage: stage, position: position,
            reviewDate: reviewDate, cycle: cycleCount)
    }
}

/// The fields of an idea a person types in: what `n` (new) and `e` (edit) change.
public struct IdeaFields: Equatable, Sendable, Codable {
    public var title: String
    public var description: String
    public var source: IdeaSource?
    /// Name or contact of the person who brought the idea: personal data.
    public var submitter: String?
    /// The local challenge (lokale opgave) the idea serves; empty when not yet tagged.
    public var theme: String
    public var tags: [String]

    public init(
        title: String, description: String = "", source: IdeaSource? = nil, submitter: String? = nil,
        theme: String = "", tags: [String] = []
    ) {
        self.title = title
        self.description = description
        self.source = source
        self.submitter = submitter
        self.theme = theme
        self.tags = tags
    }

    /// Longest title accepted, in characters.
    public static let titleLimit = 200

    /// The fields cleaned of control characters and stray spaces, or an error when the title is unusable.
    public func validated() throws(DomainError) -> IdeaFields {
        let cleanTitle = TextSanitizer.singleLine(title).trimmingCharactersInWhitespace()
        guard cleanTitle.unicodeScalars.contains(where: TextSanitizer.isVisible) else { throw .emptyTitle }
        guard cleanTitle.count <= Self.titleLimit else { throw .titleTooLong(limit: Self.titleLimit) }
        let cleanSubmitter = submitter.map { TextSanitizer.singleLine($0).trimmingCharactersInWhitespace() }
        let clean = IdeaFields(
            title: cleanTitle,
            description: TextSanitizer.multiLine(description).trimmingCharactersInWhitespace(),
            source: source,
            submitter: cleanSubmitter?.isEmpty == false ? cleanSubmitter : nil,
            theme: TextSanitizer.singleLine(theme).trimmingCharactersInWhitespace(),
            tags: Self.normalisedTags(tags)
        )
        try TextLimit.check(clean.description, field: "description", limit: TextLimit.description)
        try TextLimit.check(clean.theme, field: "theme", limit: TextLimit.line)
        try TextLimit.check(clean.submitter ?? "", field: "submitter", limit: TextLimit.line)
        guard clean.tags.count <= TextLimit.tags else { throw .textTooLong(field: "tags", limit: TextLimit.tags) }
        for tag in clean.tags { try TextLimit.check(tag, field: "tag", limit: TextLimit.line) }
        return clean
    }

    /// Tags trimmed, cleaned, without empties and duplicates, in first-seen order.
    public static func normalisedTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in tags {
            let clean = TextSanitizer.singleLine(tag).trimmingCharactersInWhitespace()
            if !clean.isEmpty, seen.insert(clean.lowercased()).inserted { result.append(clean) }
        }
        return result
    }

    /// Merges an edit made on `base` into `current`: the edit's changes win where only it changed a field;
    /// the names of fields both changed differently are returned as conflicts.
    public static func merge(base: IdeaFields, edited: IdeaFields, current: IdeaFields) -> (IdeaFields, conflicts: [String]) {
        var merged = current
        var conflicts: [String] = []
        func field<T: Equatable>(_ name: String, _ path: WritableKeyPath<IdeaFields, T>) {
            ThreeWay.field(name, path, base: base, edited: edited, into: &merged, conflicts: &conflicts)
        }
        field("title", \.title)
        field("description", \.description)
        field("source", \.source)
        field("submitter", \.submitter)
        field("theme", \.theme)
        field("tags", \.tags)
        return (merged, conflicts)
    }

    /// Splits a comma-separated tag list as typed in a form.
    public static func parseTagList(_ text: String) -> [String] {
        normalisedTags(text.split(separator: ",").map(String.init))
    }
}

/// What a board card shows: read for every idea, so it stays small.
public struct IdeaSummary: Equatable, Sendable, Identifiable {
    public var id: IdeaID
    public var title: String
    public var theme: String
    /// The tags as searchable text (space separated); kept as text so loading 10,000 cards stays cheap.
    public var tagText: String
    /// The tags, split from `tagText`.
    public var tags: [String] { tagText.isEmpty ? [] : tagText.split(separator: "\u{1F}").map(String.init) }
    public var stage: Stage
    public var position: Int64
    /// Review date of the running experiment or scaling decision, for the overdue badge.
    public var reviewDate: DayDate?
    /// Current cycle number (0: never experimented).
    public var cycle: Int
    /// Score and rank from the latest closed weighing session, if any.
    public var weighing: WeighingBadge?
    /// The last day the running experiment may run under its bounds (its start plus its maximum duration).
    public var lastAllowedDay: DayDate?
    /// The day it arrived, while it waits in the inbox for triage (nil once triaged, or when it never came in from outside).
    public var inboxSince: DayDate?

    /// A summary whose tags are already joined with U+001F (what storage reads for the board).
    public init(
        id: IdeaID, title: String, theme: String, tagText: String, stage: Stage, position: Int64,
        reviewDate: DayDate?, cycle: Int, weighing: WeighingBadge?, lastAllowedDay: DayDate? = nil, inboxSince: DayDate? = nil
    ) {
        self.init(id: id, title: title, theme: theme, tags: [], stage: stage, position: position, reviewDate: reviewDate,
                  cycle: cycle, weighing: weighing, inboxSince: inboxSince)
        self.tagText = tagText
        self.lastAllowedDay = lastAllowedDay
    }

    public init(
        id: IdeaID, title: String, theme: String, tags: [String], stage: Stage, position: Int64,
        reviewDate: DayDate? = nil, cycle: Int = 0, weighing: WeighingBadge? = nil, inboxSince: DayDate? = nil
    ) {
        self.inboxSince = inboxSince
        self.id = id
        self.title = title
        self.theme = theme
        tagText = tags.joined(separator: "\u{1F}")
        self.stage = stage
        self.position = position
        self.reviewDate = reviewDate
        self.cycle = cycle
        self.weighing = weighing
    }

    /// Whether the review date has passed while the idea is still running.
    public func isOverdue(today: DayDate) -> Bool {
        guard let reviewDate, stage != .stopped, stage != .proposed else { return false }
        return reviewDate < today
    }

    /// Whether the running experiment has gone past its maximum duration (started + maximum duration < today).
    public func isPastMaxDuration(today: DayDate) -> Bool {
        guard stage == .experimenting, let lastAllowedDay else { return false }
        return lastAllowedDay < today
    }

    /// Whether it waits in the inbox past its answer deadline (received plus `triageDays`).
    public func isTriageOverdue(today: DayDate, triageDays: Int) -> Bool {
        guard let inboxSince else { return false }
        return inboxSince.adding(days: triageDays) < today
    }
}

/// Case- and accent-insensitive text matching (so "een" finds "één").
public enum TextSearch {
    /// Lowercased, without diacritics.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// What the board's filter looks in for a card: its id, title, theme and tags, folded.
    public static func key(id: IdeaID, title: String, theme: String, tagText: String) -> String {
        fold("\(id) \(title) \(theme) \(tagText)")
    }

    /// The board's filter rule: an already folded text contains every one of the (already folded) words.
    public static func contains(_ folded: String, every words: [Substring]) -> Bool {
        words.allSatisfy { folded.contains($0) }
    }
}

/// The latest weighing result of an idea, shown as a badge on its card.
public struct WeighingBadge: Equatable, Sendable, Codable {
    /// Score in [0, 1].
    public var score: Double
    public var rank: Int

    public init(score: Double, rank: Int) {
        self.score = score
        self.rank = rank
    }
}
