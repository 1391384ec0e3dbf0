import Domain

/// The new-idea and edit-idea form.
public struct FormState: Equatable, Sendable {
    /// What saving the form does.
    public enum Purpose: Equatable, Sendable {
        case create
        case edit(IdeaID)
    }

    /// The form's fields, in Tab order; the raw value is the field's name in a draft.
    public enum Field: String, CaseIterable, Sendable {
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

        /// The field `offset` places further in Tab order, wrapping around.
        func moved(by offset: Int) -> Field {
            let all = Self.allCases
            let index = all.firstIndex(of: self)!
            return all[(index + offset % all.count + all.count) % all.count]
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
    /// A note shown in the form (typed work restored from a draft).
    public var notice: String?
    /// The fields as loaded for an edit: what "changed elsewhere meanwhile" is measured against.
    public var base: IdeaFields?
    /// Existing ideas whose title looks like the one typed: likely duplicates.
    public var duplicates: [IdeaSummary] = []
    /// The values the form opened with, by field name: what "has changes" is measured against.
    private var initial: [String: String] = [:]

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
        initial = values
        texts[.title]?.selectAll()
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

    /// The typed values by field name (the source by its stored value).
    public var values: [String: String] {
        var result: [String: String] = [:]
        for field in Field.allCases {
            result[field.rawValue] = field == .source ? (source?.rawValue ?? "") : (texts[field]?.text ?? "")
        }
        return result
    }

    /// Whether anything differs from how the form opened.
    public var isChanged: Bool { values != initial }

    /// Moves the focus, selecting the text of the field it enters.
    public mutating func moveFocus(by offset: Int) {
        texts[focus]?.edit(.cursorEnd)
        focus = focus.moved(by: offset)
        texts[focus]?.selectAll()
    }

    /// After an edit was refused because the idea changed elsewhere: what others changed comes in where this form left a
    /// field as it was loaded, what was typed stays, and `current` becomes the base, so the next save knowingly puts what
    /// was typed over the other change.
    public mutating func rebase(on current: IdeaFields) {
        guard let base else { return }
        let shown = FormState(purpose: purpose, fields: base).fields
        let now = FormState(purpose: purpose, fields: current).fields
        let typed = fields
        let (merged, _) = IdeaFields.merge(base: shown, edited: now, current: typed)
        let texts: [(Field, String, String)] = [
            (.title, typed.title, merged.title), (.description, typed.description, merged.description),
            (.theme, typed.theme, merged.theme), (.tags, typed.tags.joined(separator: ", "), merged.tags.joined(separator: ", ")),
            (.submitter, typed.submitter ?? "", merged.submitter ?? ""),
        ]
        for (field, was, becomes) in texts where was != becomes { self.texts[field]?.restore(becomes) }
        if merged.source != typed.source { sourceIndex = Self.sourceChoices.firstIndex(of: merged.source) ?? 0 }
        self.base = current
    }

    /// Which draft this form's typed work is kept in.
    public var draftSubject: FormDraft.Subject {
        switch purpose {
        case .create: .newIdea
        case .edit(let id): .editIdea(id)
        }
    }

    /// The typed work as a draft.
    public var draft: FormDraft { FormDraft(subject: draftSubject, fields: values, base: base, focus: focus.rawValue) }

    /// Fills the form from a draft of the same form: typed work kept from an earlier session (not selected, so the
    /// next key adds to it rather than replacing it).
    public mutating func restore(_ draft: FormDraft) {
        for field in Field.allCases {
            guard let value = draft.fields[field.rawValue] else { continue }
            if field == .source {
                sourceIndex = Self.sourceChoices.firstIndex(of: IdeaSource(rawValue: value)) ?? 0
            } else {
                texts[field]?.restore(value)
            }
        }
        if let base = draft.base { self.base = base }
        // Back in the field that was being typed in, cursor at the end of what was typed there.
        if let name = draft.focus, let field = Field(rawValue: name) {
            focus = field
            texts[field]?.edit(.cursorEnd)
        }
    }
}
