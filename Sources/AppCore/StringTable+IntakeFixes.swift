import Domain

extension Strings {
    /// Texts added by the fixes after the Dutch review of the inbox, case notes and council report at 80×24, in English.
    static let englishIntakeFixes: [StringKey: String] = [
        .undoBarrierAccept: "Accepting {1} cannot be undone: nothing before it is undone either",
        .undoBarrierDecline: "Declining {1} cannot be undone: nothing before it is undone either",
        .undoBarrierReply: "Recording the reply to {1} cannot be undone here: nothing before it is undone either",
    ]

    /// Texts added by the fixes after the Dutch review of the inbox, case notes and council report at 80×24, in Dutch.
    static let dutchIntakeFixes: [StringKey: String] = [
        .undoBarrierAccept: "Aannemen van {1} kan niet ongedaan worden gemaakt; wat ervoor kwam dus ook niet",
        .undoBarrierDecline: "Afwijzen van {1} kan niet ongedaan worden gemaakt; wat ervoor kwam dus ook niet",
        .undoBarrierReply: "Antwoord aan {1} kan hier niet ongedaan worden gemaakt; wat ervoor kwam dus ook niet",
    ]
}
