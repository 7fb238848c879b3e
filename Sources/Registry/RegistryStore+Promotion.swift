import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

extension RegistryStore {
    /// Year-end promotion (升级) and graduation (毕业) for the schools in scope, in one transaction:
    /// each enrolled child goes up a grade and is announced as updated; a child in a graduating
    /// grade (``graduates(grade:at:)``) graduates through the ordinary `graduate` change. A school
    /// already promoted for the school year is listed with its date and left alone, so running the
    /// command again, or for the county after a school ran it, moves no child twice. Suspended
    /// children keep their grade: they repeat the year they left.
    public func promote(_ db: Database, _ request: PromotionRequest, actor: Actor, today: CivilDate, scope: AccessScope) throws -> PromotionReport {
        guard let year = PromotionRequest.completedSchoolYear(on: request.date) else {
            throw ServiceError(.promotionOutOfSeason, "升级毕业应在学年末办理（6月1日至10月31日），\(request.date)不在此期间 (a promotion is dated between 1 June and 31 October, when a school year ends; \(request.date) is not)", problems: [FieldProblem(field: "date", reason: "outside 1 June – 31 October")])
        }
        guard request.date <= today.adding(days: 1) else {
            throw ServiceError(.changeFutureDate, "升级日期\(request.date)晚于今天 (the promotion date \(request.date) is in the future)", problems: [FieldProblem(field: "date", reason: "in the future")])
        }
        let schools = try schoolsToPromote(db, request)
        for school in schools { try scope.requireStudentWrite(township: school.township, school: school.code) }
        var results: [SchoolPromotion] = []
        for school in schools {
            if let done = try Row.fetchOne(db.cachedStatement(sql: "SELECT date, promoted, graduated FROM promotion WHERE school = ? AND school_year = ?"), arguments: [school.code, year]) {
                results.append(SchoolPromotion(school: school.code, schoolName: school.name, township: school.township, promoted: done[1], graduated: done[2], alreadyOn: CivilDate(parsing: done[0])))
                continue
            }
            results.append(try promote(db, school, year: year, request: request, actor: actor, today: today, scope: scope))
        }
        return PromotionReport(schoolYear: year, date: request.date, dryRun: request.dryRun, schools: results)
    }

    /// Whether a child in `grade` leaves `type` of school at the year's end: from its last grade,
    /// from grade 9 (the end of compulsory education, whatever the school teaches next) and from
    /// 大班 (the end of kindergarten).
    public static func graduates(grade: Int, at type: SchoolType) -> Bool {
        grade >= type.grades.upperBound || grade == 9 || grade == SchoolGrade.kindergarten.upperBound
    }

    private func schoolsToPromote(_ db: Database, _ request: PromotionRequest) throws -> [(code: String, name: String, type: SchoolType, township: String)] {
        var sql = "SELECT code, name, type, township FROM school"
        var arguments: StatementArguments = []
        if let school = request.school.map(TextNormalization.field) {
            sql += " WHERE code = ?"
            arguments = [school]
        } else if let township = request.township.map(TextNormalization.field) {
            sql += " WHERE township = ?"
            arguments = [township]
        }
        let rows = try Row.fetchAll(db, sql: sql + " ORDER BY code", arguments: arguments)
        if rows.isEmpty, let school = request.school {
            throw ServiceError(.changeUnknownSchool, "学校\(school)不存在 (unknown school \(school))", problems: [FieldProblem(field: "school", reason: "unknown school")])
        }
        return rows.compactMap { row in SchoolType(rawValue: row[2]).map { (row[0], row[1], $0, row[3]) } }
    }

    private func promote(_ db: Database, _ school: (code: String, name: String, type: SchoolType, township: String), year: Int, request: PromotionRequest, actor: Actor, today: CivilDate, scope: AccessScope) throws -> SchoolPromotion {
        let children = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, student_number, record FROM student WHERE school = ? AND status = 'enrolled' ORDER BY id"), arguments: [school.code])
        var promoted = 0, graduated = 0
        let now = Timestamp.now()
        for row in children {
            var record = try WireCoding.decode(StudentRecord.self, from: row[2])
            if Self.graduates(grade: record.grade, at: school.type) {
                graduated += 1
                if !request.dryRun {
                    _ = try changeStatus(db, StatusChangeRequest(student: row[1], kind: .graduate, date: request.date, reason: "\(year)学年结束毕业 (graduated at the end of school year \(year))"), actor: actor, today: today, scope: scope)
                }
            } else {
                promoted += 1
                guard !request.dryRun else { continue }
                record.grade += 1
                let id: Int64 = row[0]
                try db.cachedStatement(sql: "UPDATE student SET record = ?, revision = revision + 1, updated_at = ? WHERE id = ?").execute(arguments: [try RegistryStore.storageJSON(record), now, id])
                let student = try fetchStudent(db, id: id)!
                try outbox.append(db, type: RegistryMessage.Event.studentUpdated, topic: "\(RegistryMessage.Event.studentUpdated).\(student.township)", body: student, actor: actor)
            }
        }
        if !request.dryRun {
            try db.cachedStatement(sql: "INSERT INTO promotion (school, school_year, date, promoted, graduated, recorded_by) VALUES (?, ?, ?, ?, ?, ?)").execute(arguments: [school.code, year, request.date.description, promoted, graduated, actor.user])
        }
        return SchoolPromotion(school: school.code, schoolName: school.name, township: school.township, promoted: promoted, graduated: graduated)
    }
}
