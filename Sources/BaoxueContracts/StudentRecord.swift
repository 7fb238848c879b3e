/// One student as the roster describes them: what an import row or an "add student" request
/// carries, already checked field by field and for agreement with the ID number.
public struct StudentRecord: Codable, Sendable, Equatable {
    public var name: String
    public var sex: Sex
    public var birthDate: CivilDate
    /// Missing for a child with no ID number, who is then tracked by ``studentNumber``.
    public var idNumber: IDNumber?
    public var studentNumber: StudentNumber
    public var schoolCode: String
    /// -2…12 as ``SchoolGrade`` numbers them: the kindergarten classes are -2, -1, 0.
    public var grade: Int
    public var className: String?
    /// `YYYY-MM`.
    public var enrolledOn: String?
    public var householdRegion: String?
    public var attendance: AttendanceMode
    public var registeredPoor: Bool
    public var subsistence: Bool
    public var disability: Disability
    public var leftBehind: LeftBehindStatus
    public var guardianName: String?
    public var guardianPhone: String?
    /// 户口性质; nil when the roster does not say. Civil affairs' ledger of left-behind children
    /// takes only rural-registered children.
    public var householdType: HouseholdType?
    /// 是否孤儿.
    public var orphan: Bool
    /// 是否事实无人抚养儿童: parents alive but in fact caring for nobody (dead, missing,
    /// imprisoned, severely ill), a category of its own beside orphans and left-behind children.
    public var unattended: Bool

    public init(
        name: String, sex: Sex, birthDate: CivilDate, idNumber: IDNumber?, studentNumber: StudentNumber,
        schoolCode: String, grade: Int, className: String? = nil, enrolledOn: String? = nil,
        householdRegion: String? = nil, attendance: AttendanceMode = .day, registeredPoor: Bool = false,
        subsistence: Bool = false, disability: Disability = .none, leftBehind: LeftBehindStatus = .no,
        guardianName: String? = nil, guardianPhone: String? = nil, householdType: HouseholdType? = nil, orphan: Bool = false,
        unattended: Bool = false
    ) {
        self.name = name
        self.sex = sex
        self.birthDate = birthDate
        self.idNumber = idNumber
        self.studentNumber = studentNumber
        self.schoolCode = schoolCode
        self.grade = grade
        self.className = className
        self.enrolledOn = enrolledOn
        self.householdRegion = householdRegion
        self.attendance = attendance
        self.registeredPoor = registeredPoor
        self.subsistence = subsistence
        self.disability = disability
        self.leftBehind = leftBehind
        self.guardianName = guardianName
        self.guardianPhone = guardianPhone
        self.householdType = householdType
        self.orphan = orphan
        self.unattended = unattended
    }

    /// Over the wire, the roster's optional columns may be omitted as they may be left empty in a
    /// file: day pupil, not poor, no subsistence allowance, no disability, not left behind, household
    /// type unknown, neither an orphan nor unattended.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        sex = try c.decode(Sex.self, forKey: .sex)
        birthDate = try c.decode(CivilDate.self, forKey: .birthDate)
        idNumber = try c.decodeIfPresent(IDNumber.self, forKey: .idNumber)
        studentNumber = try c.decode(StudentNumber.self, forKey: .studentNumber)
        schoolCode = try c.decode(String.self, forKey: .schoolCode)
        grade = try c.decode(Int.self, forKey: .grade)
        className = try c.decodeIfPresent(String.self, forKey: .className)
        enrolledOn = try c.decodeIfPresent(String.self, forKey: .enrolledOn)
        householdRegion = try c.decodeIfPresent(String.self, forKey: .householdRegion)
        attendance = try c.decodeIfPresent(AttendanceMode.self, forKey: .attendance) ?? .day
        registeredPoor = try c.decodeIfPresent(Bool.self, forKey: .registeredPoor) ?? false
        subsistence = try c.decodeIfPresent(Bool.self, forKey: .subsistence) ?? false
        disability = try c.decodeIfPresent(Disability.self, forKey: .disability) ?? .none
        leftBehind = try c.decodeIfPresent(LeftBehindStatus.self, forKey: .leftBehind) ?? .no
        guardianName = try c.decodeIfPresent(String.self, forKey: .guardianName)
        guardianPhone = try c.decodeIfPresent(String.self, forKey: .guardianPhone)
        householdType = try c.decodeIfPresent(HouseholdType.self, forKey: .householdType)
        orphan = try c.decodeIfPresent(Bool.self, forKey: .orphan) ?? false
        unattended = try c.decodeIfPresent(Bool.self, forKey: .unattended) ?? false
    }

    /// Reads a record from text fields keyed by column, as a CSV row or a form gives them.
    /// Returns every problem found, so a person fixes a row once.
    public static func parse(_ fields: [StudentField: String]) -> Result<StudentRecord, RecordProblems> {
        var problems: [FieldProblem] = []
        // An over-long field is reported once, for its length; the checks below still run for
        // the other fields, so the row's every problem is found in one pass.
        var tooLong: Set<StudentField> = []
        // Normalise each cell once, into a list by column (``StudentField/position``): the checks
        // below read about fifty cells, and a dictionary hashed its key at each read.
        var normalized = [String](repeating: "", count: StudentField.columnCount)
        for (field, value) in fields { normalized[field.position] = TextNormalization.field(value) }
        func text(_ field: StudentField) -> String { normalized[field.position] }
        func problem(_ field: StudentField, _ reason: String) {
            guard !tooLong.contains(field) else { return }
            problems.append(FieldProblem(field: field.header, reason: reason))
        }
        for field in StudentField.allCases where text(field).isLonger(than: field.maxLength) {
            problem(field, "超过\(field.maxLength)个字符 (longer than \(field.maxLength) characters)")
            tooLong.insert(field)
        }

        // Names go to `personName` as written: it normalises middle dots before half-width
        // folding, which would turn a full-width `．` into an ASCII `.`.
        let name = FieldParsing.personName(fields[.name] ?? "")
        if name == nil { problem(.name, "必填 (required)") }
        let sex = Sex(label: text(.sex))
        if sex == nil { problem(.sex, "应为男或女，实为“\(text(.sex))” (must be 男 or 女)") }
        let birthDate = CivilDate(parsing: text(.birthDate))
        if birthDate == nil { problem(.birthDate, "日期无效“\(text(.birthDate))”，应为YYYY-MM-DD (not a date, expected YYYY-MM-DD)") }

        // A passport's or a Hong Kong pass's number is not a resident ID: it is neither checked as
        // one nor kept, and the child is known by the student number.
        let residentCard = IDDocumentType.isResidentCard(text(.idType))
        var idNumber: IDNumber?
        if !text(.idNumber).isEmpty, residentCard {
            do { idNumber = try IDNumber(validating: text(.idNumber)) } catch { problem(.idNumber, error.message) }
        }
        var studentNumber: StudentNumber?
        if !text(.studentNumber).isEmpty {
            do { studentNumber = try StudentNumber(validating: text(.studentNumber)) } catch {
                problem(.studentNumber, error.message)
            }
        } else if let idNumber {
            studentNumber = StudentNumber(identity: idNumber)
        } else if !residentCard {
            problem(.studentNumber, "证件类型为“\(text(.idType))”，不是居民身份证，须填全国学籍号 (the ID document is not a resident ID card: give the student number)")
        } else if text(.idNumber).isEmpty {
            problem(.idNumber, "身份证件号与全国学籍号至少填一项 (give the ID number or the student number)")
        }
        if let idNumber, let embedded = studentNumber?.idNumber, embedded != idNumber {
            problem(.studentNumber, "G字头学籍号与身份证件号不一致 (G student number does not match the ID number)")
        }
        if let idNumber, let birthDate, idNumber.birthDate != birthDate {
            problem(.birthDate, "出生日期\(birthDate)与身份证件号中的\(idNumber.birthDate)不一致 (birth date contradicts the ID number)")
        }
        if let idNumber, let sex, idNumber.sex != sex {
            problem(.sex, "性别\(sex.label)与身份证件号不一致 (sex contradicts the ID number)")
        }

        let schoolCode = text(.schoolCode)
        if DivisionCodeLike.isDigits(schoolCode, count: 10) == false {
            problem(.schoolCode, "学校标识码应为10位数字，实为“\(schoolCode)” (school code must be 10 digits)")
        }
        let grade = FieldParsing.grade(text(.grade))
        if grade == nil { problem(.grade, "年级无效“\(text(.grade))”，应为1–12、“三年级”“初一”“高二”等，或幼儿园的小班、中班、大班 (grade must be 1–12, or a kindergarten class 小班/中班/大班)") }

        var enrolledOn: String?
        if !text(.enrolledOn).isEmpty {
            enrolledOn = FieldParsing.yearMonth(text(.enrolledOn))
            if enrolledOn == nil { problem(.enrolledOn, "应为YYYY-MM (expected YYYY-MM)") }
        }
        let region = text(.householdRegion)
        if !region.isEmpty, ![6, 9, 12].contains(region.count) || !DivisionCodeLike.isDigits(region, count: region.count) {
            problem(.householdRegion, "区划代码应为6、9或12位数字 (division code must be 6, 9 or 12 digits)")
        }
        let attendance = AttendanceMode(label: text(.attendance))
        if attendance == nil { problem(.attendance, "应为走读或住校 (must be 走读 or 住校)") }
        let registeredPoor = FieldParsing.flag(text(.registeredPoor))
        if registeredPoor == nil { problem(.registeredPoor, "应为是或否 (must be 是 or 否)") }
        let subsistence = FieldParsing.flag(text(.subsistence))
        if subsistence == nil { problem(.subsistence, "应为是或否 (must be 是 or 否)") }
        let disability = Disability(label: text(.disability))
        if disability == nil { problem(.disability, "应为否/视力/听力/言语/肢体/智力/精神/多重 (unknown disability category)") }
        let leftBehind = LeftBehindStatus(label: text(.leftBehind))
        if leftBehind == nil { problem(.leftBehind, "应为非留守/单亲留守/双亲留守 (unknown left-behind status)") }
        for (_, flag) in GuardianColumns.members where FieldParsing.flag(text(flag)) == nil {
            problem(flag, "应为是或否 (must be 是 or 否)")
        }
        let guardian = GuardianColumns.pick(text)
        var guardianPhone: String?
        if !text(guardian.phone).isEmpty {
            guardianPhone = FieldParsing.phone(text(guardian.phone))
            if guardianPhone == nil { problem(guardian.phone, "电话号码无效 (not a phone number)") }
        }
        let guardianName = text(guardian.name).isEmpty ? nil : FieldParsing.personName(fields[guardian.name] ?? "")
        var householdType: HouseholdType?
        if !text(.householdType).isEmpty {
            householdType = HouseholdType(label: text(.householdType))
            if householdType == nil { problem(.householdType, "应为农业户口或非农业户口（或农村/城镇，1/2）(must be 农业户口 or 非农业户口)") }
        }
        let orphan = FieldParsing.flag(text(.orphan))
        if orphan == nil { problem(.orphan, "应为是或否 (must be 是 or 否)") }
        let unattended = FieldParsing.flag(text(.unattended))
        if unattended == nil { problem(.unattended, "应为是或否 (must be 是 or 否)") }

        guard problems.isEmpty, let name, let sex, let birthDate, let studentNumber, let grade, let attendance,
            let registeredPoor, let subsistence, let disability, let leftBehind, let orphan, let unattended
        else { return .failure(RecordProblems(problems)) }
        let className = text(.className)
        return .success(
            StudentRecord(
                name: name, sex: sex, birthDate: birthDate, idNumber: idNumber, studentNumber: studentNumber,
                schoolCode: schoolCode, grade: grade, className: className.isEmpty ? nil : className,
                enrolledOn: enrolledOn, householdRegion: region.isEmpty ? nil : region, attendance: attendance,
                registeredPoor: registeredPoor, subsistence: subsistence, disability: disability,
                leftBehind: leftBehind, guardianName: guardianName, guardianPhone: guardianPhone, householdType: householdType,
                orphan: orphan, unattended: unattended))
    }

    /// Checks a record that arrived already typed (over the wire, from any client): the same
    /// agreement rules ``parse(_:)`` applies, so no client can store a contradiction.
    public func consistencyProblems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.trimmingWhitespace().isEmpty || name.isLonger(than: StudentField.name.maxLength) {
            problems.append(FieldProblem(field: StudentField.name.header, reason: "必填，最多50字 (required, at most 50 characters)"))
        }
        if let idNumber {
            if idNumber.birthDate != birthDate {
                problems.append(FieldProblem(field: StudentField.birthDate.header, reason: "出生日期与身份证件号不一致 (birth date contradicts the ID number)"))
            }
            if idNumber.sex != sex {
                problems.append(FieldProblem(field: StudentField.sex.header, reason: "性别与身份证件号不一致 (sex contradicts the ID number)"))
            }
            if let embedded = studentNumber.idNumber, embedded != idNumber {
                problems.append(FieldProblem(field: StudentField.studentNumber.header, reason: "G字头学籍号与身份证件号不一致 (student number does not match the ID number)"))
            }
        }
        if !DivisionCodeLike.isDigits(schoolCode, count: 10) {
            problems.append(FieldProblem(field: StudentField.schoolCode.header, reason: "学校标识码应为10位数字 (school code must be 10 digits)"))
        }
        if !SchoolGrade.all.contains(grade) {
            problems.append(FieldProblem(field: StudentField.grade.header, reason: "年级应为-2–12（-2、-1、0为幼儿园小班、中班、大班）(grade must be -2–12; -2, -1, 0 are the kindergarten classes)"))
        }
        if let phone = guardianPhone, FieldParsing.phone(phone) != phone {
            problems.append(FieldProblem(field: StudentField.guardianPhone.header, reason: "电话号码无效 (not a phone number)"))
        }
        if let month = enrolledOn, FieldParsing.yearMonth(month) != month {
            problems.append(FieldProblem(field: StudentField.enrolledOn.header, reason: "应为YYYY-MM (expected YYYY-MM)"))
        }
        if let region = householdRegion, ![6, 9, 12].contains(region.count) || !DivisionCodeLike.isDigits(region, count: region.count) {
            problems.append(FieldProblem(field: StudentField.householdRegion.header, reason: "区划代码应为6、9或12位数字 (division code must be 6, 9 or 12 digits)"))
        }
        // Each field checked in turn, not from a list made for every record the registry imports.
        func checkLength(_ field: StudentField, _ value: String?) {
            guard let value, value.isLonger(than: field.maxLength) else { return }
            problems.append(FieldProblem(field: field.header, reason: "超过\(field.maxLength)个字符 (longer than \(field.maxLength) characters)"))
        }
        checkLength(.name, name)
        checkLength(.className, className)
        checkLength(.guardianName, guardianName)
        return problems
    }

    /// The key an import upserts by: the ID number when there is one, the student number otherwise.
    public var identityKey: String { idNumber?.value ?? studentNumber.value }
}

/// Digit-string checks shared by code fields that are not division codes (school codes).
enum DivisionCodeLike {
    /// Read as bytes: ASCII digits are one byte each, so the byte count is the digit count.
    /// Walking `Character`s (grapheme breaking, Unicode's number property) cost a tenth of the
    /// check of every imported row.
    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
