/// How an idea from outside the team came in and was answered: its inbox state, who gets a reply and whether they got it.
public struct Intake: Equatable, Sendable, Codable {
    public var ideaID: IdeaID
    /// The day the idea arrived (the triage deadline counts from it).
    public var receivedOn: DayDate
    public var status: IntakeStatus
    /// The day it was accepted, merged or declined.
    public var triagedOn: DayDate?
    /// Why it was declined (only when declined).
    public var declineReason: String?
    /// Who gets a reply and how (an e-mail address, "via wijkteam Noord" …): may be personal data, may be empty.
    public var replyTo: String?
    /// The day the reply was sent; nil while it is owed.
    public var replySentOn: DayDate?

    public init(
        ideaID: IdeaID, receivedOn: DayDate, status: IntakeStatus = .inbox, triagedOn: DayDate? = nil, declineReason: String? = nil,
        replyTo: String? = nil, replySentOn: DayDate? = nil
    ) {
        self.ideaID = ideaID
        self.receivedOn = receivedOn
        self.status = status
        self.triagedOn = triagedOn
        self.declineReason = declineReason
        self.replyTo = replyTo
        self.replySentOn = replySentOn
    }

    /// Days within which an idea is triaged and its submitter answered, when config.toml does not say (`triage-days`).
    public static let defaultTriageDays = 14

    /// The last day on which triage and the reply are on time: the day received plus `triageDays`.
    public func answerDue(triageDays: Int) -> DayDate { receivedOn.adding(days: triageDays) }

    /// Whether the idea still waits in the inbox after its answer deadline (due day itself is still on time).
    public func isTriageOverdue(today: DayDate, triageDays: Int) -> Bool {
        status == .inbox && answerDue(triageDays: triageDays) < today
    }

    /// Whether the reply is still owed after the answer deadline.
    public func isReplyOverdue(today: DayDate, triageDays: Int) -> Bool {
        replySentOn == nil && answerDue(triageDays: triageDays) < today
    }

    /// Whether it was triaged (accepted, merged or declined) by the answer deadline; nil while still in the inbox.
    public func triagedInTime(triageDays: Int) -> Bool? {
        guard status != .inbox, let triagedOn else { return nil }
        return !(answerDue(triageDays: triageDays) < triagedOn)
    }

    /// The intake after one triage or reply step taken on `today`, or the rule it breaks.
    public func applying(_ step: IntakeStep, today: DayDate) throws(DomainError) -> Intake {
        var next = self
        switch step {
        case .accept:
            guard status == .inbox else { throw .notInInbox(ideaID, status: status.rawValue) }
            next.status = .accepted
            next.triagedOn = today
        case .decline(let reason):
            guard status == .inbox else { throw .notInInbox(ideaID, status: status.rawValue) }
            let clean = TextSanitizer.multiLine(reason).trimmingCharactersInWhitespace()
            guard !clean.isEmpty else { throw .declineNeedsReason }
            try TextLimit.check(clean, field: "reason", limit: TextLimit.text)
            next.status = .declined
            next.triagedOn = today
            next.declineReason = clean
        case .merged:
            guard status == .inbox else { return self }
            next.status = .merged
            next.triagedOn = today
        case .replyTo(let contact):
            let clean = contact.map { TextSanitizer.singleLine($0).trimmingCharactersInWhitespace() }
            try TextLimit.check(clean ?? "", field: "contact", limit: TextLimit.line)
            next.replyTo = clean?.isEmpty == false ? clean : nil
        case .replySent(let day):
            if let day, day < receivedOn || today < day { throw .replyDayOutside(day, received: receivedOn, today: today) }
            next.replySentOn = day
        }
        return next
    }
}
