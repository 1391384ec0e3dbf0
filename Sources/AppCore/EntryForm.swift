import Domain

/// What a field of a generic entry form holds.
public enum EntryFieldKey: Hashable, Sendable {
    case gate(GateField)
    case reason
    case date
    case value
    case note
    case who
    case text
    case kind
    /// Case note: what happened, what it shows, whether it may be published.
    case happened
    case shows
    case publishable

    /// The label shown before the field.
    public var label: StringKey {
        switch self {
        case .gate(let field):
            switch field {
            case .hypothesis: .fieldHypothesis
            case .action: .fieldAction
            case .metric: .fieldMetric
            case .success: .fieldSuccess
            case .owner: .fieldOwner
            case .reviewDate: .fieldReviewDate
            case .budget: .fieldBudget
            case .maxDuration: .fieldMaxDuration
            case .harm: .fieldHarm
            case .safeguard: .fieldSafeguard
            case .stopRule: .fieldStopRule
            case .observed: .fieldObserved
            case .learned: .fieldLearned
            case .therefore: .fieldTherefore
            case .category: .fieldCategory
            case .decision: .fieldDecision
            case .proposal: .fieldProposal
            case .responsible: .fieldResponsible
            case .evaluation: .fieldEvaluation
            }
        case .reason: .fieldReason
        case .date: .fieldDate
        case .value: .fieldValue
        case .note: .fieldNote
        case .who: .fieldWho
        case .text: .fieldText
        case .kind: .fieldKind
        case .happened: .fieldHappened
        case .shows: .fieldShows
        case .publishable: .fieldPublishable
        }
    }

    /// The field's name in a draft.
    public var name: String {
        switch self {
        case .gate(let field): field.rawValue
        case .reason: "reason"
        case .date: "date"
        case .value: "value"
        case .note: "note"
        case .who: "who"
        case .text: "text"
        case .kind: "kind"
        case .happened: "happened"
        case .shows: "shows"
        case .publishable: "publishable"
        }
    }
}

/// One field of an entry form: free text, or a choice among fixed values (cycled with ←/→).
public struct EntryField: Equatable, Sendable {
    public var key: EntryFieldKey
    public var text: TextField
    /// The values a choice field cycles through (stored values, not labels); nil for free text.
    public var choices: [String]?
    public var choiceIndex: Int

    public init(_ key: EntryFieldKey, text: String = "", choices: [String]? = nil) {
        self.key = key
        self.text = TextField(text)
        self.choices = choices
        choiceIndex = max(0, choices?.firstIndex(of: text) ?? 0)
    }

    /// The value: the chosen value, or the typed text.
    public var value: String {
        if let choices { return choices.isEmpty ? "" : choices[choiceIndex] }
        return text.text
    }
}

/// The move an entry form or decision screen is gathering a gate for.
public struct GateContext: Equatable, Sendable {
    public var id: IdeaID
    public var title: String
    public var from: Stage
    public var to: Stage

    public init(id: IdeaID, title: String, from: Stage, to: Stage) {
        self.id = id
        self.title = title
        self.from = from
        self.to = to
    }
}

/// A labelled form of a few fields: gate forms, a measurement, an objection, a concern.
public struct EntryForm: Equatable, Sendable {
    /// What saving the form does.
    public enum Purpose: Equatable, Sendable {
        case gate(GateContext)
        case measurement(IdeaID)
        case objection
        case concern
        case resolution(index: Int, ObjectionResolution)
        /// A case note for an idea (refused while it holds personal data).
        case caseNote(IdeaID)
    }

    public var purpose: Purpose
    /// The heading, already in the interface language.
    public var title: String
    public var fields: [EntryField]
    public var focus: Int
    public var error: String?
    /// A note shown in the form from the moment it opens: a WIP limit already reached, or typed work restored.
    public var notice: String?
    /// Names a refused case note was found to hold (from the portfolio's submitters): what Ctrl-K masks besides the
    /// e-mail addresses, phone numbers, BSNs and addresses every text is scanned for.
    public var personalNames: [String] = []
    /// The values the form opened with, by field name: what "has changes" is measured against.
    private var initial: [String: String] = [:]

    public init(purpose: Purpose, title: String, fields: [EntryField]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
        focus = 0
        initial = values
        if !fields.isEmpty { self.fields[0].text.selectAll() }
    }

    /// The value of a field, or "" when the form has no such field.
    public subscript(_ key: EntryFieldKey) -> String {
        fields.first { $0.key == key }?.value ?? ""
    }

    /// The values by field name.
    public var values: [String: String] {
        var result: [String: String] = [:]
        for field in fields { result[field.key.name] = field.value }
        return result
    }

    /// Whether anything differs from how the form opened.
    public var isChanged: Bool { values != initial }

    /// Sets the text (or choice) of a field by key; a field the form lacks is ignored. Pre-filled text in the focused
    /// field is selected unless `selecting` is false.
    public mutating func set(_ key: EntryFieldKey, to text: String, selecting: Bool = true) {
        guard let index = fields.firstIndex(where: { $0.key == key }) else { return }
        if let choices = fields[index].choices {
            fields[index].choiceIndex = choices.firstIndex(of: text) ?? fields[index].choiceIndex
        } else {
            fields[index].text.set(text)
            if selecting, index == focus { fields[index].text.selectAll() }
        }
    }

    /// Which draft this form's typed work is kept in: gate forms only (a measurement is three short fields).
    public var draftSubject: FormDraft.Subject? {
        if case .gate(let context) = purpose { return .gate(context.id, context.to) }
        return nil
    }

    /// The typed work as a draft, for forms that keep one.
    public var draft: FormDraft? { draftSubject.map { FormDraft(subject: $0, fields: values, focus: fields[focus].key.name) } }

    /// Fills the form from a draft: typed work kept from an earlier session.
    public mutating func restore(_ draft: FormDraft) {
        for field in fields {
            guard let value = draft.fields[field.key.name], let index = fields.firstIndex(where: { $0.key == field.key }) else { continue }
            if fields[index].choices != nil { set(field.key, to: value, selecting: false) } else { fields[index].text.restore(value) }
        }
        // Back in the field that was being typed in.
        if let name = draft.focus, let index = fields.firstIndex(where: { $0.key.name == name }) {
            focus = index
            fields[index].text.edit(.cursorEnd)
        }
    }

    /// Whether the focus is on the last field (where Enter saves).
    public var onLastField: Bool { focus == fields.count - 1 }

    /// Moves the focus, selecting the text of the field it enters.
    public mutating func moveFocus(by offset: Int) {
        guard !fields.isEmpty else { return }
        fields[focus].text.edit(.cursorEnd)
        focus = (focus + offset % fields.count + fields.count) % fields.count
        fields[focus].text.selectAll()
    }

    /// The gate fields as a draft for `GateDraft.validated`.
    public var gateDraft: GateDraft {
        var draft = GateDraft()
        for field in fields {
            if case .gate(let gateField) = field.key { draft[gateField] = field.value }
        }
        return draft
    }

    /// Applies a form command (field movement, editing, choice cycling); false when it is not one.
    public mutating func handle(_ command: Command?, key: Key) -> Bool {
        switch command {
        case .nextField?, .advance?:
            moveFocus(by: 1)
        case .previousField?:
            moveFocus(by: -1)
        case .cursorLeft? where fields[focus].choices != nil:
            let count = fields[focus].choices!.count
            fields[focus].choiceIndex = (fields[focus].choiceIndex + count - 1) % max(1, count)
        case .cursorRight? where fields[focus].choices != nil:
            let count = fields[focus].choices!.count
            fields[focus].choiceIndex = (fields[focus].choiceIndex + 1) % max(1, count)
        case let editing? where fields[focus].choices == nil:
            return fields[focus].text.edit(editing)
        case nil:
            guard case .character(let character) = key else { return false }
            if let choices = fields[focus].choices {
                if character == " " { fields[focus].choiceIndex = (fields[focus].choiceIndex + 1) % max(1, choices.count) }
            } else {
                fields[focus].text.insert(character)
            }
        default:
            return false
        }
        return true
    }
}

/// The consent screen: a proposal, its objection round and concerns.
public struct DecisionState: Equatable, Sendable {
    /// What consent leads to.
    public enum Purpose: Equatable, Sendable {
        /// Consent moves the idea (to scaling).
        case gate(GateContext)
        /// A decision recorded on its own, from the detail view.
        case standalone(IdeaID, title: String)
    }

    public var purpose: Purpose
    /// Proposal, responsible, review date, evaluation criteria (and kind or reason).
    public var form: EntryForm
    public var objections: [Objection]
    public var concerns: [Concern]
    /// Whether the objection list, rather than a field, has the focus.
    public var listFocus: Bool
    public var selectedObjection: Int
    /// A small form over the screen: a new objection or concern, or how an objection was resolved.
    public var entry: EntryForm?
    /// The stored decision this screen continues (an open objection round), as it was loaded: the base its save
    /// merges from, so objections recorded elsewhere meanwhile are kept.
    public var existing: ConsentDecision?
    public var error: String?

    public init(purpose: Purpose, form: EntryForm) {
        self.purpose = purpose
        self.form = form
        objections = []
        concerns = []
        listFocus = false
        selectedObjection = 0
    }

    public var ideaID: IdeaID {
        switch purpose {
        case .gate(let context): context.id
        case .standalone(let id, _): id
        }
    }

    /// Whether anything was typed or recorded since the screen opened (fields, objections, concerns).
    public var isChanged: Bool {
        form.isChanged || objections != (existing?.objections ?? []) || concerns != (existing?.concerns ?? [])
            || (entry?.isChanged ?? false)
    }
}
