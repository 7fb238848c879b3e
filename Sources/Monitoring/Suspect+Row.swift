import BaoxueContracts
import GRDB

/// A row of the suspected-dropout ledger (疑似辍学台账, `crosscheck_suspect`) as people see it,
/// in a list or in the exported ledger: with the child's registry status and school name and the
/// roster's guardian, every number and the guardian's name masked (``Masking``), the birth date
/// to its year (decision 111).
extension Suspect {
    static let columns = """
        x.*, s.status, s.birth_date, c.name AS school_name, r.guardian_name, r.guardian_phone
        """
    static let from = """
        crosscheck_suspect x
        LEFT JOIN student s ON s.number = x.student
        LEFT JOIN school c ON c.code = x.school
        LEFT JOIN roster_child r ON r.id_number = x.id_number
        """
    /// Registered-poor children first (the poverty comparison has priority), then by township and
    /// name, then by what the masked number shows. Never by the full number: within a region
    /// the order of ID numbers is the order of birth dates (decision 111).
    static let order = "x.registered_poor DESC, x.township, x.name, substr(x.student, 1, 7), substr(x.student, 16), x.id"

    init(row: Row) {
        let idNumber: String? = row["id_number"]
        let birth: String? = row["birth_date"]
        self.init(
            id: row["id"], state: SuspectState(rawValue: row["state"]) ?? .open, reasons: CrosscheckReason.decodeList(row["reasons"]),
            category: (row["category"] as String?).flatMap(SuspectCategory.init(rawValue:)), studentName: row["name"],
            idNumber: idNumber.map(Masking.idNumber), student: Masking.studentNumber(row["student"]), township: row["township"],
            school: row["school"], schoolName: row["school_name"], registeredPoor: row["registered_poor"], householdRegion: row["region"],
            birthYear: (birth.flatMap(CivilDate.init(parsing:)) ?? idNumber.flatMap(IDNumber.birthDate(inText:))).map(Masking.birthYear),
            status: (row["status"] as String?).flatMap(StudentStatus.init(rawValue:)), absentDays: row["absent_days"],
            guardianName: (row["guardian_name"] as String?).map(Masking.personName), guardianPhone: (row["guardian_phone"] as String?).map(Masking.phone),
            firstFound: CivilDate(parsing: row["first_found"] as String) ?? CivilDate(dayNumber: 0),
            lastFound: CivilDate(parsing: row["last_found"] as String) ?? CivilDate(dayNumber: 0),
            verifiedBy: row["verified_by"], verifiedOn: (row["verified_on"] as String?).flatMap(CivilDate.init(parsing:)), proof: row["proof"],
            note: row["note"], caseID: row["case_id"], closedOn: (row["closed_on"] as String?).flatMap(CivilDate.init(parsing:)), closure: row["closure"])
    }
}
