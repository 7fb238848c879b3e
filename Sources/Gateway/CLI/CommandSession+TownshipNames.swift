import BaoxueContracts

extension CommandSession {
    /// The townships' names for a table (code → name), from the registry; none for `--json`,
    /// which keeps codes only as the HTTP API does, so a script's output never waits on a second
    /// service. Best effort, as ``RegistryOperations/townshipNames(actor:)`` is.
    func townshipNames(_ options: GlobalOptions) async -> [String: String] {
        options.json ? [:] : await operations.registry.townshipNames(actor: actor)
    }
}
