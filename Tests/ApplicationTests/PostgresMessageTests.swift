import AppCore
import Application
import Storage
import Testing

/// A PostgreSQL store's refusals in the user's language, safe for the terminal, never with a password.
@Suite("PostgreSQL messages")
struct PostgresMessageTests {
    @Test func commonConnectionFailuresAreNamedWithWhatToDo() {
        let server = "postgresql://anna@db:5432/portfolio"
        let refused = PostgresStoreError.cannotConnect(server: server, detail: "Connection errors: SingleConnectionFailure(target: "
            + "[IPv4]127.0.0.1/127.0.0.1:1, error: connection reset (error set): Connection refused) (errno: 111))")
        #expect(refused.message(in: Strings(.nl)) == "Geen verbinding met de PostgreSQL-server postgresql://anna@db:5432/portfolio: "
            + "de server weigert de verbinding (draait hij, en klopt de poort?); er is niets gewijzigd")
        #expect(PostgresStoreError.cannotConnect(server: server, detail: "Connect timeout (10 s)").message(in: Strings(.en))
            == "Cannot connect to the PostgreSQL server postgresql://anna@db:5432/portfolio: the server does not answer "
            + "(is the network or VPN there, and is the server running?); nothing was changed")
        #expect(PostgresStoreError.cannotConnect(server: server, detail: "sslUnsupported").message(in: Strings(.nl))
            .contains("de server biedt geen TLS"))
        #expect(PostgresStoreError.cannotConnect(server: server, detail: "authMechanismRequiresPassword").message(in: Strings(.nl))
            .contains("de server vraagt een wachtwoord (zet het in ~/.pgpass of PGPASSWORD)"))
        // A cause not recognised keeps the driver's words and the general advice.
        #expect(PostgresStoreError.cannotConnect(server: server, detail: "something odd").message(in: Strings(.en))
            == "Cannot connect to the PostgreSQL server postgresql://anna@db:5432/portfolio (something odd): check the address, "
            + "the user and the password; nothing was changed")
    }

    @Test func aRoleThatMayOnlyReadIsToldSo() {
        let error = PostgresStoreError.serverError(server: "postgresql://lezer@db:5432/portfolio", code: "42501",
                                                   detail: "permission denied for table idea")
        #expect(error.message(in: Strings(.nl)) == "U mag op postgresql://lezer@db:5432/portfolio alleen lezen: de server weigert "
            + "wijzigingen van deze gebruiker (vraag de beheerder); er is niets gewijzigd")
    }

    @Test func aBadURLIsExplainedInBothLanguages() {
        let error = PostgresStoreError.invalidURL(.badSSLMode("nee"))
        #expect(error.message(in: Strings(.en)) == "The PostgreSQL URL cannot be read: sslmode=nee is not one of disable, prefer, require, "
            + "verify-ca, verify-full. Write it as postgresql://user@host:port/database?sslmode=require")
        #expect(error.message(in: Strings(.nl)) == "De PostgreSQL-URL is onleesbaar: sslmode=nee is niet een van disable, prefer, require, "
            + "verify-ca, verify-full. Schrijf hem als postgresql://gebruiker@host:poort/database?sslmode=require")
        #expect(PostgresStoreError.invalidURL(.badEncoding(part: "password")).message(in: Strings(.nl))
            == "De PostgreSQL-URL is onleesbaar: het wachtwoord is geen geldige procentcodering. "
            + "Schrijf hem als postgresql://gebruiker@host:poort/database?sslmode=require")
        #expect(PostgresStoreError.invalidURL(.badEncoding(part: "database")).message(in: Strings(.en))
            == "The PostgreSQL URL cannot be read: the database is not valid percent-encoding. "
            + "Write it as postgresql://user@host:port/database?sslmode=require")
    }

    @Test func aNewerSchemaNamesBothVersions() {
        let error = PostgresStoreError.schemaFromNewerVersion(server: "postgresql://anna@db:5432/portfolio", found: 3, known: 1)
        #expect(error.message(in: Strings(.nl)) == "De database postgresql://anna@db:5432/portfolio is ingericht door een nieuwere versie van "
            + "Proeftuin (schema 3, dit programma kent tot en met 1): werk proeftuin bij om hem te openen; er is niets gewijzigd")
        #expect(error.message(in: Strings(.en)) == "The database postgresql://anna@db:5432/portfolio was set up by a newer version of "
            + "Proeftuin (schema 3, this program knows up to 1): upgrade proeftuin to open it; nothing was changed")
    }

    @Test func aPortfolioOnTheServerIsNotImportedOver() {
        let error = InterchangeError.serverNotEmpty(server: "postgresql://anna@db:5432/portfolio")
        #expect(error.message(in: Strings(.en)) == "The database postgresql://anna@db:5432/portfolio already holds a portfolio: "
            + "import a JSON export into an empty database")
        #expect(error.message(in: Strings(.nl)) == "De database postgresql://anna@db:5432/portfolio bevat al een portfolio: "
            + "importeer een JSON-export in een lege database")
    }

    @Test func aBackupIsThePgDumpOfTheAdministratorAndAnExportACopy() {
        let error = PostgresStoreError.backupOnServer(server: "postgresql://anna@db:5432/portfolio")
        #expect(error.message(in: Strings(.en)) == "The portfolio is on the PostgreSQL server postgresql://anna@db:5432/portfolio: its "
            + "administrator backs it up with pg_dump, so no copy is made on this machine. For a copy of the portfolio: "
            + "proeftuin export --output FILE.json")
        #expect(error.message(in: Strings(.nl)) == "Het portfolio staat op de PostgreSQL-server postgresql://anna@db:5432/portfolio: de "
            + "beheerder maakt de back-ups met pg_dump, dus er komt geen kopie op deze computer. Een kopie van het portfolio: "
            + "proeftuin export --output BESTAND.json")
    }

    @Test func aChangeCutShortIsNeitherSaidDoneNorUndone() {
        let error = PostgresStoreError.commitUnknown(server: "postgresql://anna@db:5432/portfolio")
        #expect(error.message(in: Strings(.en)) == "The connection to the PostgreSQL server postgresql://anna@db:5432/portfolio was lost "
            + "while a change was being saved: it may or may not have been made. Look at the portfolio before you make it again; "
            + "the next step connects again")
        #expect(error.message(in: Strings(.nl)) == "De verbinding met de PostgreSQL-server postgresql://anna@db:5432/portfolio viel weg "
            + "terwijl een wijziging werd opgeslagen: misschien is die gedaan, misschien niet. Kijk in het portfolio voordat u hem "
            + "opnieuw doet; de volgende stap maakt opnieuw verbinding")
    }

    @Test func everyMessageIsSafeForTheTerminal() {
        let hostile = "db\u{1B}[2J\u{202E}x"
        let errors: [PostgresStoreError] = [
            .invalidURL(.unknownParameter(hostile)), .invalidURL(.badPort(hostile)), .passwordFileTooOpen(path: hostile),
            .cannotConnect(server: hostile, detail: hostile), .schemaVersionUnreadable(server: hostile, detail: hostile),
            .tooBusy(server: hostile, attempts: 30), .serverError(server: hostile, code: hostile, detail: hostile),
            .backupOnServer(server: hostile), .commitUnknown(server: hostile),
        ]
        for language in [Language.en, .nl] {
            for error in errors {
                let message = error.message(in: Strings(language))
                #expect(TerminalTextTests.isSafe(message), "\(message)")
                #expect(!message.contains("{"), "\(message)")
            }
        }
    }
}
