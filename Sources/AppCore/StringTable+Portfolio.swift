/// The words of the board's background work (the portfolio view's figures, the day's backup), in both languages.
extension Strings {
    static let englishPortfolio: [StringKey: String] = [
        .portfolioComputing: "The figures are being computed… they appear here when they are ready",
        .portfolioUpdating: "updating… (figures from before the change)",
        .dailyBackupFailed: "The day's backup was not made (your work is saved): {1}",
        .cliDemoBoardNotEmpty: "The data directory {1} already holds ideas: open it without --demo, or give --demo an empty directory",
        .cliInfoDeclined: "declined",
    ]

    static let dutchPortfolio: [StringKey: String] = [
        .portfolioComputing: "De cijfers worden berekend… ze verschijnen hier zodra ze klaar zijn",
        .portfolioUpdating: "bijwerken… (cijfers van vóór de wijziging)",
        .dailyBackupFailed: "De dagelijkse back-up is niet gemaakt (uw werk is bewaard): {1}",
        .cliDemoBoardNotEmpty: "De gegevensmap {1} bevat al ideeën: open hem zonder --demo, of geef --demo een lege map",
        .cliInfoDeclined: "afgewezen",
    ]
}
