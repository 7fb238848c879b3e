import BaoxueContracts

extension TableError {
    /// The same refusal as it crosses a service boundary: the code and message unchanged, so a
    /// client sees `csv.xlsx` whether it read the file itself or sent it to the gateway.
    public var serviceError: ServiceError {
        ServiceError(code, message)
    }
}
