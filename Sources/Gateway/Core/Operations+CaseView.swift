import BaoxueContracts

extension Operations {
    /// One case as `case show` and `GET /cases/{id}` show it: the monitor's file, with the care
    /// record and the aid asked of their services at once.
    public func caseView(_ id: Int64, actor: Actor) async throws -> CaseView {
        let file = try await monitor.caseFile(id, actor: actor)
        async let care = care.record(for: file, actor: actor)
        async let aid = subsidy.aid(for: file, actor: actor)
        return CaseView(file: file, care: try await care, subsidy: try await aid)
    }
}
