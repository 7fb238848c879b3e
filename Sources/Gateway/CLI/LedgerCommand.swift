import ArgumentParser

/// `baoxue ledger …`: the dropout ledger (辍学学生台账) as the county sends it up. Each report or
/// export is its own subcommand in its own file, so they can be added side by side.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "辍学学生台账：月报 (the dropout ledger: the monthly report)",
        subcommands: [LedgerReportCommand.self])
}
