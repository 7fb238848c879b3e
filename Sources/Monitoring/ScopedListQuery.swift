import BaoxueContracts

/// A list request that names a township, a school and a page size (alerts, cases, suspects):
/// what a list handler narrows to the actor's scope before the store reads it, so the stores never
/// see a filter the actor could not use.
protocol ScopedListQuery: Sendable {
    var township: String? { get set }
    var school: String? { get set }
    var limit: Int { get set }
}

extension ScopedListQuery {
    /// The query as `actor` may run it: township and school narrowed to the actor's scope, and at
    /// most 1,000 rows (at least one).
    /// - Throws: `scope.forbidden` for a township or school outside the actor's scope.
    func scoped(to actor: Actor) throws -> Self {
        var scoped = self
        (scoped.township, scoped.school) = try AccessScope(actor).narrow(township: township, school: school)
        scoped.limit = min(max(limit, 1), 1_000)
        return scoped
    }
}

// The monitor's list queries, from BaoxueContracts.
extension AlertQuery: ScopedListQuery {}
extension CaseQuery: ScopedListQuery {}
extension SuspectQuery: ScopedListQuery {}
extension HomeTeachingQuery: ScopedListQuery {}
