import BaoxueContracts

/// What one cross-check run found about one child: the reasons, and where the suspect is routed.
struct CrosscheckFinding: Sendable, Equatable {
    /// The suspected-dropout ledger's key: the registry's student number, or `G` + the ID number
    /// for a child the registry does not know.
    var student: String
    var idNumber: String?
    var name: String
    /// The registry's township for a registered child; else the household's township; else the
    /// 6-digit county code of a county-level household (decision 46).
    var township: String
    var school: String?
    var schoolName: String?
    var registeredPoor: Bool
    var region: String?
    var reasons: Set<CrosscheckReason> = []
    var absentDays: Int?

    /// Reasons in a fixed order, poverty first: how the suspected-dropout ledger lists them.
    var orderedReasons: [CrosscheckReason] { Self.order(reasons) }

    static func order(_ reasons: some Collection<CrosscheckReason>) -> [CrosscheckReason] {
        [.poorDropout, .familyListNotEnrolled, .rosterNotEnrolled, .enrolledNotInClass].filter(reasons.contains)
    }

    /// Where the child is, for an alert's text: their school, or their household's region.
    func place(_ language: Language) -> String {
        if let school { return schoolName ?? school }
        return language.pick("户籍地\(region ?? township)", "household \(region ?? township)")
    }

    /// The alert text (rule 5): who, where, why, what to do. Names and places only, no numbers.
    func alertText(suspectID: Int64) -> (zh: String, en: String) {
        let reasonsZh = CrosscheckReason.list(orderedReasons, .zh)
        let reasonsEn = CrosscheckReason.list(orderedReasons, .en)
        let absence = absentDays.map { ("，近期\($0)个教学日无故缺课", "; \($0) unexplained absences lately") } ?? ("", "")
        let poor = registeredPoor ? ("，建档立卡户，请优先核查", "; a registered-poor household: check first") : ("", "")
        return (
            "四查三比对发现疑似失学辍学：\(name)（\(place(.zh))），\(reasonsZh)\(absence.0)\(poor.0)。请乡镇会同学校核实去向，并登记核查结果（疑似编号\(suspectID)）。",
            "Cross-check suspect: \(name) (\(place(.en))): \(reasonsEn)\(absence.1)\(poor.1). The township and the school should find out where the child is and record what they find (suspect \(suspectID)).")
    }
}
