/// The words of choosing a database server, and of a board whose connection to it is lost and comes back, in both languages.
extension Strings {
    static let englishConnection: [StringKey: String] = [
        .offlineLabel: "read-only: no connection",
        .offlineNotice: "No connection to the database: read-only until it is back; what you typed is kept",
        .messageReconnected: "Connected to the database again: the board shows its latest state",
        .cliDemoDatabaseNotEmpty: "The database {1} already holds a portfolio: use --force to add the demo to it, or choose an empty database",
        .cliDoctorServerRestore: "The portfolio is on the PostgreSQL server {1}: its administrator restores it from a pg_dump backup "
            + "with pg_restore (pg_restore --clean -d DATABASE backup.dump); nothing was changed",
        .cliDoctorServerBackups: "backups: made by the administrator on the server with pg_dump (pg_dump -Fc DATABASE > backup.dump), not in the data directory",
        .postgresCannotConnectBecause: "Cannot connect to the PostgreSQL server {1}: {2}; nothing was changed",
        .postgresReasonRefused: "the server refuses the connection (is it running, and is the port right?)",
        .postgresReasonSilent: "the server does not answer (is the network or VPN there, and is the server running?)",
        .postgresReasonLost: "the connection was lost; try again in a moment",
        .postgresReasonNoTLS: "the server does not offer TLS (turn it on there, or use sslmode=prefer on a trusted network)",
        .postgresReasonNeedsPassword: "the server asks for a password (put it in ~/.pgpass or PGPASSWORD)",
        .postgresReasonWrongPassword: "the user or the password is wrong",
        .postgresReasonNoDatabase: "that database does not exist on the server (create it, or check its name)",
        .postgresReasonNoRole: "that user does not exist on the server (check the name in the URL)",
        .cliInfoUnreachable: "(no connection)",
        .migrateServerNotEmpty: "The database {1} already holds a portfolio: migrated before? Then there is nothing left to do "
            + "(work on it with --database or database = in config.toml); otherwise migrate into an empty database. Nothing was changed",
        .migrateWrittenMeanwhile: "Another program wrote into {1} while the portfolio was being copied: nothing was copied. Make sure "
            + "nobody works on the server database until the migration is done, empty it and migrate again",
        .postgresReadOnly: "You may only read on {1}: the server refuses changes for this user (ask its administrator); nothing was changed",
        .offlineNotSaved: "Connected again, but not saved yet: Ctrl-S saves",
        .migrateNoLocalPortfolio: "The data directory {1} holds no portfolio to copy: name the right one with --data-dir",
        .migrateCopyDiffers: "The copy on {1} differs from the portfolio in: {2}. The local portfolio is untouched; "
            + "empty the server database before trying again, and report this as a bug",
        .cliMigrated: "Copied {1} and {2} events to {3}: the copy read back is identical",
        .cliMigratedNext: "To work on the server from now on, put database = \"{1}\" in {2} or set PROEFTUIN_DATABASE_URL "
            + "(the password in ~/.pgpass or PGPASSWORD); the local portfolio stays as it was",
        .cliHelpMigrateAbstract: "Copy the portfolio of the data directory into an empty database on a PostgreSQL server.",
        .cliHelpMigrateTo: "The server database, as postgresql://user@host:port/database?sslmode=require.",
        .cliHelpBenchDiscussion: "With --database the bench measures on that PostgreSQL server instead of SQLite (only when given "
            + "on the command line, never the configured server): it makes databases of its own there (the login must be allowed to "
            + "create databases) and drops them when done. --data-dir is not used: see --keep.",
        .cliUsageBenchKeepServer: "--keep keeps a SQLite data directory: leave it out when measuring on a server (--database)",
        .cliHelpGlobalOptionsDatabase: "The PostgreSQL server holding the portfolio, as postgresql://user@host:port/database?sslmode=require "
            + "(default: $PROEFTUIN_DATABASE_URL, else database = in config.toml, else the SQLite file in the data directory).",
    ]

    static let dutchConnection: [StringKey: String] = [
        .offlineLabel: "alleen-lezen: geen verbinding",
        .offlineNotice: "Geen verbinding met de database: alleen-lezen; wat u typte blijft bewaard",
        .messageReconnected: "Weer verbonden met de database: het bord toont de nieuwste stand",
        .cliDemoDatabaseNotEmpty: "De database {1} bevat al een portfolio: gebruik --force om de demo eraan toe te voegen, of kies een lege database",
        .cliDoctorServerRestore: "Het portfolio staat op de PostgreSQL-server {1}: de beheerder zet het terug uit een pg_dump-back-up "
            + "met pg_restore (pg_restore --clean -d DATABASE back-up.dump); er is niets veranderd",
        .cliDoctorServerBackups: "back-ups: door de beheerder op de server gemaakt met pg_dump (pg_dump -Fc DATABASE > back-up.dump), niet in de gegevensmap",
        .postgresCannotConnectBecause: "Geen verbinding met de PostgreSQL-server {1}: {2}; er is niets gewijzigd",
        .postgresReasonRefused: "de server weigert de verbinding (draait hij, en klopt de poort?)",
        .postgresReasonSilent: "de server antwoordt niet (is het netwerk of de VPN er, en draait de server?)",
        .postgresReasonLost: "de verbinding is verbroken; probeer het zo opnieuw",
        .postgresReasonNoTLS: "de server biedt geen TLS (zet het daar aan, of gebruik sslmode=prefer op een vertrouwd netwerk)",
        .postgresReasonNeedsPassword: "de server vraagt een wachtwoord (zet het in ~/.pgpass of PGPASSWORD)",
        .postgresReasonWrongPassword: "de gebruiker of het wachtwoord klopt niet",
        .postgresReasonNoDatabase: "die database bestaat niet op de server (maak hem aan, of controleer de naam)",
        .postgresReasonNoRole: "die gebruiker bestaat niet op de server (controleer de naam in de URL)",
        .cliInfoUnreachable: "(geen verbinding)",
        .migrateServerNotEmpty: "De database {1} bevat al een portfolio: al eerder gemigreerd? Dan is er niets meer te doen "
            + "(werk erop met --database of database = in config.toml); anders: migreer naar een lege database. Er is niets gewijzigd",
        .migrateWrittenMeanwhile: "Een ander programma schreef in {1} terwijl het portfolio werd gekopieerd: er is niets gekopieerd. "
            + "Zorg dat niemand op de serverdatabase werkt tot de migratie klaar is, maak hem leeg en migreer opnieuw",
        .postgresReadOnly: "U mag op {1} alleen lezen: de server weigert wijzigingen van deze gebruiker (vraag de beheerder); er is niets gewijzigd",
        .offlineNotSaved: "Weer verbonden, maar nog niet opgeslagen: Ctrl-S slaat op",
        .migrateNoLocalPortfolio: "De gegevensmap {1} bevat geen portfolio om te kopiëren: noem de goede met --data-dir",
        .migrateCopyDiffers: "De kopie op {1} wijkt af van het portfolio in: {2}. Het lokale portfolio is niet aangeraakt; "
            + "maak de serverdatabase leeg voor u het opnieuw probeert, en meld dit als fout",
        .cliMigrated: "{1} en {2} gebeurtenissen gekopieerd naar {3}: de teruggelezen kopie is gelijk",
        .cliMigratedNext: "Om voortaan op de server te werken: zet database = \"{1}\" in {2} of stel PROEFTUIN_DATABASE_URL in "
            + "(het wachtwoord in ~/.pgpass of PGPASSWORD); het lokale portfolio blijft zoals het was",
        .cliHelpMigrateAbstract: "Kopieer het portfolio van de gegevensmap naar een lege database op een PostgreSQL-server.",
        .cliHelpMigrateTo: "De serverdatabase, als postgresql://gebruiker@host:poort/database?sslmode=require.",
        .cliHelpBenchDiscussion: "Met --database meet de bench op die PostgreSQL-server in plaats van SQLite (alleen als die op de "
            + "opdrachtregel staat, nooit de ingestelde server): hij maakt daar eigen databases (de login moet databases mogen "
            + "aanmaken) en verwijdert ze na afloop. --data-dir wordt niet gebruikt: zie --keep.",
        .cliUsageBenchKeepServer: "--keep bewaart een SQLite-gegevensmap: laat het weg bij meten op een server (--database)",
        .cliHelpGlobalOptionsDatabase: "De PostgreSQL-server met het portfolio, als postgresql://gebruiker@host:poort/database?sslmode=require "
            + "(standaard: $PROEFTUIN_DATABASE_URL, anders database = in config.toml, anders het SQLite-bestand in de gegevensmap).",
    ]
}
