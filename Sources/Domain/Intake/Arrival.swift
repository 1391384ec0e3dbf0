/// How an imported idea arrived from outside the team: the day it was sent in and who gets a reply.
public struct Arrival: Equatable, Sendable {
    public var receivedOn: DayDate
    /// Cleaned; personal data.
    public var replyTo: String?

    public init(receivedOn: DayDate, replyTo: String?) {
        self.receivedOn = receivedOn
        self.replyTo = replyTo
    }
}
