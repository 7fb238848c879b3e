import BaoxueContracts
import BaoxueDemo
import Foundation

extension DemoLoader {
    /// The demo county's care: civil affairs' ledger imported as a county would, a home at 4 in 5
    /// schools, a teacher per five children as surrogate parents, every child on the ledger given
    /// one except 1 in 20 (who then have an alert saying they wait), contacts logged for most (the
    /// rest are reminded), a few wishes at each stage and activities, then the care sweep.
    /// Deterministic; loading again changes nothing the first load did.
    ///
    /// A contacted child's assignment is dated within the contact period (the surrogate met the
    /// child when taking them on): the rules run on every write, so an assignment dated months
    /// back would raise a contact reminder, and notify the surrogate, in the moment before the
    /// contact that answers it is logged.
    static func loadCare(_ county: DemoCounty, into operations: Operations, actor: Actor) async throws {
        try await operations.services.waitToCatchUp(.care, following: .registry, timeout: .seconds(120))
        _ = try await operations.care.importLedger(Data(county.careLedgerCSV().utf8), actor: actor)
        let care = operations.care
        let byMasked = Dictionary(county.students.map { ("\($0.studentNumber.masked)|\($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
        let existing = Set(try await care.surrogates(CareScopeQuery(limit: 1_000), actor: actor).map { "\($0.school ?? "")|\($0.name)" })
        for (index, school) in county.schools.enumerated() {
            if index % 5 != 4 {
                _ = try await care.recordHome(
                    HomeRequest(school: school.code, name: "\(school.name)留守儿童之家", openedOn: county.today.adding(days: -400 - index), rooms: 1 + index % 3, phones: 2, videoDevices: index % 2, books: 300 + 20 * index,
                                inCharge: CareContact(name: "之家负责人\(index + 1)")), actor: actor)
            }
            let children = try await care.ledger(LedgerQuery(school: school.code, limit: 1_000), actor: actor).sorted { $0.id < $1.id }
            guard !children.isEmpty else { continue }
            for (position, entry) in children.enumerated() {
                guard entry.surrogate == nil, position % 20 != 19, let student = byMasked["\(entry.student)|\(entry.studentName)"] else { continue }
                let teacher = "\(["王", "李", "张", "刘", "陈", "杨", "黄", "赵"][(index + position / 5) % 8])老师\(school.code.suffix(3))-\(position / 5 + 1)"
                var surrogate = try await care.surrogates(CareScopeQuery(school: school.code, limit: 1_000), actor: actor).first { $0.name == teacher }
                if surrogate == nil, !existing.contains("\(school.code)|\(teacher)") {
                    surrogate = try await care.registerSurrogate(SurrogateRequest(name: teacher, kind: .teacher, school: school.code), actor: actor)
                }
                guard let surrogate else { continue }
                let contacted = position % 10 != 3
                let enteredPlusThree = (entry.enteredOn ?? county.today).adding(days: 3)
                let assignedOn = min(contacted ? max(enteredPlusThree, county.today.adding(days: -12)) : enteredPlusThree, county.today)
                do {
                    _ = try await care.assign(AssignmentRequest(student: student.identityKey, surrogate: surrogate.id, date: assignedOn), actor: actor)
                } catch let error as ServiceError where error.code == .careNotInLedger {
                    // A large county has children who share a name and a masked number; the one
                    // found here was another child, off the ledger. Leave the pair unassigned.
                    continue
                }
                if contacted {
                    _ = try await care.logContact(ContactRequest(student: student.identityKey, way: [.visit, .talk, .phone, .video][position % 4], note: "了解学习生活情况", date: max(assignedOn, county.today.adding(days: -(position % 10)))), actor: actor)
                }
                if position % 7 == 0 {
                    let wish = try await care.postWish(WishRequest(student: student.identityKey, wish: ["一套课外书", "一个新书包", "一双运动鞋", "一套文具"][position % 4], value: 50 + 10 * (position % 12)), actor: actor)
                    if position % 14 == 0 {
                        _ = try await care.claimWish(WishClaim(id: wish.id, donor: CareContact(name: "爱心人士\(position)")), actor: actor)
                        if position % 28 == 0 { _ = try await care.fulfilWish(WishFulfilment(id: wish.id, note: "已送到学校"), actor: actor) }
                    }
                }
            }
            let named = children.prefix(6).compactMap { byMasked["\($0.student)|\($0.studentName)"]?.identityKey }
            let recorded = try await care.activities(ActivityQuery(school: school.code, limit: 1_000), actor: actor).contains { $0.note == "演示活动" }
            if !named.isEmpty, !recorded {
                do {
                    _ = try await care.recordActivity(ActivityRequest(kind: [.youthPalace, .videoCall, .counselling, .tutoring][index % 4], school: school.code, students: named, participants: named.count + 20, note: "演示活动"), actor: actor)
                } catch let error as ServiceError where error.code == .careNotInLedger {}
            }
        }
        _ = try await care.sweep(actor: actor)
    }
}
