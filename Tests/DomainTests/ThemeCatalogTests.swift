import Domain
import Testing

@Suite("Themes")
struct ThemeCatalogTests {
    let fixed = ThemeCatalog(fixed: ["Armoede en schulden", " Jeugd en gezin ", "", "Eenzaamheid"])

    @Test func aFixedListGivesTheListedSpellingAndRefusesTheRest() throws {
        #expect(fixed.fixed == ["Armoede en schulden", "Jeugd en gezin", "Eenzaamheid"])
        #expect(try fixed.canonical("jeugd EN gezin ") == "Jeugd en gezin")
        #expect(try fixed.canonical("eenzaamheid") == "Eenzaamheid")
        #expect(try fixed.canonical("") == "", "an idea may have no theme yet")
        #expect(throws: DomainError.unknownTheme("Jeugd", allowed: ["Armoede en schulden", "Jeugd en gezin", "Eenzaamheid"])) {
            try fixed.canonical("Jeugd")
        }
        #expect(try ThemeCatalog.open.canonical(" Wijk ") == "Wijk")
    }

    @Test func suggestionsStartWithWhatWasTypedThenContainIt() {
        let themes = ["Armoede en schulden", "Jeugd en gezin", "Werk en participatie", "Zorg en ondersteuning"]
        #expect(ThemeCatalog.suggestions(for: "je", among: themes) == ["Jeugd en gezin"])
        #expect(ThemeCatalog.suggestions(for: "EN", among: themes) == themes, "contained, any case")
        #expect(ThemeCatalog.suggestions(for: "w", among: themes).first == "Werk en participatie", "starting first")
        #expect(ThemeCatalog.suggestions(for: "Jeugd en gezin", among: themes).isEmpty, "typed in full: nothing to add")
        #expect(ThemeCatalog.suggestions(for: "", among: themes, limit: 2) == ["Armoede en schulden", "Jeugd en gezin"])
    }

    @Test func withoutAListTheThemesInUseAreOffered() {
        #expect(ThemeCatalog.open.offered(known: ["Wijk", "", "wijk", "Armoede"]) == ["Armoede", "Wijk"])
        #expect(fixed.offered(known: ["Wijk"]) == ["Armoede en schulden", "Jeugd en gezin", "Eenzaamheid"])
    }
}
