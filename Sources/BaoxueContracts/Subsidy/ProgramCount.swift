/// How many children one program has in a list or report, and what they come to in fen.
public struct ProgramCount: Codable, Sendable, Equatable {
    public var program: String
    public var children: Int
    public var amountFen: Int64

    public init(program: String, children: Int, amountFen: Int64) {
        self.program = program
        self.children = children
        self.amountFen = amountFen
    }
}
