/// The words of the portfolio view's figures computed in the background, in both languages.
extension Strings {
    static let englishPortfolio: [StringKey: String] = [
        .portfolioComputing: "The figures are being computed… they appear here when they are ready",
    ]

    static let dutchPortfolio: [StringKey: String] = [
        .portfolioComputing: "De cijfers worden berekend… ze verschijnen hier zodra ze klaar zijn",
    ]
}
