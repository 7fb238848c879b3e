import ArgumentParser
import BaoxueContracts

/// `--service registry`: only the port plan's services can be named; `--help` lists them.
extension ServiceName: ExpressibleByArgument {}
