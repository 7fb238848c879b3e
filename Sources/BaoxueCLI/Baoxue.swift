import ArgumentParser
import BaoxueBench
import Gateway

/// The `baoxue` root command: the gateway's commands plus `bench`, which lives in its own module
/// (``BenchCommand``) so the gateway's library carries no benchmark code.
struct Baoxue: AsyncParsableCommand {
    static let configuration = BaoxueCommand.configuration(adding: [BenchCommand.self])
}
