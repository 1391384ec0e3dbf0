import Domain
import Testing

@Suite("Case notes: personal data found and masked")
struct PersonalDataScanTests {
    let names = ["Fatima El Amrani", "J. de Vries", "info@buurthuis.nl"]

    func found(_ text: String) -> [String] {
        PersonalDataScan.findings(in: text, names: names).map { "\($0.kind.rawValue): \($0.text)" }
    }

    @Test func namesOfSubmittersWholeOrInPart() {
        #expect(found("Mevrouw El Amrani belde.") == ["name: El Amrani"])
        #expect(found("fatima el amrani kwam langs") == ["name: fatima el amrani"])
        #expect(found("Fátima vertelde het zelf") == ["name: Fátima"], "accents ignored")
        #expect(found("De Vries was er ook") == ["name: De Vries"])
        #expect(found("Amranis broer") == [], "only whole words")
        #expect(found("el en de kwamen") == [], "particles alone are no name")
    }

    @Test func emailAddresses() {
        #expect(found("mail f.el-amrani@gemeente.nl.") == ["e-mail: f.el-amrani@gemeente.nl"])
        #expect(found("zie @gemeente") == [])
    }

    @Test func dutchPhoneNumbers() {
        #expect(found("bel 06-12345678") == ["phone: 06-12345678"])
        #expect(found("bel 06 1234 5678 of +31 6 12345678") == ["phone: 06 1234 5678", "phone: +31 6 12345678"])
        #expect(found("kantoor 020-1234567, Emmen 0591 123456") == ["phone: 020-1234567", "phone: 0591 123456"])
        #expect(found("+31 (0)20 123 4567") == ["phone: +31 (0)20 123 4567"])
        #expect(found("0031 6 12345678") == ["phone: 0031 6 12345678"])
        #expect(found("in 2025 waren er 12 deelnemers") == [])
        #expect(found("06-1234567") == [], "one digit short")
        #expect(found("Bel op 06 - 12345678 of 06/87654321") == ["phone: 06 - 12345678", "phone: 06/87654321"])
        #expect(found("Bel (020) 123 45 67") == ["phone: (020) 123 45 67"], "the bracket goes with the number")
    }

    /// Non-breaking and narrow spaces, full-width and other scripts' digits hide nothing; findings keep the text as written.
    @Test func spacesAndDigitsOfAnyKind() {
        #expect(found("06\u{00A0}87654321") == ["phone: 06\u{00A0}87654321"])
        #expect(found("BSN 123\u{202F}456\u{00A0}782") == ["bsn: 123\u{202F}456\u{00A0}782"])
        #expect(found("\u{FF10}\u{FF16}\u{FF11}\u{FF12}\u{FF13}\u{FF14}\u{FF15}\u{FF16}\u{FF17}\u{FF18}")
                == ["phone: \u{FF10}\u{FF16}\u{FF11}\u{FF12}\u{FF13}\u{FF14}\u{FF15}\u{FF16}\u{FF17}\u{FF18}"])
    }

    @Test func bsnsPassingTheElevenTest() {
        #expect(found("BSN 111222333") == ["bsn: 111222333"])
        #expect(found("BSN 123.456.782") == ["bsn: 123.456.782"])
        #expect(found("dossier 123456789") == [], "fails the eleven test")
    }

    @Test func postcodesWithHouseNumbers() {
        #expect(found("woont op 1234 AB 12") == ["address: 1234 AB 12"])
        #expect(found("adres 2511CV 4a, Den Haag") == ["address: 2511CV 4a"])
        #expect(found("2511 CV, 12") == ["address: 2511 CV, 12"])
        #expect(found("postcode 1234 AB zonder nummer") == ["address: 1234 AB"], "a postcode alone narrows it to a few houses")
        #expect(found("Woont op 1234AB, nr 12") == ["address: 1234AB"])
        #expect(found("5678 en 12 anderen") == [], "a lower-case word after a number is no postcode")
    }

    @Test func maskingReplacesEveryFindingWithItsPlaceholder() {
        let text = "Mevrouw El Amrani (06-12345678, fatima@example.nl) woont op 1234 AB 12, BSN 111222333."
        let findings = PersonalDataScan.findings(in: text, names: names)
        #expect(PersonalDataScan.kinds(findings) == [.name, .phone, .email, .address, .bsn])
        let dutch: (PersonalDataKind) -> String = {
            switch $0 {
            case .name: "[naam]"
            case .email: "[e-mail]"
            case .phone: "[telefoon]"
            case .bsn: "[BSN]"
            case .address: "[adres]"
            }
        }
        #expect(PersonalDataScan.masked(text, findings, placeholder: dutch)
                == "Mevrouw [naam] ([telefoon], [e-mail]) woont op [adres], BSN [BSN].")
    }

    @Test func aCaseNoteIsRefusedUntilMasked() throws {
        let day = DayDate(year: 2026, month: 11, day: 2)!
        let note = CaseNote(idea: IdeaID(1), cycle: 1, date: day, text: "  De Vries kreeg hulp ", shows: "bel 06-12345678")
        #expect(throws: DomainError.personalDataInCase([.name, .phone])) { try note.validated(names: names) }
        let clean = try CaseNote(idea: IdeaID(1), cycle: 1, date: day, text: "  Een vader kreeg hulp ", shows: "").validated(names: names)
        #expect(clean.text == "Een vader kreeg hulp")
        #expect(throws: DomainError.emptyCase) { try CaseNote(idea: IdeaID(1), cycle: nil, date: day, text: " ").validated(names: names) }
    }
}
