import Domain

/// The new-idea and edit-idea form.
public struct FormState: Equatable, Sendable {
    /// What saving the form does.
    public enum Purpose: Equatable, Sendable {
        case create
        case edit(IdeaID)
    }

    /// The form's fields, in Tab order.
    public enum Field: Int, CaseIterable, Sendable {
        case title, description, theme, tags, source, submitter

        public var label: StringKey {
            switch self {
            case .title: .fieldTitle
            case .description: .fieldDescription
            case .theme: .fieldTheme
            case .tags: .fieldTags
            case .source: .fieldSource
            case .submitter: .fieldSubmitter
            }
        }
    }

    /// The choices of the source field, in cycling order.
    public static let sourceChoices: [IdeaSource?] = [nil] + IdeaSource.allCases.map { Optional($0) }

    public var purpose: Purpose
    public var texts: [Field: TextField]
    public var sourceIndex: Int
    public var focus: Field
    /// Where Esc or a save returns to.
    public var returnToDetail: Bool
    /// The latest refusal, shown in the form.
    public var error: String?
    /// The fields as loaded for an edit: what "changed elsewhere meanwhile" is measured against.
    public var base: IdeaFields?
    /// Existing ideas whose title looks like the one typed: likely duplicates.
    public var duplicates: [IdeaSummary] = []

    public init(purpose: Purpose, fields: IdeaFields = IdeaFields(title: ""), returnToDetail: Bool = false) {
        self.purpose = purpose
        texts = [
            .title: TextField(fields.title),
            .description: TextField(fields.description.replacingAll("\n", with: " ")),
            .theme: TextField(fields.theme),
            .tags: TextField(fields.tags.joined(separator: ", ")),
            .submitter: TextField(fields.submitter ?? ""),
        ]
        sourceIndex = Self.sourceChoices.firstIndex(of: fields.source) ?? 0
        if case .edit = purpose { base = fields }
        focus = .title
        self.returnToDetail = returnToDetail
    }

    public var source: IdeaSource? { Self.sourceChoices[sourceIndex] }

    /// The fields as typed, not yet validated.
    public var fields: IdeaFields {
        IdeaFields(
            title: texts[.title]?.text ?? "",
            description: texts[.description]?.text ?? "",
            source: source,
            submitter: texts[.submitter]?.text,
            theme: texts[.theme]?.text ?? "",
            tags: IdeaFields.parseTagList(texts[.tags]?.text ?? "")
        )
    }
}
