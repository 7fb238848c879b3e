import Gateway

/// The `baoxue` executable: wiring only. (Not `main.swift`: an async root command started from
/// `main.swift` fails at run time on Linux.)
@main
struct BaoxueMain {
    static func main() async {
        await BaoxueCommand.runMain(root: Baoxue.self)
    }
}
