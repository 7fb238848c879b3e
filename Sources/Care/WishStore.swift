import BaoxueContracts
import GRDB

/// Micro-wishes (微心愿): posted for a child on the ledger, claimed by a donor, fulfilled, or
/// withdrawn while not yet fulfilled. Staff see the child; donors see only the given name, grade
/// and school (``DonorWish``). Every method runs in the caller's transaction.
struct WishStore: Sendable {
    /// Posts a wish for a child on the ledger.
    /// - Throws: `care.invalid`, `care.notInLedger`, `scope.forbidden`.
    func post(_ db: Database, _ request: WishRequest, actor: Actor, today: CivilDate) throws -> Wish {
        let child = try ChildRow.require(db, key: request.student, actor: actor)
        try AccessScope(actor).requireCaseWork(township: child.township, school: child.school)
        try SurrogateStore.requireActive(db, child)
        let text = request.wish.trimmingWhitespace()
        var problems: [FieldProblem] = []
        if !(1...100).contains(text.count) { problems.append(FieldProblem(field: "wish", reason: "必填，最多100字 (required, at most 100 characters)")) }
        if !(1...5_000).contains(request.value) { problems.append(FieldProblem(field: "value", reason: "估价应为1–5000元 (the value must be 1–5000 yuan)")) }
        let date = request.date ?? today
        if date > today { problems.append(FieldProblem(field: "date", reason: "日期不能晚于今天 (not in the future)")) }
        guard problems.isEmpty else { throw Self.invalid(problems) }
        try db.cachedStatement(sql: "INSERT INTO wish (student, township, school, wish, value, state, posted_on, posted_by) VALUES (?, ?, ?, ?, ?, 'posted', ?, ?)")
            .execute(arguments: [child.number, child.township, child.school, text, request.value, date.description, actor.user])
        return try wish(db, id: db.lastInsertedRowID)!
    }

    /// A donor takes on a posted wish.
    /// - Throws: `care.wishNotFound`, `care.wishState` (not posted), `care.invalid`, `scope.forbidden`.
    func claim(_ db: Database, _ request: WishClaim, actor: Actor, today: CivilDate) throws -> Wish {
        let wish = try require(db, id: request.id, actor: actor, allowed: [.posted], action: ("认领", "be claimed"))
        let date = try day(request.date, today: today, notBefore: wish.postedOn)
        let problems = request.donor.problems("donor")
        guard problems.isEmpty else { throw Self.invalid(problems) }
        try db.cachedStatement(sql: "UPDATE wish SET state = 'claimed', donor = ?, claimed_on = ? WHERE id = ?").execute(arguments: [try LedgerStore.json(request.donor), date.description, wish.id])
        return try self.wish(db, id: wish.id)!
    }

    /// The child received the wish.
    /// - Throws: `care.wishNotFound`, `care.wishState` (not claimed), `care.invalid`, `scope.forbidden`.
    func fulfil(_ db: Database, _ request: WishFulfilment, actor: Actor, today: CivilDate) throws -> Wish {
        let wish = try require(db, id: request.id, actor: actor, allowed: [.claimed], action: ("标记实现", "be fulfilled"))
        let date = try day(request.date, today: today, notBefore: wish.claimedOn ?? wish.postedOn)
        var problems: [FieldProblem] = []
        if (request.note?.count ?? 0) > 500 { problems.append(FieldProblem(field: "note", reason: "最多500字 (at most 500 characters)")) }
        if (request.photo?.count ?? 0) > 300 { problems.append(FieldProblem(field: "photo", reason: "最多300字 (at most 300 characters)")) }
        guard problems.isEmpty else { throw Self.invalid(problems) }
        try db.cachedStatement(sql: "UPDATE wish SET state = 'fulfilled', fulfilled_on = ?, note = ?, photo = ? WHERE id = ?").execute(arguments: [date.description, request.note, request.photo, wish.id])
        return try self.wish(db, id: wish.id)!
    }

    /// Takes a wish back before it was fulfilled.
    /// - Throws: `care.wishNotFound`, `care.wishState` (fulfilled or withdrawn), `care.invalid`, `scope.forbidden`.
    func withdraw(_ db: Database, _ request: WishWithdrawal, actor: Actor, today: CivilDate) throws -> Wish {
        let wish = try require(db, id: request.id, actor: actor, allowed: [.posted, .claimed], action: ("撤回", "be withdrawn"))
        let date = try day(request.date, today: today, notBefore: wish.postedOn)
        let reason = request.reason.trimmingWhitespace()
        guard (1...200).contains(reason.count) else { throw Self.invalid([FieldProblem(field: "reason", reason: "须说明原因，最多200字 (give a reason, at most 200 characters)")]) }
        try db.cachedStatement(sql: "UPDATE wish SET state = 'withdrawn', withdrawn_on = ?, withdraw_reason = ? WHERE id = ?").execute(arguments: [date.description, reason, wish.id])
        return try self.wish(db, id: wish.id)!
    }

    private func require(_ db: Database, id: Int64, actor: Actor, allowed: [WishState], action: (zh: String, en: String)) throws -> Wish {
        guard let wish = try wish(db, id: id) else {
            throw AccessScope(actor).missing(ServiceError(.careWishNotFound, "没有编号为\(id)的微心愿 (no wish \(id))"))
        }
        try AccessScope(actor).requireCaseWork(township: wish.township, school: wish.school)
        guard allowed.contains(wish.state) else {
            throw ServiceError(.careWishState, "微心愿\(id)\(wish.state.chinese)，不能\(action.zh)；只有\(allowed.map(\.chinese).joined(separator: "或"))的可以 (wish \(id) is \(wish.state.rawValue) and cannot \(action.en); only \(allowed.map(\.rawValue).joined(separator: " or ")) wishes can)")
        }
        return wish
    }

    private func day(_ date: CivilDate?, today: CivilDate, notBefore earliest: CivilDate) throws -> CivilDate {
        let date = date ?? today
        guard date <= today, date >= earliest else { throw Self.invalid([FieldProblem(field: "date", reason: "应在\(earliest)与今天之间 (between \(earliest) and today)")]) }
        return date
    }

    static func invalid(_ problems: [FieldProblem]) -> ServiceError {
        ServiceError(.careInvalid, "微心愿信息有误，见各项问题 (the wish has problems: see each)", problems: problems)
    }

    // MARK: Reading

    static let columns = "w.*, c.masked, c.name AS student_name, c.grade, s.name AS school_name"
    static let from = "wish w JOIN child c ON c.number = w.student LEFT JOIN school s ON s.code = w.school"

    func wish(_ db: Database, id: Int64) throws -> Wish? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE w.id = ?"), arguments: [id]).map(Self.wish)
    }

    /// Wishes newest first, donors' phones masked; the caller has narrowed the query to the scope.
    func list(_ db: Database, _ query: WishQuery) throws -> [Wish] {
        let (filter, arguments) = Self.filter(query)
        return try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM \(Self.from)\(filter) ORDER BY w.id DESC LIMIT ?", arguments: arguments + [query.limit]).map { row in
            var wish = try Self.wish(row)
            wish.donor = wish.donor?.masked
            return wish
        }
    }

    /// A child's wishes, newest first.
    func forStudent(_ db: Database, number: String) throws -> [Wish] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.columns) FROM \(Self.from) WHERE w.student = ? ORDER BY w.id DESC"), arguments: [number]).map(Self.wish)
    }

    /// The donor view: posted wishes unless a state is asked for, newest first, with nothing of
    /// the child but the given name, grade and school name. Built from its own narrow select, so
    /// no personal column is ever read for it.
    func donorList(_ db: Database, _ query: WishQuery) throws -> [DonorWish] {
        var scoped = query
        if scoped.state == nil { scoped.state = .posted }
        let (filter, arguments) = Self.filter(scoped)
        let sql = "SELECT w.id, c.name AS child_name, c.grade, s.name AS school_name, w.wish, w.value, w.state, w.posted_on FROM \(Self.from)\(filter) ORDER BY w.id DESC LIMIT ?"
        return try Row.fetchAll(db, sql: sql, arguments: arguments + [query.limit]).map { row in
            DonorWish(
                id: row["id"], givenName: GivenName.of(row["child_name"]), grade: row["grade"], schoolName: row["school_name"] ?? "",
                wish: row["wish"], value: row["value"], state: WishState(rawValue: row["state"]) ?? .posted,
                postedOn: CivilDate(parsing: row["posted_on"] as String) ?? CivilDate(dayNumber: 0))
        }
    }

    static func filter(_ query: WishQuery) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let township = query.township { conditions.append("w.township = ?"); arguments += [township] }
        if let school = query.school { conditions.append("w.school = ?"); arguments += [school] }
        if let state = query.state { conditions.append("w.state = ?"); arguments += [state.rawValue] }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    static func wish(_ row: Row) throws -> Wish {
        func date(_ key: String) -> CivilDate? { (row[key] as String?).flatMap(CivilDate.init(parsing:)) }
        return Wish(
            id: row["id"], student: row["masked"], studentName: row["student_name"], grade: row["grade"], school: row["school"], schoolName: row["school_name"],
            township: row["township"], wish: row["wish"], value: row["value"], state: WishState(rawValue: row["state"]) ?? .posted,
            postedOn: date("posted_on") ?? CivilDate(dayNumber: 0), donor: try (row["donor"] as String?).map { try LedgerStore.decode(CareContact.self, $0) },
            claimedOn: date("claimed_on"), fulfilledOn: date("fulfilled_on"), note: row["note"], photo: row["photo"], withdrawnOn: date("withdrawn_on"),
            withdrawReason: row["withdraw_reason"])
    }
}
