import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Reports
import Screen
import Storage

/// One measured figure: samples, their median and 99th percentile, and the budget they are held to.
struct Figure: Encodable {
    var name: String
    var unit: String
    var median: Double
    var p99: Double
    var budget: Double
    var runs: Int
    var withinBudget: Bool { p99 <= budget }

    init(_ name: String, unit: String = "ms", budget: Double, samples: [Double]) {
        self.name = name
        self.unit = unit
        self.budget = budget
        runs = samples.count
        median = Statistics.median(samples)
        p99 = Statistics.quantile(samples, 0.99)
    }

    enum CodingKeys: String, CodingKey { case name, unit, median, p99, budget, runs, withinBudget }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(unit, forKey: .unit)
        try container.encode(median, forKey: .median)
        try container.encode(p99, forKey: .p99)
        try container.encode(budget, forKey: .budget)
        try container.encode(runs, forKey: .runs)
        try container.encode(withinBudget, forKey: .withinBudget)
    }
}

/// Milliseconds a closure takes.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

/// `proeftuin bench`: generates the budget data set and prints each figure next to its budget.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the performance budgets on a generated portfolio (release build recommended).")

    @Option(help: "How many ideas to generate (the budgets are for 10,000).") var ideas: Int = 10_000
    @Option(help: "text or json.") var format: TextFormat = .text
    @Option(help: "Keep the generated data directory here instead of a temporary one.") var keep: String?
    @Option(help: "Language of the text output: nl or en (default: config file, then LC_ALL/LC_MESSAGES/LANG).") var lang: String?

    func run() throws {
        var global = GlobalOptions()
        global.lang = lang
        let strings = Strings(try global.language())
        let directory = DataDirectory(url: keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("proeftuin-bench-\(ProcessInfo.processInfo.processIdentifier)"))
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory.url) } }
        if FileManager.default.fileExists(atPath: directory.databaseURL.path) {
            throw CLIError.usage(.cliUsageBenchKeep, [directory.path])
        }
        let set = BenchmarkDataSet(ideas: max(10, try NumberKind.ideaCount.check(ideas)))
        let now = Date()
        var generation = 0.0
        do {
            let workspace = try Workspace.open(directory, actor: "bench", program: "bench")
            generation = try milliseconds { try workspace.generateBenchmarkData(set, now: now) }
        }
        var figures: [Figure] = []
        figures.append(try startToFirstFrame(directory))
        let (navigation, memory) = try navigationAndMemory(directory)
        figures += [navigation, memory]
        figures.append(try moveCard(directory))
        figures.append(weighingRecompute())
        figures.append(try importCSV(rows: min(10_000, set.ideas)))
        figures.append(try report(directory))
        switch format {
        case .json:
            struct Output: Encodable {
                var ideas: Int
                var generationMilliseconds: Double
                var figures: [Figure]
            }
            print(try Proeftuin_JSON.encode(Output(ideas: set.ideas, generationMilliseconds: generation, figures: figures)))
        case .text:
            print(strings.format(.cliBenchHeading, set.ideas, set.cycles, set.sessions, set.events, strings.decimal(generation, 0)))
            let rows = figures.map { figure in
                [figure.name, strings.decimal(figure.median, 2), strings.decimal(figure.p99, 2), "< " + strings.decimal(figure.budget, 0),
                 figure.unit, "\(figure.runs)", figure.withinBudget ? "ok" : strings[.cliBenchOverBudget]]
            }
            let header: [StringKey] = [.cliBenchFigure, .cliBenchMedian]
            print(Output.table([header.map { strings[$0] } + ["p99", strings[.cliBenchBudget], strings[.cliBenchUnit], strings[.cliBenchRuns], ""]]
                               + rows))
        }
    }

    /// From starting a fresh process to its first complete board frame (rendered, no terminal): the child
    /// reports the monotonic clock when the frame is done, the parent subtracts the moment it started it.
    private func startToFirstFrame(_ directory: DataDirectory) throws -> Figure {
        var samples: [Double] = []
        for _ in 0..<10 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            process.arguments = ["bench-frame", "--data-dir", directory.path, "--frame-clock"]
            let pipe = Pipe()
            process.standardOutput = pipe
            let started = DispatchTime.now().uptimeNanoseconds
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0, let done = UInt64(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ValidationError("bench-frame failed")
            }
            samples.append(Double(done - started) / 1_000_000)
        }
        return Figure("start to first board frame (new process)", budget: 100, samples: samples)
    }

    /// Key presses through reducer, renderer and row diff at 200×60; and the peak memory of a process holding the board.
    private func navigationAndMemory(_ directory: DataDirectory) throws -> (Figure, Figure) {
        let workspace = try Workspace.open(directory, actor: "bench", program: "bench")
        var state = AppState(language: .nl, size: Size(width: 200, height: 60), dataLabel: directory.path)
        state.setBoard(BoardData(cards: try workspace.reader.summaries(), wipLimits: try workspace.reader.wipLimits(), today: workspace.reader.today()))
        let renderer = Renderer()
        var previous = renderer.render(state)
        let keys: [Key] = [.down, .down, .right, .down, .up, .left, .character("G"), .character("g"), .pageDown, .right]
        var samples: [Double] = []
        for index in 0..<1_000 {
            samples.append(milliseconds {
                _ = Reducer.reduce(&state, .key(keys[index % keys.count]))
                let grid = renderer.render(state)
                var changed = 0
                for y in 0..<grid.height where grid.row(y) != previous.row(y) { changed += 1 }
                previous = grid
                _ = changed
            })
        }
        let memory = try boardMemory(directory)
        return (Figure("navigation key to updated frame", budget: 5, samples: samples),
                Figure("peak memory of a board process", unit: "MiB", budget: 60, samples: [memory]))
    }

    private func boardMemory(_ directory: DataDirectory) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["bench-frame", "--data-dir", directory.path, "--memory"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) / 1_048_576
    }

    /// Moving a card to another stage and back, each move committed with its event row.
    private func moveCard(_ directory: DataDirectory) throws -> Figure {
        let workspace = try Workspace.open(directory, actor: "bench", program: "bench")
        let card = try require_(workspace.reader.summaries().first { $0.stage == .proposed })
        var samples: [Double] = []
        for _ in 0..<100 {
            var inverse: IdeaChange? = nil
            samples.append(try milliseconds {
                inverse = try workspace.perform(.move(MoveRequest(id: card.id, target: .stopped, reason: "bench",
                                                               gate: .stop(.other, learned: "bench")))).inverse
            })
            samples.append(try milliseconds { _ = try workspace.takeBack(inverse!) })
        }
        return Figure("move a card (committed with its event)", budget: 10, samples: samples)
    }

    /// Live recompute for 20 ideas × 8 criteria × 15 participants with TOPSIS, spread and Kendall's W.
    private func weighingRecompute() -> Figure {
        let criteria: [Criterion] = (0..<8).map { (index: Int) -> Criterion in
            let direction: CriterionDirection = index % 3 == 0 ? .cost : .benefit
            let veto: Int? = index == 2 ? 1 : nil
            return Criterion(name: "c\(index)", weight: Double(index + 1), direction: direction, veto: veto)
        }
        let ideas = (1...20).map { IdeaID(Int64($0)) }
        var scores: [ScoreKey: Int] = [:]
        for participant in 0..<15 {
            for (index, idea) in ideas.enumerated() {
                for criterion in 0..<8 {
                    let value: Int = 1 + (index * 7 + criterion * 3 + participant) % 5
                    scores[ScoreKey(participant: participant, idea: idea, criterion: criterion)] = value
                }
            }
        }
        var samples: [Double] = []
        for _ in 0..<300 {
            samples.append(milliseconds {
                _ = Weighing.results(criteria: criteria, ideas: ideas, participants: 15, scores: scores, method: .topsis,
                                     normalization: .vector, aggregate: .mean)
            })
        }
        return Figure("weighing recompute 20×8×15 (TOPSIS, spread, W)", budget: 1, samples: samples)
    }

    /// Importing ideas from CSV (10,000 for the budget) into an empty data directory: parse, check, one transaction.
    private func importCSV(rows: Int) throws -> Figure {
        var csv = "title;description;theme;tags;source\n"
        for number in 1...rows {
            csv += "Idee \(number) over de wijk;\"Een omschrijving van idee \(number), met een komma\";\(BenchmarkDataSet.themes[number % 8]);\"a, b\";inwoner\n"
        }
        var samples: [Double] = []
        for run in 0..<3 {
            let directory = DataDirectory(url: FileManager.default.temporaryDirectory
                .appendingPathComponent("proeftuin-bench-import-\(ProcessInfo.processInfo.processIdentifier)-\(run)"))
            defer { try? FileManager.default.removeItem(at: directory.url) }
            let workspace = try Workspace.open(directory, actor: "bench", program: "bench")
            samples.append(try milliseconds {
                let drafts = try IdeaImport.csv(csv).get()
                try workspace.importIdeas(drafts.map { ($0.fields, $0.stage) })
            })
        }
        return Figure("import \(rows) ideas from CSV", budget: 2_000, samples: samples)
    }

    /// The whole-portfolio report, Markdown and HTML.
    private func report(_ directory: DataDirectory) throws -> Figure {
        let workspace = try Workspace.open(directory, actor: "bench", program: "bench")
        var samples: [Double] = []
        for _ in 0..<3 {
            samples.append(try milliseconds {
                let data = try ReportData.load(from: workspace.reader, today: workspace.reader.today(), since: nil, theme: nil, includePersonal: false)
                _ = MarkdownReport.render(data, strings: Strings(.nl))
                _ = HTMLReport.render(data, strings: Strings(.nl))
            })
        }
        return Figure("report of the whole portfolio (md + html)", budget: 1_000, samples: samples)
    }
}

/// Unwraps or throws, for the bench's set-up.
func require_<T>(_ value: T?) throws -> T {
    guard let value else { throw ValidationError("the generated data set is missing something the bench needs") }
    return value
}

enum Proeftuin_JSON {
    static func encode<T: Encodable>(_ value: T) throws -> String { try Output.json(value) }
}

/// `proeftuin bench-frame`: loads the board and renders one frame without a terminal (used by `bench`).
struct BenchFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-frame", abstract: "Render one board frame without a terminal.",
                                                    shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the peak resident memory in bytes.") var memory = false
    @Flag(help: "Print how long each phase took.") var phases = false
    @Flag(help: "Print the monotonic clock (ns) when the frame is complete.") var frameClock = false

    func run() throws {
        var workspace: Workspace!
        var cards: [IdeaSummary] = []
        var state = AppState(language: .nl, size: Size(width: 200, height: 60))
        var grid = CellGrid(width: 0, height: 0)
        let open = try milliseconds { workspace = try global.openWorkspace() }
        let load = try milliseconds { cards = try workspace.reader.summaries() }
        let build = try milliseconds {
            state.setBoard(BoardData(cards: cards, wipLimits: try workspace.reader.wipLimits(), today: workspace.reader.today()))
        }
        let render = milliseconds { grid = Renderer().render(state) }
        guard grid.lines().count == 60 else { throw ExitCode(1) }
        if frameClock { print(DispatchTime.now().uptimeNanoseconds) }
        if phases { print(String(format: "open %.1f ms, load %.1f ms, state %.1f ms, render %.1f ms", open, load, build, render)) }
        if memory { print(AppDatabase.peakMemory() ?? 0) }
    }
}
