import AppCore
import Testing

@Suite("Text fields: a person's own text is never replaced by accident")
struct OwnTextTests {
    @Test func prefilledTextIsSelectedOnEntryButADraftBroughtBackIsNot() {
        var prefilled = TextField("vaste stalling voorstellen")
        prefilled.selectAll()
        prefilled.insert("x")
        #expect(prefilled.text == "x", "typing replaces pre-filled text")

        var restored = TextField()
        restored.restore("Open tafel op woensd")
        restored.selectAll()
        #expect(!restored.selected)
        for character in "ag" { restored.insert(character) }
        #expect(restored.text == "Open tafel op woensdag", "the draft's text is added to, not replaced")

        var typed = TextField()
        for character in "Buurtkamer" { typed.insert(character) }
        typed.selectAll()
        typed.insert("!")
        #expect(typed.text == "Buurtkamer!", "coming back to a field one typed in keeps what was typed")
    }
}
