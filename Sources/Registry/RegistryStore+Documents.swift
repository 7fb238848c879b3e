import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB

extension RegistryStore {
    /// Documents handed in after a change (补交材料): added to the change, its missing list and
    /// completeness recomputed against the configuration, the child's 手续不全 flag cleared when no
    /// change of theirs lacks any. Published as `registry.student.updated` (the child, with the
    /// flag) so the monitor stops counting the change as incomplete. Documents already there are
    /// not added twice, so a repeated request changes nothing.
    public func addDocuments(_ db: Database, _ request: ChangeDocumentsRequest, actor: Actor, scope: AccessScope) throws -> StatusChangedEvent {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT student, change FROM status_change WHERE id = ?"), arguments: [request.change]),
            let student = try fetchStudent(db, id: row[0])
        else {
            throw scope.missing(ServiceError(.changeNotFound, "未找到变动\(request.change) (no change \(request.change))"))
        }
        try scope.requireStudentWrite(township: student.township, school: student.record.schoolCode)
        let supplied = request.documents.map(TextNormalization.field).filter { !$0.isEmpty }
        let limits = StatusChangeRequest.documentProblems(supplied)
        guard !supplied.isEmpty, limits.isEmpty else {
            throw ServiceError(.requestInvalid, "请给出补交的证明材料名称 (name the documents handed in)", problems: limits.isEmpty ? [FieldProblem(field: "documents", reason: "required")] : limits)
        }
        var change = try WireCoding.decode(StatusChange.self, from: row[1])
        change.documents += supplied.filter { !change.documents.contains($0) }
        change.missingDocuments = documents.missing(for: change.kind, supplied: change.documents)
        let studentID: Int64 = row[0]
        try db.cachedStatement(sql: "UPDATE status_change SET change = ?, complete = ? WHERE id = ?").execute(arguments: [try RegistryStore.storageJSON(change), change.missingDocuments.isEmpty, request.change])
        let incomplete = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM status_change WHERE student = ? AND complete = 0)"), arguments: [studentID]) ?? false
        if incomplete != student.documentsIncomplete {
            try db.cachedStatement(sql: "UPDATE student SET documents_incomplete = ?, revision = revision + 1, updated_at = ? WHERE id = ?").execute(arguments: [incomplete, Timestamp.now(), studentID])
            let updated = try fetchStudent(db, id: studentID)!
            try outbox.append(db, type: RegistryMessage.Event.studentUpdated, topic: "\(RegistryMessage.Event.studentUpdated).\(updated.township)", body: updated, actor: actor)
            return StatusChangedEvent(change: change, student: updated)
        }
        return StatusChangedEvent(change: change, student: student)
    }
}
