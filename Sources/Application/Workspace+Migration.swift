import Storage

extension Workspace {
    /// Copies this whole portfolio, personal data included, into `target` (an empty portfolio, on a PostgreSQL server
    /// for `proeftuin migrate`) in one transaction there, then reads the copy back: its export must be identical, table
    /// by table. `progress` hears how many records were read. Returns the export that was copied.
    public func copy(to target: Workspace, serverName: String, progress: (Int) -> Void) throws -> PortfolioExport {
        let export = try store.exportAll(includePersonal: true, progress: progress)
        do {
            _ = try target.store.importAll(export)
        } catch InterchangeError.serverNotEmpty {
            throw MigrationError.serverNotEmpty(server: serverName)
        } catch PostgresStoreError.serverError(_, "23505", _) {
            // A row with an id the copy brings was written meanwhile: someone started working on the server during the copy.
            throw MigrationError.writtenMeanwhile(server: serverName)
        }
        let copied = try target.store.exportAll(includePersonal: true)
        let tables = Set(export.tables.keys).union(copied.tables.keys).sorted()
        let differing = tables.filter { export.tables[$0] != copied.tables[$0] }
        if export.schema != copied.schema || export.format != copied.format || !differing.isEmpty {
            throw MigrationError.copyDiffers(server: serverName, tables: differing.isEmpty ? ["schema"] : differing)
        }
        return export
    }
}
