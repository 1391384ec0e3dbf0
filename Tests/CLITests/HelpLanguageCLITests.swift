import AppCore
import ArgumentParser
@testable import CLI
import Foundation
import Testing

/// `--help` speaks the language the commands speak: `--lang`, else the config file, else the environment; English
/// help is what it was before the help was translated.
@Suite("CLI: help in the user's language", .serialized)
struct HelpLanguageCLITests {
    /// Help texts written the same in both languages; the only ones the walk below lets through in English.
    static let sameInBothLanguages: Set<String> = ["md (Markdown)."]

    /// Every command and subcommand, as the words that name it on the command line (the root is `[]`).
    static func commandPaths(of command: any ParsableCommand.Type = Proeftuin.self, at path: [String] = []) -> [[String]] {
        [path] + command.configuration.subcommands.flatMap { commandPaths(of: $0, at: path + [$0._commandName]) }
    }

    /// The help texts of one language in the string table (keys `cliHelp…`).
    static func helpTexts(_ language: Language) -> [String] {
        StringKey.allCases.filter { $0.rawValue.hasPrefix("cliHelp") }.map { Strings(language)[$0] }
    }

    /// Text with every run of spaces and line breaks made one space, so wrapped help lines compare with the table.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The first text of `texts` that `help` contains, apart from those written the same in both languages.
    static func firstFound(of texts: [String], in help: String) -> String? {
        let help = flattened(help)
        return texts.first { !sameInBothLanguages.contains($0) && help.contains(flattened($0)) }
    }

    @Test func theWalkReachesEveryCommand() {
        let paths = Self.commandPaths().map { $0.joined(separator: " ") }
        #expect(paths.count > 50)
        for expected in ["", "import", "session", "session participant exclude", "criteria ahp", "opgave edit", "bench-frame"] {
            #expect(paths.contains(expected), "the walk misses '\(expected)'")
        }
    }

    /// No command's Dutch help holds an English help text, and no English help holds a Dutch one.
    @Test func everyCommandsHelpIsWhollyInOneLanguage() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let english = Self.helpTexts(.en)
        let dutch = Self.helpTexts(.nl)
        #expect(english.count == dutch.count && english.count > 200)
        for path in Self.commandPaths() {
            let command = (["proeftuin"] + path).joined(separator: " ")
            let nl = try binary.run(path + ["--help", "--lang", "nl"])
            let en = try binary.run(path + ["--help", "--lang", "en"])
            #expect(nl.status == 0 && en.status == 0, "\(command) --help failed")
            #expect(nl.stdout.hasPrefix("OVERVIEW: ") && en.stdout.hasPrefix("OVERVIEW: "), "\(command) --help has no overview")
            #expect(nl.stdout != en.stdout, "\(command) --help is the same in both languages")
            let englishInDutch = Self.firstFound(of: english, in: nl.stdout)
            #expect(englishInDutch == nil, "\(command) --help --lang nl still says in English: \(englishInDutch ?? "")")
            let dutchInEnglish = Self.firstFound(of: dutch, in: en.stdout)
            #expect(dutchInEnglish == nil, "\(command) --help --lang en says in Dutch: \(dutchInEnglish ?? "")")
        }
    }

    /// Rows ArgumentParser writes itself, the same in both languages: `--version`, `--help` and, under a command with
    /// subcommands, "See 'proeftuin help … <subcommand>' for detailed help.".
    static func isArgumentParsersOwn(_ row: String) -> Bool {
        row == "--version" || row == "-h, --help" || row.hasPrefix("See 'proeftuin help ")
    }

    /// The rows of a help's argument, option and subcommand lists, by name, each with its whole unwrapped text.
    static func rows(of help: String) -> [String: String] {
        let indent = String(repeating: " ", count: 26)
        var rows: [String: String] = [:]
        var current: String?
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(indent), let name = current {
                rows[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("  "), !line.hasPrefix("   ") {
                // The name fills 24 columns and the text starts in column 27; a longer name has a line of its own.
                let body = Array(line.dropFirst(2))
                let split = body.count > 24 && body[23] == " "
                let name = String(split ? body[..<24] : body[...]).trimmingCharacters(in: .whitespaces)
                current = name
                rows[name] = split ? String(body[24...]).trimmingCharacters(in: .whitespaces) : ""
            } else {
                current = nil
            }
        }
        return rows
    }

    /// The paragraphs before the usage line: the abstract and the discussion.
    static func paragraphsBeforeUsage(of help: String) -> [String] {
        let head = help.components(separatedBy: "\nUSAGE: ").first ?? ""
        return head.components(separatedBy: "\n\n").map(flattened).filter { !$0.isEmpty }
    }

    /// Compared with the English help rather than with the table, so a help text that never went through the table
    /// (a new option written with a literal) is caught too: every row and paragraph differs between the languages.
    @Test func everyRowAndParagraphOfTheHelpIsTranslated() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        var rowsChecked = 0
        for path in Self.commandPaths() {
            let command = (["proeftuin"] + path).joined(separator: " ")
            let nl = try binary.run(path + ["--help", "--lang", "nl"]).stdout
            let en = try binary.run(path + ["--help", "--lang", "en"]).stdout
            let dutchRows = Self.rows(of: nl)
            for (name, english) in Self.rows(of: en) where !Self.isArgumentParsersOwn(name) {
                let dutch = try #require(dutchRows[name], "\(command) --help --lang nl has no row \(name)")
                let same = dutch == english && !Self.sameInBothLanguages.contains { english.hasPrefix($0) }
                #expect(!same, "\(command) --help --lang nl: \(name) still says in English: \(english)")
                rowsChecked += 1
            }
            let english = Self.paragraphsBeforeUsage(of: en)
            let dutch = Self.paragraphsBeforeUsage(of: nl)
            #expect(english.count == dutch.count && !english.isEmpty, "\(command): overview and discussion")
            for (english, dutch) in zip(english, dutch) {
                #expect(english != dutch, "\(command) --help --lang nl still says in English: \(english)")
            }
        }
        #expect(rowsChecked > 400)
    }

    /// The check above can fail: an English text in Dutch help is found across ArgumentParser's line wrapping.
    @Test func theCheckFindsWrappedEnglish() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let en = try binary.run(["import", "--help", "--lang", "en"])
        #expect(Self.firstFound(of: Self.helpTexts(.en), in: en.stdout) == Strings(.en)[.cliHelpGlobalOptionsDataDir])
        #expect(Self.firstFound(of: [Strings(.en)[.cliHelpImportAbstract]], in: en.stdout) != nil)
    }

    @Test func importHelpInDutch() throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        let help = try binary.run(["import", "--help", "--lang", "nl"])
        #expect(help.status == 0)
        #expect(help.stdout == dutchImportHelp)
    }

    /// `--lang en` prints the help exactly as it was before it was translated.
    @Test(arguments: [(["import"], englishImportHelp), (["accept"], englishAcceptHelp)])
    func englishHelpIsUnchanged(_ command: [String], _ expected: String) throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        #expect(try binary.run(command + ["--help", "--lang", "en"]).stdout == expected)
        #expect(try binary.run(["help"] + command + ["--lang", "en"]).stdout == expected)
    }

    /// Without `--lang`: the config file's language, else the environment's, else English; `--lang` wins over both.
    @Test func helpFollowsTheConfigFileAndTheEnvironment() throws {
        let dutchAbstract = "OVERVIEW: Neem een idee uit de inbox aan op het bord, met een lokale opgave\n(thema).\n"
        let englishAbstract = "OVERVIEW: Accept an idea from the inbox onto the board with a lokale opgave\n(theme).\n"
        let binary = Binary()
        defer { binary.cleanUp() }
        #expect(try binary.run(["accept", "--help"], removing: ["LANG", "LC_MESSAGES"]).stdout.hasPrefix(englishAbstract))
        #expect(try binary.run(["accept", "--help"], environment: ["LANG": "nl_NL.UTF-8"]).stdout.hasPrefix(dutchAbstract))
        #expect(try binary.run(["accept", "--help"], environment: ["LC_ALL": "nl_BE.UTF-8"]).stdout.hasPrefix(dutchAbstract))
        #expect(try binary.run(["accept", "--help", "--lang", "en"], environment: ["LANG": "nl_NL.UTF-8"]).stdout
            .hasPrefix(englishAbstract))
        let config = binary.dataDirectory.appendingPathComponent("config/proeftuin")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "language = \"nl\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        #expect(try binary.run(["accept", "--help"]).stdout.hasPrefix(dutchAbstract))
        #expect(try binary.run(["help", "accept"]).stdout.hasPrefix(dutchAbstract))
        #expect(try binary.run(["accept", "--help", "--lang=en"]).stdout.hasPrefix(englishAbstract))
    }

    /// Help asked for on a command line that does not parse still speaks the language asked for.
    @Test(arguments: [
        ["import", "--help", "--lang", "nl", "--no-such-option"], ["import", "--lang=nl", "-h"], ["--lang", "nl", "help", "import"],
        ["help", "import", "--lang", "nl"], ["import", "--lang", "xx", "--help"],
    ])
    func unparsableCommandLinesGetHelpInTheirLanguage(_ arguments: [String]) throws {
        let binary = Binary()
        defer { binary.cleanUp() }
        // `--lang xx` is no language: the environment's (Dutch here) is used, as the commands themselves would.
        let help = try binary.run(arguments, environment: ["LANG": "nl_NL.UTF-8"])
        #expect(help.stdout.hasPrefix("OVERVIEW: Importeer een JSON-export (in een lege gegevensmap) of ideeën uit CSV\n"))
    }

    /// The last `--lang` counts, as it does for ArgumentParser; after `--` nothing is an option.
    @Test func theLanguageFlagIsReadFromTheRawArguments() {
        #expect(HelpLanguage.flag(in: ["import", "--lang", "nl", "--help"]) == "nl")
        #expect(HelpLanguage.flag(in: ["--lang=nl", "import"]) == "nl")
        #expect(HelpLanguage.flag(in: ["--lang", "nl", "--lang=en"]) == "en")
        #expect(HelpLanguage.flag(in: ["add", "--", "--lang", "nl"]) == nil)
        #expect(HelpLanguage.flag(in: ["import", "--help", "--lang"]) == nil)
        #expect(HelpLanguage.flag(in: ["add", "Fietsmaatjes"]) == nil)
    }
}

/// `proeftuin import --help` in English, as printed before the help was translated (and `--database` was added).
private let englishImportHelp = """
            OVERVIEW: Import a JSON export (into an empty data directory) or ideas from CSV
            (title, description, theme, tags, source, submitter, stage).

            USAGE: proeftuin import [--data-dir <data-dir>] [--lang <lang>] [--database <database>] <file> [--dry-run]

            ARGUMENTS:
              <file>                  The .json or .csv file.

            OPTIONS:
              --data-dir <data-dir>   The data directory (default: $PROEFTUIN_DATA_DIR,
                                      else $XDG_DATA_HOME/proeftuin).
              --lang <lang>           Interface language: nl or en (default: config file,
                                      then LC_ALL/LC_MESSAGES/LANG).
              --database <database>   The PostgreSQL server holding the portfolio, as
                                      postgresql://user@host:port/database?sslmode=require
                                      (default: $PROEFTUIN_DATABASE_URL, else database = in
                                      config.toml, else the SQLite file in the data
                                      directory).
              --dry-run               Check the file and report what would be imported;
                                      change nothing.
              --version               Show the version.
              -h, --help              Show help information.


            """

/// `proeftuin accept --help` in English, as printed before the help was translated (and `--database` was added).
private let englishAcceptHelp = """
            OVERVIEW: Accept an idea from the inbox onto the board with a lokale opgave
            (theme).

            USAGE: proeftuin accept [--data-dir <data-dir>] [--lang <lang>] [--database <database>] <id> [--theme <theme>]

            ARGUMENTS:
              <id>                    The idea id.

            OPTIONS:
              --data-dir <data-dir>   The data directory (default: $PROEFTUIN_DATA_DIR,
                                      else $XDG_DATA_HOME/proeftuin).
              --lang <lang>           Interface language: nl or en (default: config file,
                                      then LC_ALL/LC_MESSAGES/LANG).
              --database <database>   The PostgreSQL server holding the portfolio, as
                                      postgresql://user@host:port/database?sslmode=require
                                      (default: $PROEFTUIN_DATABASE_URL, else database = in
                                      config.toml, else the SQLite file in the data
                                      directory).
              --theme <theme>         The lokale opgave it serves (default: the theme it
                                      already has).
              --version               Show the version.
              -h, --help              Show help information.


            """

/// `proeftuin import --help --lang nl`: only ArgumentParser's own headings, usage and two lines stay English.
private let dutchImportHelp = """
            OVERVIEW: Importeer een JSON-export (in een lege gegevensmap) of ideeën uit CSV
            (title, description, theme, tags, source, submitter, stage).

            USAGE: proeftuin import [--data-dir <data-dir>] [--lang <lang>] [--database <database>] <file> [--dry-run]

            ARGUMENTS:
              <file>                  Het .json- of .csv-bestand.

            OPTIONS:
              --data-dir <data-dir>   De gegevensmap (standaard: $PROEFTUIN_DATA_DIR,
                                      anders $XDG_DATA_HOME/proeftuin).
              --lang <lang>           Taal van het programma: nl of en (standaard: het
                                      configuratiebestand, dan LC_ALL/LC_MESSAGES/LANG).
              --database <database>   De PostgreSQL-server met het portfolio, als
                                      postgresql://gebruiker@host:poort/database?sslmode=require
                                      (standaard: $PROEFTUIN_DATABASE_URL, anders database
                                      = in config.toml, anders het SQLite-bestand in de
                                      gegevensmap).
              --dry-run               Controleer het bestand en meld wat er geïmporteerd
                                      zou worden; verander niets.
              --version               Show the version.
              -h, --help              Show help information.


            """
