import BaoxueContracts

/// What a CLI command works with: the operations, and the actor they are performed as.
public struct CommandSession: Sendable {
    public let operations: Operations
    public let actor: Actor
}
