/// Where `IdeaImportWriter` puts the rows of an import: one backend per store (`GRDBIdeaImportStorage` writes each row
/// at once into the open SQLite transaction; `PostgresIdeaImportBuffer` keeps them for one transaction at the end).
protocol IdeaImportStorage: AnyObject {
    /// Takes one placed row.
    func write(_ idea: ImportedIdea) throws
}
