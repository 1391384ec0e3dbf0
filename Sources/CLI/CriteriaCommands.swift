import AppCore
import Application
import ArgumentParser
import Domain
import Foundation
import Storage

/// `proeftuin criteria …`: named, versioned criteria sets and their weights.
struct CriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria", abstract: HelpLanguage.text(.cliHelpCriteriaAbstract),
        subcommands: [
            CriteriaCreateCommand.self, CriteriaAddCommand.self, CriteriaEditCommand.self, CriteriaRemoveCommand.self,
            CriteriaShowCommand.self, CriteriaListCommand.self,
            CriteriaWeightsCommand.self, CriteriaROCCommand.self, CriteriaAHPCommand.self,
        ])
}

/// A criteria set in JSON: `name`, `version`, `criteria` with normalised weights alongside the raw ones.
struct CriteriaSetJSON: Encodable {
    struct Item: Encodable {
        var name: String
        var description: String
        var weight: Double
        var normalizedWeight: Double
        var direction: String
        var scaleMin: Int
        var scaleMax: Int
        var veto: Int?
        /// `at-most` or `at-least`; absent without a veto.
        var vetoDirection: String?
    }

    var name: String
    var version: Int
    var criteria: [Item]

    init(_ set: CriteriaSet) {
        name = set.name
        version = set.version
        let normalized = set.normalizedWeights
        criteria = set.criteria.enumerated().map { index, criterion in
            Item(name: criterion.name, description: criterion.description, weight: criterion.weight, normalizedWeight: normalized[index],
                 direction: criterion.direction.rawValue, scaleMin: criterion.scaleMin, scaleMax: criterion.scaleMax, veto: criterion.veto?.threshold,
                 vetoDirection: criterion.veto?.direction.rawValue)
        }
    }
}

struct CriteriaCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: HelpLanguage.text(.cliHelpCriteriaCreateAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCriteriaCreateSet)) var set: String
    @Flag(help: HelpLanguage.help(.cliHelpCriteriaCreateValues)) var values = false

    func run() throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        try workspace.createCriteriaSet(set)
        print(strings.format(.cliCriteriaCreated, Output.safe(set)))
        if values {
            try workspace.markValuesSet(set)
            print(strings.format(.cliValuesMarked, Output.safe(set)))
        }
    }
}

struct CriteriaAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: HelpLanguage.text(.cliHelpCriteriaAddAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSet)) var set: String
    @Argument(help: HelpLanguage.help(.cliHelpCriteriaAddName)) var name: String
    @Option(help: HelpLanguage.help(.cliHelpCriteriaAddWeight))
    var weight: String
    @Flag(help: HelpLanguage.help(.cliHelpCommonCost)) var cost = false
    @Option(help: HelpLanguage.help(.cliHelpCriteriaAddScale)) var scale: String = "1-5"
    @Option(help: HelpLanguage.help(.cliHelpCriteriaAddVeto))
    var veto: String?
    @Option(help: HelpLanguage.help(.cliHelpCriteriaAddDescription)) var description: String = ""

    func run() throws {
        let strings = Strings(try global.language())
        let (low, high) = try CriteriaScale.parse(scale)
        let weight = try NumberKind.weight.parse(self.weight)
        let workspace = try global.openWorkspace()
        var criterion = Criterion(name: name, description: description, weight: weight, direction: cost ? .cost : .benefit,
                                  scaleMin: low, scaleMax: high)
        if let veto, case .set(let threshold, let direction) = try CriterionEdit.VetoEdit.parse(veto) {
            criterion.veto = Veto(threshold, direction ?? Veto.defaultDirection(for: criterion.direction))
        }
        let updated = try workspace.addCriterion(criterion, to: set)
        Warnings.print(Warnings.bsn(inTexts: [name, description], strings: strings), strings: strings)
        print(strings.format(.cliCriteriaAdded, Output.safe(updated.name), updated.version, strings.criteria(updated.criteria.count)))
    }
}

/// `criteria edit`: renames, re-weights, rescales, turns around or re-vetoes one criterion, as a new version of the set.
struct CriteriaEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: HelpLanguage.text(.cliHelpCriteriaEditAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSet)) var set: String
    @Argument(help: HelpLanguage.help(.cliHelpCommonName)) var name: String
    @Option(help: HelpLanguage.help(.cliHelpCommonRename)) var rename: String?
    @Option(help: HelpLanguage.help(.cliHelpCriteriaEditWeight)) var weight: Double?
    @Option(help: HelpLanguage.help(.cliHelpCriteriaEditScale)) var scale: String?
    @Flag(help: HelpLanguage.help(.cliHelpCommonCost)) var cost = false
    @Flag(help: HelpLanguage.help(.cliHelpCriteriaEditBenefit)) var benefit = false
    @Option(help: HelpLanguage.help(.cliHelpCriteriaEditVeto)) var veto: String?
    @Option(help: HelpLanguage.help(.cliHelpCommonDescription)) var description: String?

    func run() throws {
        let strings = Strings(try global.language())
        guard !(cost && benefit) else { throw CLIError.usage(.cliUsageCostAndBenefit, []) }
        var edit = CriterionEdit(rename: rename, weight: weight, direction: cost ? .cost : (benefit ? .benefit : nil),
                                 veto: try veto.map(CriterionEdit.VetoEdit.parse), description: description)
        if let scale { (edit.scaleMin, edit.scaleMax) = try CriteriaScale.parse(scale) }
        guard !edit.isEmpty else {
            throw CLIError.usage(.cliUsageNothingToChange, [])
        }
        let updated = try global.openWorkspace().changeCriteria(set, .edit(name, edit))
        let shown = updated.criteria[updated.index(of: TextSanitizer.singleLine(rename ?? name)) ?? 0]
        print(strings.format(.cliCriterionEdited, Output.safe(updated.name), updated.version, Output.safe(shown.name),
                             CriteriaText.describe(shown, strings: strings)))
    }
}

/// `criteria remove`: removes one criterion, as a new version of the set.
struct CriteriaRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: HelpLanguage.text(.cliHelpCriteriaRemoveAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSet)) var set: String
    @Argument(help: HelpLanguage.help(.cliHelpCommonName)) var name: String

    func run() throws {
        let strings = Strings(try global.language())
        let updated = try global.openWorkspace().changeCriteria(set, .remove(name))
        print(strings.format(.cliCriterionRemoved, Output.safe(updated.name), updated.version, Output.safe(name),
                             strings.criteria(updated.criteria.count)))
    }
}

struct CriteriaShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: HelpLanguage.text(.cliHelpCriteriaShowAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSet)) var set: String
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text

    func run() throws {
        let strings = Strings(try global.language())
        let value = try global.openForReading().reader.criteriaSet(set)
        switch format {
        case .json: print(try Output.json(CriteriaSetJSON(value)))
        case .text:
            print(strings.format(.cliCriteriaVersion, Output.safe(value.name), value.version))
            let weights = value.normalizedWeights
            let rows = value.criteria.enumerated().map { index, criterion in
                [criterion.name, strings.decimal(weights[index] * 100, 1) + " %", strings.direction(criterion.direction),
                 "\(criterion.scaleMin)-\(criterion.scaleMax)", criterion.veto?.label ?? "", Output.safe(criterion.description)]
            }
            let header: [StringKey] = [.cliColumnCriterion, .cliColumnWeight, .cliColumnDirection, .cliColumnScale, .cliColumnVeto,
                                       .cliColumnDescription]
            if !rows.isEmpty { print(Output.table([header.map { strings[$0] }] + rows)) }
        }
    }
}

struct CriteriaListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: HelpLanguage.text(.cliHelpCriteriaListAbstract))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        for set in try global.openForReading().reader.criteriaSets() {
            print(Output.safe("\(set.name)  v\(set.version)  \(set.criteria.map(\.name).joined(separator: ", "))"))
        }
    }
}

struct CriteriaWeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights", abstract: HelpLanguage.text(.cliHelpCriteriaWeightsAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSet)) var set: String
    @Option(help: HelpLanguage.help(.cliHelpCriteriaWeightsPercent)) var percent: String

    func run() throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        let current = try workspace.reader.criteriaSet(set)
        var values = Array(repeating: 0.0, count: current.criteria.count)
        for pair in percent.split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2 else { throw CLIError.usage(.cliUsageNotNamePercent, [String(pair)]) }
            let value = try NumberKind.weight.parse(String(parts[1]))
            guard let index = current.index(of: String(parts[0])) else { throw DomainError.unknownCriterion(String(parts[0])) }
            values[index] = value
        }
        let direct = Weights.direct(values)
        try workspace.saveCriteriaSet(try current.withWeights(direct.weights))
        if direct.adjusted {
            FileHandle.standardError.write(Data((strings.format(.cliWeightsNormalised, strings.number(values.reduce(0, +))) + "\n").utf8))
        }
        print(zip(current.criteria, direct.weights).map { "\(Output.safe($0.name))=\(strings.decimal($1 * 100, 1))%" }.joined(separator: "; "))
    }
}

struct CriteriaROCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "roc", abstract: HelpLanguage.text(.cliHelpCriteriaROCAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSet)) var set: String
    @Option(help: HelpLanguage.help(.cliHelpCriteriaROCOrder)) var order: String

    func run() throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        let current = try workspace.reader.criteriaSet(set)
        let names = order.split(separator: ",").map(String.init)
        guard names.count == current.criteria.count else {
            throw CLIError.usage(.cliUsageNameAllCriteria, ["\(current.criteria.count)", current.criteria.map(\.name).joined(separator: ",")])
        }
        let roc = Weights.rankOrderCentroid(count: names.count)
        var weights = Array(repeating: -1.0, count: names.count)
        for (rank, name) in names.enumerated() {
            guard let index = current.index(of: name) else { throw DomainError.unknownCriterion(name) }
            guard weights[index] < 0 else { throw CLIError.usage(.cliUsageTwiceInOrder, [name]) }
            weights[index] = roc[rank]
        }
        try workspace.saveCriteriaSet(try current.withWeights(weights))
        print(zip(current.criteria, weights).map { "\(Output.safe($0.name))=\(strings.decimal($1, 4))" }.joined(separator: "; "))
    }
}

struct CriteriaAHPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ahp", abstract: HelpLanguage.text(.cliHelpCriteriaAHPAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: HelpLanguage.help(.cliHelpCommonSet)) var set: String
    @Option(help: HelpLanguage.help(.cliHelpCriteriaAHPMatrix)) var matrix: String
    @Flag(help: HelpLanguage.help(.cliHelpCriteriaAHPApply)) var apply = false
    @Flag(help: HelpLanguage.help(.cliHelpCriteriaAHPAcceptInconsistent)) var acceptInconsistent = false
    @Option(help: HelpLanguage.help(.cliHelpCommonFormat)) var format: TextFormat = .text

    func run() throws {
        let strings = Strings(try global.language())
        let workspace = try global.openWorkspace()
        let current = try workspace.reader.criteriaSet(set)
        let parsed = try AHP.parseMatrix(matrix)
        guard parsed.count == current.criteria.count else {
            throw DomainError.invalidMatrix(.size(rows: parsed.count, criteria: current.criteria.count))
        }
        let result = AHP.analyze(parsed)
        switch format {
        case .json:
            print(try Output.json(result))
        case .text:
            for (criterion, weight) in zip(current.criteria, result.weights) { print("\(Output.safe(criterion.name))  \(strings.decimal(weight, 4))") }
            print(strings.format(.cliAHPLine, strings.decimal(result.lambdaMax, 4), strings.decimal(result.ci, 4), strings.decimal(result.cr, 4),
                                 strings[result.consistent ? .cliAHPConsistent : .cliAHPInconsistent]))
        }
        if apply {
            if !result.consistent && !acceptInconsistent {
                throw CLIError.usage(.cliUsageInconsistent, [strings.decimal(result.cr, 3)])
            }
            try workspace.saveCriteriaSet(try current.withWeights(result.weights))
        }
    }
}
