import BaoxueContracts

extension DemoCounty {
    /// Civil affairs' ledger of the county's left-behind children, in the ledger's columns
    /// (``LedgerField`` headers), for every child the schools flagged (学籍 留守情况): parents of
    /// a 双亲留守 child both work away; of a 单亲留守 child the father works away and the mother is
    /// at home (7 in 10: not left behind by civil affairs' definition) or cannot care for the child
    /// (3 in 10). Registered 30 to 230 days before ``today``. Derived from each child's number, so
    /// the same county gives the same ledger.
    public func careLedgerCSV() -> String {
        let columns: [LedgerField] = [
            .name, .idNumber, .studentNumber, .fatherSituation, .fatherPlace, .fatherReason, .motherSituation, .motherPlace, .motherReason,
            .guardianName, .guardianRelation, .guardianAge, .guardianPhone, .guardianHealth, .directorName, .supervisorName, .enteredOn,
        ]
        let places = ["广东东莞", "广东深圳", "浙江义乌", "福建晋江", "江苏苏州", "上海", "新疆昌吉", "四川成都"]
        let reasons = ["重病", "残疾", "服刑"]
        let healths = ["健康", "一般", "体弱多病"]
        var csv = CSVText(capacity: 160 * (students.count / 4 + 1))
        for column in columns { csv.field(column.header) }
        csv.endRow()
        for student in students where student.leftBehind != .no {
            let digits = student.studentNumber.value.utf8.suffix(6).reduce(0) { $0 * 10 + Int($1 &- 0x30) }
            let motherCares = student.leftBehind == .oneParent && digits % 10 < 7
            let village = student.householdRegion ?? countyCode
            for column in columns {
                switch column {
                case .name: csv.field(student.name)
                case .idNumber: csv.field(student.idNumber?.value ?? "")
                case .studentNumber: csv.field(student.idNumber == nil ? student.studentNumber.value : "")
                case .fatherSituation: csv.field("外出务工")
                case .fatherPlace: csv.field(places[digits % places.count])
                case .fatherReason: csv.field("")
                case .motherSituation: csv.field(student.leftBehind == .bothParents ? "外出务工" : motherCares ? "在家" : "无监护能力")
                case .motherPlace: csv.field(student.leftBehind == .bothParents ? places[(digits / 7) % places.count] : "")
                case .motherReason: csv.field(student.leftBehind == .oneParent && !motherCares ? reasons[digits % reasons.count] : "")
                case .guardianName: csv.field(student.guardianName ?? "未登记")
                case .guardianRelation: csv.field(motherCares ? "父母" : digits % 3 == 0 ? "外祖父母" : "祖父母")
                case .guardianAge: csv.field(motherCares ? 35 + digits % 10 : 58 + digits % 18)
                case .guardianPhone: csv.field(student.guardianPhone ?? "")
                case .guardianHealth: csv.field(healths[digits % healths.count])
                case .directorName: csv.field("村儿童主任" + String(village.suffix(3)))
                case .supervisorName: csv.field("儿童督导员" + String(village.prefix(9).suffix(3)))
                case .enteredOn: csv.field(today.adding(days: -30 - digits % 200).description)
                default: csv.field("")
                }
            }
            csv.endRow()
        }
        return csv.text
    }
}

extension DemoCounty {
    /// The same county with every child a rural 双亲留守 child (not an orphan, not unattended), so
    /// its ledger is as large as its roster: what `baoxue bench care` loads to have 100,000
    /// left-behind children without a registry ten times that size.
    public func everyChildLeftBehind() -> DemoCounty {
        DemoCounty(
            countyCode: countyCode, countyName: countyName, seed: seed, today: today, townships: townships, villages: villages, schools: schools,
            students: students.map { student in
                var child = student
                child.leftBehind = .bothParents
                child.householdType = .rural
                child.orphan = false
                child.unattended = false
                return child
            })
    }
}
