import BaoxueContracts

extension AccessScope {
    /// Verifying a cross-check suspect (核查): county roles anywhere, township staff in their
    /// township, whose job the check on the family is. Schools and viewers read only.
    func requireSuspectVerification(township: String) throws(ServiceError) {
        switch role {
        case .countyAdmin, .countyOperator, .system: return
        case .townshipStaff where actor.township == township: return
        default: throw Self.forbidden("核查该疑似失学儿童 (verifying this suspect is for the county or the child's township)")
        }
    }
}
