/// Where a roster row's guardian is: the 监护人 columns, or in the national 学籍 export, which
/// has none, the first family member marked 监护人 (成员1是否监护人 = 是), else member 1.
///
/// Problems with the guardian are then reported under the column the value came from, so the
/// operator is sent to 成员2联系电话, not to a 监护人电话 their file does not have.
struct GuardianColumns {
    var name: StudentField
    var phone: StudentField

    static let own = GuardianColumns(name: .guardianName, phone: .guardianPhone)
    static let members = [
        (columns: GuardianColumns(name: .member1Name, phone: .member1Phone), flag: StudentField.member1Guardian),
        (columns: GuardianColumns(name: .member2Name, phone: .member2Phone), flag: StudentField.member2Guardian),
    ]

    /// The columns to read the guardian from, given a row's normalised cells.
    static func pick(_ text: (StudentField) -> String) -> GuardianColumns {
        guard text(.guardianName).isEmpty, text(.guardianPhone).isEmpty else { return .own }
        let present = members.filter { !text($0.columns.name).isEmpty }
        return (present.first { FieldParsing.flag(text($0.flag)) == true } ?? present.first)?.columns ?? .own
    }
}
