extension LedgerEntryRequest {
    /// Reads a child's situation from text fields keyed by column, as a ledger row or a form gives
    /// them (the name is not needed: the registry knows it): every problem reported with its
    /// column, the ID number's check character and date checked, closed sets read by code or
    /// Chinese label, phones mobile or landline, the date in any spelling the registry reads.
    public static func parse(_ fields: [LedgerField: String]) -> Result<LedgerEntryRequest, RecordProblems> {
        var problems: [FieldProblem] = []
        func text(_ field: LedgerField) -> String { TextNormalization.field(fields[field] ?? "") }
        func problem(_ field: LedgerField, _ reason: String) { problems.append(FieldProblem(field: field.header, reason: reason)) }
        for field in LedgerField.allCases where field != .name && text(field).isLonger(than: field.maxLength) {
            problem(field, "超过\(field.maxLength)个字符 (longer than \(field.maxLength) characters)")
        }
        var key: String?
        if !text(.idNumber).isEmpty {
            do { key = try IDNumber(validating: text(.idNumber)).value } catch { problem(.idNumber, error.message) }
        } else if !text(.studentNumber).isEmpty {
            do { key = try StudentNumber(validating: text(.studentNumber)).value } catch { problem(.studentNumber, error.message) }
        } else {
            problem(.idNumber, "身份证件号与全国学籍号至少填一项 (give the ID number or the student number)")
        }

        func phone(_ field: LedgerField) -> String? {
            guard !text(field).isEmpty else { return nil }
            guard let phone = FieldParsing.phone(text(field)) else { problem(field, "电话号码无效 (not a phone number)"); return nil }
            return phone
        }
        func optional(_ field: LedgerField) -> String? { text(field).isEmpty ? nil : text(field) }
        func parent(_ situation: LedgerField, place: LedgerField, reason: LedgerField, name: LedgerField, phone phoneField: LedgerField) -> ParentRecord? {
            guard let value = ParentSituation(label: text(situation)) else {
                problem(situation, "应为在家、外出务工或无监护能力，实为“\(text(situation))” (must be 在家, 外出务工 or 无监护能力)")
                return nil
            }
            let record = ParentRecord(situation: value, place: optional(place), reason: optional(reason), name: optional(name), phone: phone(phoneField))
            if value == .away, record.place == nil { problem(place, "外出务工须填写务工地 (a parent working away needs the place)") }
            if value == .unable, record.reason == nil { problem(reason, "无监护能力须说明原因 (say why the parent cannot care for the child)") }
            return record
        }
        let father = parent(.fatherSituation, place: .fatherPlace, reason: .fatherReason, name: .fatherName, phone: .fatherPhone)
        let mother = parent(.motherSituation, place: .motherPlace, reason: .motherReason, name: .motherName, phone: .motherPhone)

        let guardianName = FieldParsing.personName(fields[.guardianName] ?? "")
        if guardianName == nil { problem(.guardianName, "必填 (required)") }
        let relation = GuardianRelation(label: text(.guardianRelation))
        if relation == nil { problem(.guardianRelation, "应为\(GuardianRelation.allCases.map(\.chinese).joined(separator: "、")) (one of \(GuardianRelation.accepted))") }
        var age: Int?
        if !text(.guardianAge).isEmpty {
            age = Int(text(.guardianAge).filter { $0 != "岁" })
            if age == nil || !(10...120).contains(age!) { problem(.guardianAge, "年龄应为10–120 (age must be 10–120)") }
        }
        var health: GuardianHealth?
        if !text(.guardianHealth).isEmpty {
            health = GuardianHealth(label: text(.guardianHealth))
            if health == nil { problem(.guardianHealth, "应为\(GuardianHealth.allCases.map(\.chinese).joined(separator: "、")) (one of \(GuardianHealth.accepted))") }
        }
        let guardianPhone = phone(.guardianPhone)
        func contact(_ nameField: LedgerField, _ phoneField: LedgerField) -> CareContact? {
            let phone = phone(phoneField)
            guard let name = optional(nameField) else {
                if phone != nil { problem(nameField, "填了电话须填姓名 (a phone needs a name)") }
                return nil
            }
            return CareContact(name: name, phone: phone)
        }
        let director = contact(.directorName, .directorPhone)
        let supervisor = contact(.supervisorName, .supervisorPhone)
        var enteredOn: CivilDate?
        if !text(.enteredOn).isEmpty {
            enteredOn = CivilDate(parsing: text(.enteredOn))
            if enteredOn == nil { problem(.enteredOn, "日期无效“\(text(.enteredOn))”，应为YYYY-MM-DD (not a date, expected YYYY-MM-DD)") }
        }
        guard problems.isEmpty, let key, let father, let mother, let guardianName, let relation else {
            return .failure(RecordProblems(problems))
        }
        let guardian = Guardian(name: guardianName, relation: relation, age: age, phone: guardianPhone, health: health)
        return .success(LedgerEntryRequest(student: key, father: father, mother: mother, guardian: guardian, director: director, supervisor: supervisor, enteredOn: enteredOn))
    }
}
