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
    }

    public var purpose: Purpose
    /// The heading, already in the interface language.
    public var title: String
    public var fields: [EntryField]
    public var focus: Int
    public var error: String?

    public init(purpose: Purpose, title: String, fields: [EntryField]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
        focus = 0
    }

    /// The value of a field, or "" when the form has no such field.
    public subscript(_ key: EntryFieldKey) -> String {
        fields.first { $0.key == key }?.value ?? ""
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
        case .nextField?:
            focus = (focus + 1) % max(1, fields.count)
        case .previousField?:
            focus = (focus + fields.count - 1) % max(1, fields.count)
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
}
