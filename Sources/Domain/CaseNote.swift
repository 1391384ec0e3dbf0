/// A short piece of casework (casuïstiek) linked to an idea and the cycle it ran in: what happened to a resident or a
/// professional and what it shows, written without personal data.
public struct CaseNote: Equatable, Sendable, Codable {
    /// Storage's id; nil before saving.
    public var id: Int64?
    public var idea: IdeaID
    /// The idea's cycle when the note was written (nil: no experiment yet).
    public var cycle: Int?
    public var date: DayDate
    /// What happened.
    public var text: String
    /// What it shows (may be empty).
    public var shows: String
    /// Whether it may leave the team: exports and the council report include only publishable notes.
    public var publishable: Bool

    public init(id: Int64? = nil, idea: IdeaID, cycle: Int?, date: DayDate, text: String, shows: String = "", publishable: Bool = false) {
        self.id = id
        self.idea = idea
        self.cycle = cycle
        self.date = date
        self.text = text
        self.shows = shows
        self.publishable = publishable
    }

    /// The note cleaned, or refused: empty, too long, or still holding personal data of the given people.
    public func validated(names: [String]) throws(DomainError) -> CaseNote {
        var clean = self
        clean.text = TextSanitizer.multiLine(text).trimmingCharactersInWhitespace()
        clean.shows = TextSanitizer.multiLine(shows).trimmingCharactersInWhitespace()
        guard !clean.text.isEmpty else { throw .emptyCase }
        try TextLimit.check(clean.text, field: "text", limit: TextLimit.text)
        try TextLimit.check(clean.shows, field: "shows", limit: TextLimit.text)
        let found = PersonalDataScan.findings(in: clean.text, names: names) + PersonalDataScan.findings(in: clean.shows, names: names)
        guard found.isEmpty else { throw .personalDataInCase(PersonalDataScan.kinds(found)) }
        return clean
    }
}
