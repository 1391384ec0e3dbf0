/// One line of the reply list: an idea from outside the team and the answer its submitter is owed or got.
public struct ReplyLine: Equatable, Sendable {
    public var id: IdeaID
    public var title: String
    public var source: IdeaSource?
    public var status: IntakeStatus
    public var receivedOn: DayDate
    /// The answer deadline: received plus `triage-days`.
    public var due: DayDate
    public var sentOn: DayDate?
    /// Past the deadline without a reply.
    public var overdue: Bool
    /// Who gets the reply; nil unless contacts were asked for (personal data).
    public var contact: String?

    public init(
        id: IdeaID, title: String, source: IdeaSource?, status: IntakeStatus, receivedOn: DayDate, due: DayDate, sentOn: DayDate?,
        overdue: Bool, contact: String?
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.status = status
        self.receivedOn = receivedOn
        self.due = due
        self.sentOn = sentOn
        self.overdue = overdue
        self.contact = contact
    }

    /// The reply list: owed replies first (earliest deadline first), then sent ones (latest first); ties by id.
    /// Contacts are left out unless `withContacts`.
    public static func list(
        _ intakes: [Intake], titles: [IdeaID: (String, IdeaSource?)], today: DayDate, triageDays: Int, withContacts: Bool
    ) -> [ReplyLine] {
        let lines = intakes.map { intake in
            let (title, source) = titles[intake.ideaID] ?? ("", nil)
            return ReplyLine(
                id: intake.ideaID, title: title, source: source, status: intake.status, receivedOn: intake.receivedOn,
                due: intake.answerDue(triageDays: triageDays), sentOn: intake.replySentOn,
                overdue: intake.isReplyOverdue(today: today, triageDays: triageDays),
                contact: withContacts ? intake.replyTo : nil)
        }
        let owed = lines.filter { $0.sentOn == nil }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        let sent = lines.filter { $0.sentOn != nil }.sorted { ($1.sentOn!, $0.id) < ($0.sentOn!, $1.id) }
        return owed + sent
    }
}
