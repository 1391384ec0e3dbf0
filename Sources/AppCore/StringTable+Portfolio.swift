/// The words of the board's background work (the portfolio view's figures, the day's backup), in both languages.
extension Strings {
    static let englishPortfolio: [StringKey: String] = [
        .portfolioComputing: "The figures are being computed… they appear here when they are ready",
        .dailyBackupFailed: "The day's backup was not made (your work is saved): {1}",
    ]

    static let dutchPortfolio: [StringKey: String] = [
        .portfolioComputing: "De cijfers worden berekend… ze verschijnen hier zodra ze klaar zijn",
        .dailyBackupFailed: "De dagelijkse back-up is niet gemaakt (uw werk is bewaard): {1}",
    ]
}
