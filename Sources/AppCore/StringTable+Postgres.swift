/// The words of a portfolio on a PostgreSQL server (connection URL, connection, schema), in both languages.
extension Strings {
    static let englishPostgres: [StringKey: String] = [
        .postgresInvalidURL: "The PostgreSQL URL cannot be read: {1}. Write it as postgresql://user@host:port/database?sslmode=require",
        .postgresProblemWrongScheme: "it must start with postgresql:// or postgres://",
        .postgresProblemMissingHost: "it names no host",
        .postgresProblemSeveralHosts: "it names several hosts, which is not supported",
        .postgresProblemBadPort: "the port {1} is not a number from 1 to 65535",
        .postgresProblemBadEncoding: "{1} is not valid percent-encoding",
        .postgresProblemBadDatabase: "the database name is empty or holds a /",
        .postgresProblemFragment: "it ends in a #fragment",
        .postgresProblemUnknownParameter: "the parameter {1} is not supported (only sslmode and connect_timeout are)",
        .postgresProblemRepeatedParameter: "the parameter {1} is given twice",
        .postgresProblemBadSSLMode: "sslmode={1} is not one of disable, prefer, require, verify-ca, verify-full",
        .postgresProblemBadConnectTimeout: "connect_timeout={1} is not a whole number of seconds from 1 to 3600",
        .postgresPasswordFileTooOpen: "The password file {1} can be read by others: make it private with 'chmod 600 {1}'",
        .postgresCannotConnect: "Cannot connect to the PostgreSQL server {1} ({2}): check the address, the user and the password; nothing was changed",
        .postgresSchemaFromNewerVersion: "The database {1} was set up by a newer version of Proeftuin (schema {2}, this program knows up to {3}): "
            + "upgrade proeftuin to open it; nothing was changed",
        .postgresSchemaVersionUnreadable: "The schema version in {1} cannot be read ({2}): nothing was changed",
        .postgresTooBusy: "Other programs kept changing the same data on {1}: the change was tried {2} times and not made; try again",
        .postgresServerError: "The PostgreSQL server {1} reported an error ({2}: {3}); nothing was changed",
        .postgresBackupOnServer: "The portfolio is on the PostgreSQL server {1}: its administrator backs it up with pg_dump, so no copy "
            + "is made on this machine. For a copy of the portfolio: proeftuin export --output FILE.json",
        .postgresCommitUnknown: "The connection to the PostgreSQL server {1} was lost while a change was being saved: it may or may "
            + "not have been made. Look at the portfolio before you make it again; the next step connects again",
    ]

    static let dutchPostgres: [StringKey: String] = [
        .postgresInvalidURL: "De PostgreSQL-URL is onleesbaar: {1}. Schrijf hem als postgresql://gebruiker@host:poort/database?sslmode=require",
        .postgresProblemWrongScheme: "hij moet beginnen met postgresql:// of postgres://",
        .postgresProblemMissingHost: "hij noemt geen host",
        .postgresProblemSeveralHosts: "hij noemt meerdere hosts, en dat wordt niet ondersteund",
        .postgresProblemBadPort: "de poort {1} is geen getal van 1 tot en met 65535",
        .postgresProblemBadEncoding: "{1} is geen geldige procentcodering",
        .postgresProblemBadDatabase: "de databasenaam is leeg of bevat een /",
        .postgresProblemFragment: "hij eindigt op een #fragment",
        .postgresProblemUnknownParameter: "de parameter {1} wordt niet ondersteund (alleen sslmode en connect_timeout)",
        .postgresProblemRepeatedParameter: "de parameter {1} staat er twee keer in",
        .postgresProblemBadSSLMode: "sslmode={1} is niet een van disable, prefer, require, verify-ca, verify-full",
        .postgresProblemBadConnectTimeout: "connect_timeout={1} is geen geheel aantal seconden van 1 tot en met 3600",
        .postgresPasswordFileTooOpen: "Het wachtwoordbestand {1} is leesbaar voor anderen: maak het privé met 'chmod 600 {1}'",
        .postgresCannotConnect: "Geen verbinding met de PostgreSQL-server {1} ({2}): controleer het adres, de gebruiker en het wachtwoord; er is niets gewijzigd",
        .postgresSchemaFromNewerVersion: "De database {1} is ingericht door een nieuwere versie van Proeftuin (schema {2}, dit programma kent tot en met {3}): "
            + "werk proeftuin bij om hem te openen; er is niets gewijzigd",
        .postgresSchemaVersionUnreadable: "De schemaversie in {1} is onleesbaar ({2}): er is niets gewijzigd",
        .postgresTooBusy: "Andere programma's bleven dezelfde gegevens op {1} wijzigen: de wijziging is {2} keer geprobeerd en niet gedaan; probeer het opnieuw",
        .postgresServerError: "De PostgreSQL-server {1} meldde een fout ({2}: {3}); er is niets gewijzigd",
        .postgresBackupOnServer: "Het portfolio staat op de PostgreSQL-server {1}: de beheerder maakt de back-ups met pg_dump, dus er "
            + "komt geen kopie op deze computer. Een kopie van het portfolio: proeftuin export --output BESTAND.json",
        .postgresCommitUnknown: "De verbinding met de PostgreSQL-server {1} viel weg terwijl een wijziging werd opgeslagen: misschien is "
            + "die gedaan, misschien niet. Kijk in het portfolio voordat u hem opnieuw doet; de volgende stap maakt opnieuw verbinding",
    ]
}
