import AppCore
import ArgumentParser
import Domain
import Foundation
import Storage

/// `proeftuin demo`: fills the data directory with the demo portfolio.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill the data directory with a realistic Dutch demo portfolio.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Add the demo even when the data directory already holds data.") var force = false
    @Option(help: "Instead of the demo portfolio, generate the benchmark data set with this many ideas (see proeftuin bench).")
    var ideas: Int?

    func run() throws {
        let directory = global.directory
        if !force, let contents = try? FileManager.default.contentsOfDirectory(atPath: directory.path), !contents.isEmpty {
            let holdsIdeas = directory.holdsDatabase ? ((try? global.openDatabase().isEmpty()) == false) : true
            if holdsIdeas { throw StorageError.directoryNotEmpty(path: directory.path) }
        }
        let database = try global.openDatabase()
        if let ideas {
            guard try database.isEmpty() else { throw StorageError.directoryNotEmpty(path: directory.path) }
            let set = BenchmarkDataSet(ideas: max(1, ideas))
            try database.generateBenchmarkData(set, now: Date())
            print("Generated \(set.ideas) ideas, \(set.cycles) cycles, \(set.sessions) sessions and \(set.events) events in \(directory.path)")
            return
        }
        let count = try database.seedDemo(now: Date())
        print("Added \(count) demo ideas to \(directory.path)")
    }
}

/// `proeftuin info`: where things are and how much there is.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show paths, version and counts.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let configuration = try global.configuration()
        let database = try global.openDatabase()
        let counts = try database.countsByStage()
        let strings = Strings(try global.language())
        var rows: [[String]] = [
            ["version", Proeftuin.version],
            ["data directory", database.directory.path],
            ["database", database.directory.databaseURL.path],
            ["config file", configuration.path + (configuration.exists ? "" : " (not present)")],
        ] + configuration.summary.map { ["  config", $0] } + [
            ["actor", database.actor],
            ["language", try global.language().rawValue],
            ["ideas", "\(counts.values.reduce(0, +))"],
        ]
        for stage in Stage.boardOrder {
            rows.append(["  " + strings.stage(stage), "\(counts[stage] ?? 0)"])
        }
        rows.append(["events", "\(try database.eventCount())"])
        print(Output.table(rows))
    }
}

/// `proeftuin keys`: the keybinding reference generated from the key table.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Print the keybinding reference (Markdown) from the key table.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        print(KeyTable.markdown(language: try global.language()), terminator: "")
    }
}
