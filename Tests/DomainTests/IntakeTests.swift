import Domain
import Testing

/// The inbox: the answer deadline, triage steps, decline reasons, the reply list and the CSV rule for the inbox.
@Suite("Domain: intake and replies")
struct IntakeTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> DayDate { DayDate(year: y, month: m, day: d)! }

    @Test func theAnswerDeadlineIsTheDayReceivedPlusTriageDays() {
        // Received on 20 January; 14 days later is 3 February; 11 days cross into March in a leap year.
        let intake = Intake(ideaID: IdeaID(1), receivedOn: Self.day(2028, 1, 20))
        #expect(intake.answerDue(triageDays: 14) == Self.day(2028, 2, 3))
        #expect(Intake(ideaID: IdeaID(1), receivedOn: Self.day(2028, 2, 20)).answerDue(triageDays: 11) == Self.day(2028, 3, 2))
        #expect(Intake(ideaID: IdeaID(1), receivedOn: Self.day(2027, 2, 20)).answerDue(triageDays: 11) == Self.day(2027, 3, 3))
        // On the due day itself it is on time; the day after it is overdue.
        #expect(!intake.isTriageOverdue(today: Self.day(2028, 2, 3), triageDays: 14))
        #expect(intake.isTriageOverdue(today: Self.day(2028, 2, 4), triageDays: 14))
        #expect(!intake.isTriageOverdue(today: Self.day(2028, 2, 4), triageDays: 15), "triage-days moves the deadline")
        let summary = IdeaSummary(id: IdeaID(1), title: "t", theme: "", tags: [], stage: .proposed, position: 1,
                                  inboxSince: Self.day(2028, 1, 20))
        #expect(!summary.isTriageOverdue(today: Self.day(2028, 2, 3), triageDays: 14))
        #expect(summary.isTriageOverdue(today: Self.day(2028, 2, 4), triageDays: 14))
    }

    @Test func triageEndsTheWaitAndOnlyOnce() throws {
        let received = Intake(ideaID: IdeaID(7), receivedOn: Self.day(2026, 11, 1))
        let accepted = try received.applying(.accept(theme: "Eenzaamheid"), today: Self.day(2026, 11, 20))
        #expect(accepted.status == .accepted && accepted.triagedOn == Self.day(2026, 11, 20))
        #expect(!accepted.isTriageOverdue(today: Self.day(2026, 12, 31), triageDays: 14), "a triaged idea is never overdue")
        #expect(accepted.triagedInTime(triageDays: 14) == false, "20 November is after the due day, 15 November")
        #expect(try received.applying(.accept(theme: "x"), today: Self.day(2026, 11, 15)).triagedInTime(triageDays: 14) == true)
        #expect(throws: DomainError.notInInbox(IdeaID(7), status: "accepted")) {
            try accepted.applying(.decline(reason: "toch niet"), today: Self.day(2026, 11, 21))
        }
        let merged = try received.applying(.merged, today: Self.day(2026, 11, 3))
        #expect(merged.status == .merged && merged.triagedOn == Self.day(2026, 11, 3))
    }

    @Test func aDeclineNeedsAReasonAndKeepsIt() throws {
        let received = Intake(ideaID: IdeaID(3), receivedOn: Self.day(2026, 11, 1))
        #expect(throws: DomainError.declineNeedsReason) { try received.applying(.decline(reason: "  \n "), today: Self.day(2026, 11, 2)) }
        let declined = try received.applying(.decline(reason: "  Bestaat al:\u{1B}[31m de meldapp  "), today: Self.day(2026, 11, 2))
        #expect(declined.status == .declined)
        #expect(declined.declineReason == "Bestaat al: de meldapp", "cleaned of escape codes and stray spaces")
    }

    @Test func aReplyContactIsOptionalAndCleaned() throws {
        let received = Intake(ideaID: IdeaID(3), receivedOn: Self.day(2026, 11, 1))
        #expect(try received.applying(.replyTo("  "), today: Self.day(2026, 11, 1)).replyTo == nil)
        #expect(try received.applying(.replyTo(nil), today: Self.day(2026, 11, 1)).replyTo == nil)
        let named = try received.applying(.replyTo(" via wijkteam\tNoord "), today: Self.day(2026, 11, 1))
        #expect(named.replyTo == "via wijkteam Noord")
        let sent = try named.applying(.replySent(Self.day(2026, 11, 9)), today: Self.day(2026, 11, 9))
        #expect(sent.replySentOn == Self.day(2026, 11, 9))
        #expect(!sent.isReplyOverdue(today: Self.day(2027, 1, 1), triageDays: 14))
        #expect(named.isReplyOverdue(today: Self.day(2026, 11, 16), triageDays: 14))
        #expect(!named.isReplyOverdue(today: Self.day(2026, 11, 15), triageDays: 14))
    }

    /// A reply is sent between the day the idea arrived and today, both included.
    @Test func aReplyDayLiesBetweenArrivalAndToday() throws {
        let received = Intake(ideaID: IdeaID(3), receivedOn: Self.day(2026, 11, 1))
        let today = Self.day(2026, 11, 30)
        #expect(throws: DomainError.replyDayOutside(Self.day(2026, 10, 31), received: Self.day(2026, 11, 1), today: today)) {
            try received.applying(.replySent(Self.day(2026, 10, 31)), today: today)
        }
        #expect(throws: DomainError.replyDayOutside(Self.day(2026, 12, 1), received: Self.day(2026, 11, 1), today: today)) {
            try received.applying(.replySent(Self.day(2026, 12, 1)), today: today)
        }
        #expect(try received.applying(.replySent(Self.day(2026, 11, 1)), today: today).replySentOn == Self.day(2026, 11, 1))
        #expect(try received.applying(.replySent(today), today: today).replySentOn == today)
    }

    @Test func theReplyListPutsOwedRepliesFirstAndLeavesContactsOut() {
        let intakes = [
            Intake(ideaID: IdeaID(1), receivedOn: Self.day(2026, 11, 10), replyTo: "a@voorbeeld.nl"),
            Intake(ideaID: IdeaID(2), receivedOn: Self.day(2026, 10, 1), status: .accepted, replyTo: "via wijkteam",
                   replySentOn: Self.day(2026, 10, 5)),
            Intake(ideaID: IdeaID(3), receivedOn: Self.day(2026, 11, 1), status: .declined, declineReason: "dubbel"),
            Intake(ideaID: IdeaID(4), receivedOn: Self.day(2026, 10, 20), status: .accepted, replySentOn: Self.day(2026, 10, 30)),
        ]
        let titles: [IdeaID: (String, IdeaSource?)] = [IdeaID(1): ("Een", .resident), IdeaID(2): ("Twee", .partner),
                                                       IdeaID(3): ("Drie", .professional), IdeaID(4): ("Vier", nil)]
        let today = Self.day(2026, 11, 20)
        let lines = ReplyLine.list(intakes, titles: titles, today: today, triageDays: 14, withContacts: false)
        // Owed: #3 due 15 Nov (overdue), #1 due 24 Nov; sent: #4 on 30 Oct, then #2 on 5 Oct.
        #expect(lines.map(\.id) == [IdeaID(3), IdeaID(1), IdeaID(4), IdeaID(2)])
        #expect(lines.map(\.due) == [Self.day(2026, 11, 15), Self.day(2026, 11, 24), Self.day(2026, 11, 3), Self.day(2026, 10, 15)])
        #expect(lines.map(\.overdue) == [true, false, false, false])
        #expect(lines.allSatisfy { $0.contact == nil })
        let withContacts = ReplyLine.list(intakes, titles: titles, today: today, triageDays: 14, withContacts: true)
        #expect(withContacts.map(\.contact) == [nil, "a@voorbeeld.nl", nil, "via wijkteam"])
    }

    @Test func csvRowsWithoutAStageLandInTheInbox() throws {
        let csv = """
            titel;omschrijving;bron;fase;contact;ontvangen
            Speelplek Oosterpark;Toegankelijk speeltoestel;inwoner;;via wijkteam Oost;03-11-2026
            Buurtkamer;;professional;experiment;;
            Repaircafé;;partner;;;
            """
        let drafts = try IdeaImport.csv(csv).get()
        #expect(drafts.map(\.inbox) == [true, false, true])
        #expect(drafts[0].replyTo == "via wijkteam Oost" && drafts[0].receivedOn == Self.day(2026, 11, 3))
        #expect(drafts[2].replyTo == nil && drafts[2].receivedOn == nil)
        let bad = IdeaImport.csv("title,received\nEen,gisteren\n")
        guard case .failure(let failure) = bad else {
            Issue.record("a date that is not one must be refused")
            return
        }
        #expect(failure.problems.map(\.field) == ["received"])
    }

    @Test func aLocalChallengeNeedsANameAndIsCleaned() throws {
        #expect(throws: DomainError.challengeNeedsName) { try LocalChallenge(name: " \u{1B}[0m ").validated() }
        let clean = try LocalChallenge(name: "  Armoede en schulden ", summary: " Minder schulden\n", dataSource: "  ").validated()
        #expect(clean == LocalChallenge(name: "Armoede en schulden", summary: "Minder schulden", dataSource: nil))
    }
}
