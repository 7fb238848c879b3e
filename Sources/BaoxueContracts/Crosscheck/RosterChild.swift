/// One child of the household-registration roster (户籍适龄人口): who they are by ID number, where
/// their household is registered, and who to call. What the cross-check compares the registry with.
public struct RosterChild: Codable, Sendable, Equatable {
    public var idNumber: IDNumber
    public var name: String
    /// The household's division code: 6 digits (county), 9 (township) or 12 (village).
    public var householdRegion: String
    public var guardianName: String?
    public var guardianPhone: String?

    public init(idNumber: IDNumber, name: String, householdRegion: String, guardianName: String? = nil, guardianPhone: String? = nil) {
        self.idNumber = idNumber
        self.name = name
        self.householdRegion = householdRegion
        self.guardianName = guardianName
        self.guardianPhone = guardianPhone
    }

    /// The township of the household: the first 9 digits of a township or village code; `nil`
    /// for a county-level (6-digit) code, whose township is unknown.
    public var township: String? { Self.township(ofRegion: householdRegion) }

    public static func township(ofRegion region: String) -> String? {
        region.utf8.count >= 9 ? String(region.prefix(9)) : nil
    }

    /// Reads one roster row with the rules of the student import: every problem of the row
    /// reported with its column, the ID number's check character and date checked, the region
    /// 6, 9 or 12 digits, names with their middle dots kept, phones mobile or landline.
    public static func parse(_ fields: [RosterField: String]) -> Result<RosterChild, RecordProblems> {
        // Each cell is looked up once: this runs for every row of a county's roster.
        let rawName = fields[.name] ?? "", rawID = fields[.idNumber] ?? "", rawRegion = fields[.householdRegion] ?? ""
        let rawGuardian = fields[.guardianName] ?? "", rawPhone = fields[.guardianPhone] ?? ""
        var problems: [FieldProblem] = []
        func problem(_ field: RosterField, _ reason: String) {
            problems.append(FieldProblem(field: field.header, reason: reason))
        }
        func checkLength(_ field: RosterField, _ raw: String) {
            // Bytes first: a cell of at most `maxLength` bytes cannot have more characters.
            if raw.utf8.count > field.maxLength, TextNormalization.field(raw).isLonger(than: field.maxLength) {
                problem(field, "超过\(field.maxLength)个字符 (longer than \(field.maxLength) characters)")
            }
        }
        checkLength(.name, rawName)
        checkLength(.idNumber, rawID)
        checkLength(.householdRegion, rawRegion)
        checkLength(.guardianName, rawGuardian)
        checkLength(.guardianPhone, rawPhone)
        let name = FieldParsing.personName(rawName)
        if name == nil { problem(.name, "必填 (required)") }
        var idNumber: IDNumber?
        do {
            idNumber = try IDNumber(validating: rawID)
        } catch {
            problem(.idNumber, TextNormalization.field(rawID).isEmpty ? "必填：户籍名单按身份证件号比对 (required: the roster is matched by ID number)" : error.message)
        }
        let region = TextNormalization.field(rawRegion)
        if ![6, 9, 12].contains(region.utf8.count) || !region.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            problem(.householdRegion, "区划代码应为6、9或12位数字，实为“\(region)” (division code must be 6, 9 or 12 digits)")
        }
        var guardianPhone: String?
        if !rawPhone.isEmpty, !TextNormalization.field(rawPhone).isEmpty {
            guardianPhone = FieldParsing.phone(rawPhone)
            if guardianPhone == nil { problem(.guardianPhone, "电话号码无效 (not a phone number)") }
        }
        let guardianName = rawGuardian.isEmpty ? nil : FieldParsing.personName(rawGuardian)
        guard problems.isEmpty, let name, let idNumber else { return .failure(RecordProblems(problems)) }
        return .success(RosterChild(idNumber: idNumber, name: name, householdRegion: region, guardianName: guardianName, guardianPhone: guardianPhone))
    }
}

extension RosterChild {
    /// What is wrong with a record that did not come through ``parse(_:)`` (a client that skipped
    /// the gateway's checks): the monitor refuses such a row rather than store it.
    public func consistencyProblems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.isEmpty || name.isLonger(than: RosterField.name.maxLength) || name.unicodeScalars.contains(where: FieldParsing.isControl) || TextNormalization.field(name) != name {
            problems.append(FieldProblem(field: RosterField.name.header, reason: "必填，最多50字，不含控制字符 (required, at most 50 characters, no control characters)"))
        }
        if ![6, 9, 12].contains(householdRegion.utf8.count) || !householdRegion.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            problems.append(FieldProblem(field: RosterField.householdRegion.header, reason: "区划代码应为6、9或12位数字 (division code must be 6, 9 or 12 digits)"))
        }
        if let guardianName, guardianName.isEmpty || guardianName.isLonger(than: RosterField.guardianName.maxLength) || guardianName.unicodeScalars.contains(where: FieldParsing.isControl) {
            problems.append(FieldProblem(field: RosterField.guardianName.header, reason: "最多50字，不含控制字符 (at most 50 characters, no control characters)"))
        }
        if let guardianPhone, FieldParsing.phone(guardianPhone) != guardianPhone {
            problems.append(FieldProblem(field: RosterField.guardianPhone.header, reason: "电话号码无效 (not a phone number)"))
        }
        return problems
    }
}
