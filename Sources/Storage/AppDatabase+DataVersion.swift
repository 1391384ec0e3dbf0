import GRDB

extension AppDatabase {
    /// The data's version: the change counter every write to the portfolio moves on, whoever wrote. Figures computed
    /// for one version hold as long as it stays the same.
    public func dataVersion() throws -> Int64 {
        try read(Self.changeCounter)
    }
}
