/// A kind of personal data a case note must not hold.
public enum PersonalDataKind: String, CaseIterable, Sendable, Codable, Hashable {
    case name
    case email = "e-mail"
    case phone
    case bsn
    case address
}
